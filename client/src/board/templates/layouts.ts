import type { BoardTemplateId } from '@boussole/shared';

/**
 * What each board template lays out, as plain data: frames (or theme clusters) with their
 * titles, and guidance notes telling the group what to do there. French first, because the
 * text lands in the shared board that everyone in the room reads.
 */
export type TemplateItem =
  | { kind: 'frame'; x: number; y: number; w: number; h: number; title: string }
  | { kind: 'theme'; x: number; y: number; w: number; h: number; title: string }
  | { kind: 'guidance'; x: number; y: number; w: number; text: string };

type Lang = 'fr' | 'en';
type Text = Record<Lang, string>;

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
        { fr: 'Ce que nous croyons savoir', en: 'What we believe we know' },
        { fr: 'Ce qui nous inquiète', en: 'What worries us' },
        { fr: 'Ce que nous ignorons', en: 'What we do not know' },
      ],
      lang,
    ),
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
        { fr: 'À vérifier', en: 'To verify' },
        { fr: 'Confirmées', en: 'Confirmed' },
        { fr: 'Nuancées', en: 'Qualified' },
        { fr: 'Infirmées', en: 'Refuted' },
      ],
      lang,
      { w: 440 },
    ),
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
    {
      kind: 'frame',
      x: 0,
      y: 720,
      w: 1800,
      h: 520,
      title: lang === 'fr' ? 'Observations à classer' : 'Observations to sort',
    },
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
      [
        { fr: 'Impact fort · faisabilité difficile', en: 'High impact · hard to do' },
        { fr: 'Impact fort · faisabilité facile', en: 'High impact · easy to do' },
      ],
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
  ],
  'life-stages-journey': (lang) => [
    guidance(
      {
        fr: 'Parcours usager par temps de la vie — pour chaque âge, notez les besoins, les ruptures de parcours et les réponses existantes.',
        en: 'User journey by life stage — for each stage, note needs, breaks in the journey and existing services.',
      },
      lang,
    ),
    ...row(
      [
        { fr: 'Enfance', en: 'Childhood' },
        { fr: 'Adolescence', en: 'Adolescence' },
        { fr: 'Adulte', en: 'Adulthood' },
        { fr: 'Sénior', en: 'Senior' },
        { fr: 'Grand âge', en: 'Old age' },
        { fr: 'Handicap', en: 'Disability' },
      ],
      lang,
      { w: 380, h: 720 },
    ),
  ],
};

export function templateLayout(id: BoardTemplateId, lang: Lang = 'fr'): TemplateItem[] {
  return id === 'blank' ? [] : layouts[id](lang);
}
