import type { BoardShapeRecord } from './cardIndex.js';

/** Hand-made board records for the search's unit tests (only what the search reads). */

const page = 'page:page';

export function observation(
  id: string,
  props: Partial<{
    verbatim: string;
    source: string;
    public: string;
    commune: string;
    date: string;
  }>,
  parentId = page,
): BoardShapeRecord {
  return {
    id,
    type: 'observation',
    parentId,
    props: {
      w: 260,
      h: 200,
      verbatim: '',
      source: 'entretien',
      public: '',
      commune: '',
      date: '',
      ...props,
    },
  };
}

export function hypothesis(
  id: string,
  props: Partial<{ statement: string; topic: string; public: string; status: string }>,
  parentId = page,
): BoardShapeRecord {
  return {
    id,
    type: 'hypothesis',
    parentId,
    props: { w: 300, h: 220, statement: '', topic: '', public: '', status: 'a_verifier', ...props },
  };
}

export function indicator(id: string, props: Record<string, unknown>, parentId = page) {
  return {
    id,
    type: 'indicator',
    parentId,
    props: {
      w: 240,
      h: 220,
      label: '',
      value: null,
      unit: '',
      territory: '',
      year: null,
      source: '',
      ...props,
    },
  } satisfies BoardShapeRecord;
}

export function recommendation(id: string, props: Record<string, unknown>, parentId = page) {
  return {
    id,
    type: 'recommendation',
    parentId,
    props: {
      w: 300,
      h: 240,
      title: '',
      description: '',
      leadOrganisation: '',
      priority: 'moyenne',
      hypothesisIds: [],
      ...props,
    },
  } satisfies BoardShapeRecord;
}

export function theme(id: string, label: string, parentId = page): BoardShapeRecord {
  return { id, type: 'theme', parentId, props: { w: 1000, h: 600, label } };
}

export function frame(id: string, parentId = page): BoardShapeRecord {
  return { id, type: 'frame', parentId, props: { w: 1000, h: 600, name: '' } };
}
