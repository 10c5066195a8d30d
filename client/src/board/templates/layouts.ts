import type { BoardTemplateId } from '@boussole/shared';
import { exampleCard, type ExampleCardItem } from './examples.js';

/**
 * What each board template lays out, as plain data: frames (or theme clusters) with their
 * titles, guidance notes telling the group what to do there, ruled areas inside a frame, and
 * one example card of each kind the board is for. French first, because the text lands in
 * the shared board that everyone in the room reads.
 *
 * An area or example card sits `in` the frame or theme of that title, at coordinates relative
 * to it, so it moves with it.
 */
export type TemplateItem =
  | { kind: 'frame'; x: number; y: number; w: number; h: number; title: string }
  | { kind: 'theme'; x: number; y: number; w: number; h: number; title: string }
  | { kind: 'guidance'; x: number; y: number; w: number; text: string }
  | { kind: 'area'; in: string; x: number; y: number; w: number; h: number; title: string }
  | ExampleCardItem;

export type Lang = 'fr' | 'en';
export type Text = Record<Lang, string>;

function row(titles: Text[], lang: Lang, opts: { y?: number; w?: number; h?: number } = {}) {
  const w = opts.w ?? 520;
  const h = opts.h ?? 640;
  return titles.map((title, i): TemplateItem => ({
    kind: 'frame',
    x: i * (w + 60),
    y: opts.y ?? 160,
    w,
    h,
    title: title[lang],
  }));
}

function guidance(text: Text, lang: Lang, y = 0): TemplateItem {
  return { kind: 'guidance', x: 0, y, w: 1400, text: text[lang] };
}

const believed: Text = { fr: 'Ce que nous croyons savoir', en: 'What we believe we know' };
const toVerify: Text = { fr: 'À vérifier', en: 'To verify' };
const toSort: Text = { fr: 'Observations à classer', en: 'Observations to sort' };
const highAndEasy: Text = {
  fr: 'Impact fort · faisabilité facile',
  en: 'High impact · easy to do',
};

const adulthood: Text = { fr: 'Adulte', en: 'Adulthood' };
const lifeStages: Text[] = [
  { fr: 'Enfance', en: 'Childhood' },
  { fr: 'Adolescence', en: 'Adolescence' },
  adulthood,
  { fr: 'Sénior', en: 'Senior' },
  { fr: 'Grand âge', en: 'Old age' },
  { fr: 'Handicap', en: 'Disability' },
];

/** The rows its guidance asks for, in every life stage: needs, breaks, existing answers. */
const journeyRowTitles: Text[] = [
  { fr: 'Besoins', en: 'Needs' },
  { fr: 'Ruptures de parcours', en: 'Breaks in the journey' },
  { fr: 'Réponses existantes', en: 'Existing services' },
];
const STAGE = { w: 380, h: 720 };
const JOURNEY_ROW = { inset: 10, h: 226, gap: 11 };

function journeyRowTop(row: number): number {
  return JOURNEY_ROW.inset + row * (JOURNEY_ROW.h + JOURNEY_ROW.gap);
}

function journeyRows(stage: string, lang: Lang): TemplateItem[] {
  return journeyRowTitles.map((title, i) => ({
    kind: 'area',
    in: stage,
    x: JOURNEY_ROW.inset,
    y: journeyRowTop(i),
    w: STAGE.w - 2 * JOURNEY_ROW.inset,
    h: JOURNEY_ROW.h,
    title: title[lang],
  }));
}

