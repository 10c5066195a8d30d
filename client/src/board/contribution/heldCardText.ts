import type { HeldCard, HeldCardInput, HeldCardKind } from '@boussole/shared';

/**
 * The one text a participant types for a held card, as the card's main field; the other
 * fields start empty, to be completed on the board after the reveal.
 */
export function heldCardInput(kind: HeldCardKind, text: string): HeldCardInput {
  switch (kind) {
    case 'observation':
      return {
        kind,
        props: { verbatim: text, source: 'atelier', public: '', commune: '', date: '' },
      };
    case 'hypothesis':
      return {
        kind,
        props: { statement: text, topic: '', public: '', status: 'a_verifier', evidenceIds: [] },
      };
    case 'indicator':
      return {
        kind,
        props: { label: text, value: null, unit: '', territory: '', year: null, source: '' },
      };
    case 'recommendation':
      return {
        kind,
        props: {
          title: text,
          description: '',
          leadOrganisation: '',
          priority: 'moyenne',
          hypothesisIds: [],
        },
      };
  }
}

/** The main text of a held card (what heldCardInput wrote). */
export function heldCardMainText(card: HeldCard | HeldCardInput): string {
  switch (card.kind) {
    case 'observation':
      return card.props.verbatim;
    case 'hypothesis':
      return card.props.statement;
    case 'indicator':
      return card.props.label;
    case 'recommendation':
      return card.props.title;
  }
}

/** The card with its main text replaced, other fields kept. */
export function withMainText(card: HeldCard, text: string): HeldCardInput {
  const input = { kind: card.kind, props: card.props } as HeldCardInput;
  switch (input.kind) {
    case 'observation':
      return { ...input, props: { ...input.props, verbatim: text } };
    case 'hypothesis':
      return { ...input, props: { ...input.props, statement: text } };
    case 'indicator':
      return { ...input, props: { ...input.props, label: text } };
    case 'recommendation':
      return { ...input, props: { ...input.props, title: text } };
  }
}
