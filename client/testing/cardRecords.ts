import { createShapeId, type IndexKey, type TLParentId, type TLShape, type TLStore } from 'tldraw';
import type {
  HypothesisCardProps,
  IndicatorCardProps,
  ObservationCardProps,
  RecommendationCardProps,
  ThemeCardProps,
} from '@boussole/shared';
import { defaultPageId } from './boardPeers.js';

/** Complete card props, as tests and fuzzers start from them. */
export const sampleProps = {
  observation: {
    w: 240,
    h: 160,
    verbatim: "Pas de car à 6 h : j'ai dû refuser l'embauche.",
    source: 'entretien',
    public: 'jeunes 16-25 ans',
    commune: 'Rochebrune',
    date: '2026-04-02',
  } satisfies ObservationCardProps,
  hypothesis: {
    w: 240,
    h: 160,
    statement: 'Des jeunes renoncent à un emploi faute de transport.',
    topic: 'mobilité',
    public: 'jeunes 16-25 ans',
    status: 'a_verifier',
  } satisfies HypothesisCardProps,
  indicator: {
    w: 220,
    h: 140,
    label: 'Part des 75 ans et plus',
    value: 12.8,
    unit: '%',
    territory: "Val d'Arvière",
    year: 2023,
    source: 'Fictif (type recensement)',
  } satisfies IndicatorCardProps,
  theme: { w: 560, h: 400, label: 'Se déplacer sans voiture' } satisfies ThemeCardProps,
  recommendation: {
    w: 260,
    h: 180,
    title: 'Adapter les horaires du car aux embauches',
    description: 'Un départ avant 6 h et un retour après 19 h.',
    leadOrganisation: 'Communauté de communes',
    priority: 'haute',
    hypothesisIds: ['shape:H1'],
  } satisfies RecommendationCardProps,
} as const;

type CardType = keyof typeof sampleProps;

/** A full shape record of a card, built by the store's own record type (defaults filled in). */
export function cardRecord<K extends CardType>(
  store: TLStore,
  type: K,
  id: string,
  fields: {
    x?: number;
    y?: number;
    parentId?: TLParentId;
    index?: IndexKey;
    props?: Partial<TLShape<K>['props']>;
  } = {},
): TLShape<K> {
  const { props, ...rest } = fields;
  return store.schema.types.shape.create({
    id: createShapeId(id),
    type,
    x: 0,
    y: 0,
    parentId: defaultPageId,
    index: 'a1' as IndexKey,
    ...rest,
    props: { ...sampleProps[type], ...props },
  }) as TLShape<K>;
}