const layouts: Record<Exclude<BoardTemplateId, 'blank'>, (lang: Lang) => TemplateItem[]> = {
  'initial-perceptions': (lang) => [
    guidance(
      {
        fr: 'Représentations initiales — avant toute donnée, chacun écrit ce qu’il pense des besoins du territoire : une idée par carte.',
        en: 'Initial perceptions — before any data, everyone writes what they believe about local needs: one idea per card.',
      },
      lang,
    ),
    ...row(
      [
        believed,
        { fr: 'Ce qui nous inquiète', en: 'What worries us' },
        { fr: 'Ce que nous ignorons', en: 'What we do not know' },
      ],
      lang,
    ),
    exampleCard('note', lang, believed[lang], 40, 40),
  ],
  'working-hypotheses': (lang) => [
    guidance(
      {
        fr: 'Hypothèses de travail — formulez chaque hypothèse, reliez-la à ses indicateurs, puis déplacez-la selon ce que montrent les données et le terrain.',
        en: 'Working hypotheses — state each hypothesis, link it to indicators, then move it according to what the data and the field show.',
      },
      lang,
    ),
    ...row(
      [
        toVerify,
        { fr: 'Confirmées', en: 'Confirmed' },
        { fr: 'Nuancées', en: 'Qualified' },
        { fr: 'Infirmées', en: 'Refuted' },
      ],
      lang,
      { w: 440 },
    ),
    exampleCard('hypothesis', lang, toVerify[lang], 40, 40),
    exampleCard('indicator', lang, toVerify[lang], 40, 280),
  ],
  'affinity-map': (lang) => [
    guidance(
      {
        fr: 'Regroupement des observations — lisez les verbatims, rapprochez ceux qui disent la même chose et glissez-les dans un thème ; nommez chaque thème.',
        en: 'Affinity map — read the verbatims, bring together those that say the same thing, drop them into a theme and name it.',
      },
      lang,
    ),
    ...[0, 1, 2].map((i): TemplateItem => ({
      kind: 'theme',
      x: i * 620,
      y: 160,
      w: 560,
      h: 480,
      title: lang === 'fr' ? `Thème ${i + 1}` : `Theme ${i + 1}`,
    })),
    { kind: 'frame', x: 0, y: 720, w: 1800, h: 520, title: toSort[lang] },
    exampleCard('observation', lang, toSort[lang], 40, 40),
  ],
  'recommendations-matrix': (lang) => [
    guidance(
      {
        fr: 'Préconisations — placez chaque préconisation selon son impact attendu (en haut : fort) et sa faisabilité (à droite : facile).',
        en: 'Recommendations — place each recommendation by expected impact (top: high) and feasibility (right: easy).',
      },
      lang,
    ),
    ...row(
      [{ fr: 'Impact fort · faisabilité difficile', en: 'High impact · hard to do' }, highAndEasy],
      lang,
      { w: 700, h: 480 },
    ),
    ...row(
      [
        { fr: 'Impact faible · faisabilité difficile', en: 'Low impact · hard to do' },
        { fr: 'Impact faible · faisabilité facile', en: 'Low impact · easy to do' },
      ],
      lang,
      { w: 700, h: 480, y: 700 },
    ),
    exampleCard('recommendation', lang, highAndEasy[lang], 40, 40),
  ],
  'life-stages-journey': (lang) => [
    guidance(
      {
        fr: 'Parcours usager par temps de la vie — pour chaque âge, notez les besoins, les ruptures de parcours et les réponses existantes.',
        en: 'User journey by life stage — for each stage, note needs, breaks in the journey and existing services.',
      },
      lang,
    ),
    ...row(lifeStages, lang, { w: STAGE.w, h: STAGE.h }),
    ...lifeStages.flatMap((stage) => journeyRows(stage[lang], lang)),
    // A break in the journey, told by someone who lived it, in the adults' « Ruptures » row.
    exampleCard('observation', lang, adulthood[lang], 50, journeyRowTop(1) + 40),
  ],
};

/** The frames and themes of a layout: the boxes the group works in. */
export function containers(items: TemplateItem[]) {
  return items.flatMap((item) => (item.kind === 'frame' || item.kind === 'theme' ? [item] : []));
}

export function templateLayout(id: BoardTemplateId, lang: Lang = 'fr'): TemplateItem[] {
  return id === 'blank' ? [] : layouts[id](lang);
}
