/**
 * The example cards a template puts on a new board: one of each kind the board is for, so the
 * group sees what a filled card looks like before writing its own. Each one says it is an
 * example in its own text (« Exemple : … »), because that text is what everyone reads and what
 * the report or an export would carry if nobody deleted it.
 */

export type ExampleCardType =
  'note' | 'observation' | 'hypothesis' | 'indicator' | 'recommendation';

export interface ExampleCardItem {
  kind: 'card';
  type: ExampleCardType;
  /** Title of the frame or theme that holds the card; x and y are relative to it. */
  in: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** The card's main text: a note's text, a verbatim, a statement, a label or a title. */
  text: string;
  /** The card's other fields, as plain values. */
  props: Record<string, string | number | null | string[]>;
}

type Lang = 'fr' | 'en';

/** The marker every example's text starts with, in the board's language. */
export const examplePrefix: Record<Lang, string> = { fr: 'Exemple : ', en: 'Example: ' };

const sizes: Record<ExampleCardType, { w: number; h: number }> = {
  note: { w: 200, h: 200 },
  observation: { w: 260, h: 180 },
  hypothesis: { w: 300, h: 200 },
  indicator: { w: 240, h: 200 },
  recommendation: { w: 300, h: 220 },
};

const examples: Record<
  ExampleCardType,
  Record<Lang, { text: string; props: ExampleCardItem['props'] }>
> = {
  note: {
    fr: { text: 'les jeunes quittent le territoire faute de transport.', props: {} },
    en: { text: 'young people leave the area because there is no transport.', props: {} },
  },
  observation: {
    fr: {
      text: '« Le car part à 7 h, mon travail commençait à 6 h : j’ai dû refuser le poste. »',
      props: { source: 'entretien', public: '', commune: '', date: '' },
    },
    en: {
      text: '“The bus leaves at 7, my job started at 6: I had to turn it down.”',
      props: { source: 'entretien', public: '', commune: '', date: '' },
    },
  },
  hypothesis: {
    fr: {
      text: 'des jeunes sans permis renoncent à un emploi faute de transport aux heures d’embauche.',
      props: { topic: '', public: '', status: 'a_verifier' },
    },
    en: {
      text: 'young people without a driving licence turn down jobs for lack of transport at shift times.',
      props: { topic: '', public: '', status: 'a_verifier' },
    },
  },
  indicator: {
    fr: {
      text: 'part des ménages sans voiture',
      props: { value: null, unit: '%', territory: '', year: null, source: 'Insee, recensement' },
    },
    en: {
      text: 'share of households without a car',
      props: { value: null, unit: '%', territory: '', year: null, source: 'Insee, census' },
    },
  },
  recommendation: {
    fr: {
      text: 'adapter les horaires du car aux embauches',
      props: {
        description: 'Un départ plus tôt les jours ouvrés, à essayer six mois.',
        leadOrganisation: '',
        priority: 'moyenne',
        hypothesisIds: [],
      },
    },
    en: {
      text: 'match bus times to shift starts',
      props: {
        description: 'An earlier bus on working days, tried for six months.',
        leadOrganisation: '',
        priority: 'moyenne',
        hypothesisIds: [],
      },
    },
  },
};

/** The example card of `type`, at (x, y) in the frame or theme titled `container`. */
export function exampleCard(
  type: ExampleCardType,
  lang: Lang,
  container: string,
  x: number,
  y: number,
): ExampleCardItem {
  const example = examples[type][lang];
  return {
    kind: 'card',
    type,
    in: container,
    x,
    y,
    ...sizes[type],
    text: examplePrefix[lang] + example.text,
    props: example.props,
  };
}
