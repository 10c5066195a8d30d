import {
  PageRecordType,
  createShapeId,
  getIndices,
  toRichText,
  type TLPageId,
  type TLParentId,
  type TLRecord,
  type TLShapeId,
} from 'tldraw';
import {
  formatCardRef,
  parseCsv,
  type BoardTemplateId,
  type ObservationSource,
} from '@boussole/shared';

/**
 * The Val d'Arvière demo (a fictitious intercommunal ABS, see shared/data/val-d-arviere) as
 * the tldraw records of two boards. Pure: it takes the data files as text, so the browser
 * imports them with Vite and tests read them from disk.
 *
 * Over 300 lines on purpose: it lays the demo's boards out card by card, as a facilitator would.
 */

export interface DemoFiles {
  observations: string;
  hypotheses: string;
  indicators: string;
  recommendations: string;
}

export interface DemoBoard {
  title: string;
  template: BoardTemplateId;
  /** Every record to write into the board's Y.Doc: its page, then shapes. */
  records: TLRecord[];
}

export interface DemoBoards {
  affinity: DemoBoard;
  hypotheses: DemoBoard;
  recommendations: DemoBoard;
}

/** The page an editor creates on an empty board; the records go on it. */
export const demoPageId: TLPageId = PageRecordType.createId('page');

const OBSERVATION = { w: 260, h: 200, gap: 20 };
/** Guidance text sits at the top left, where the board opens; the cards start below it. */
const CONTENT_TOP = 200;
const GUIDANCE_WIDTH = 1100;
/**
 * Taller than a new card: the demo's figures carry long labels, units and sources, and the
 * source line must not be cut off at the bottom of the card.
 */
const INDICATOR = { w: 240, h: 220, gap: 20 };
const HYPOTHESIS = { w: 300, h: 220 };
const RECOMMENDATION = { w: 300, h: 240, gap: 30 };
const FRAME_PADDING = 40;

/** Field sources in the data are finer than the card's: both kinds of interview are one. */
const sourceByLabel: Record<string, ObservationSource> = {
  'entretien individuel': 'entretien',
  'entretien collectif': 'entretien',
  entretien: 'entretien',
  questionnaire: 'questionnaire',
  atelier: 'atelier',
  permanence: 'permanence',
  'micro-trottoir': 'micro-trottoir',
};

/**
 * The survey's short publics spelled as the demo workspace lists them (workspace.json), so
 * the side panel does not flag every demo observation's public as off-list. Others, such as
 * « professionnel » or « tout public », are not in the workspace's list and stay as written.
 */
const workspacePublicByLabel: Record<string, string> = {
  jeune: 'jeunes 16-25 ans',
  'personne âgée': 'personnes âgées 75 ans et plus',
};

function workspacePublic(label: string): string {
  return workspacePublicByLabel[normalise(label)] ?? label;
}

const themeLabels: Record<string, string> = {
  logement: 'Logement',
  insertion: 'Insertion et emploi',
  mobilité: 'Mobilité',
};

function baseShape(id: TLShapeId, parentId: TLParentId, x: number, y: number, index: string) {
  return {
    id,
    typeName: 'shape' as const,
    x,
    y,
    rotation: 0,
    index: index as never,
    parentId,
    isLocked: false,
    opacity: 1,
    meta: {},
  };
}

/** A card of `type` at its kind's size, where `place` puts it. */
function cardRecord(
  place: ReturnType<typeof baseShape>,
  type: string,
  size: { w: number; h: number },
  props: object,
): TLRecord {
  return { ...place, type, props: { w: size.w, h: size.h, ...props } } as TLRecord;
}

/** The French sentence at the top left of a demo board, saying what to do with it. */
function guidanceText(text: string, width: number, index: string): TLRecord {
  return {
    ...baseShape(createShapeId('demo-guidance'), demoPageId, 0, 0, index),
    type: 'text',
    props: {
      richText: toRichText(text),
      w: width,
      autoSize: false,
      size: 'm',
      color: 'black',
      font: 'sans',
      textAlign: 'start',
      scale: 1,
    },
  } as TLRecord;
}

function pageRecord(): TLRecord {
  return PageRecordType.create({ id: demoPageId, name: 'Page 1', index: 'a1' as never });
}

/** Labels compared without case, accents' apostrophe variants or extra spaces. */
function normalise(label: string): string {
  return label.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

function numberOrNull(value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  const n = Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

export function buildAffinityBoard(observationsCsv: string): DemoBoard {
  const table = parseCsv(observationsCsv, {
    requiredColumns: ['id', 'date', 'source', 'public', 'commune', 'theme_pressenti', 'verbatim'],
  });
  const rows = [...table.rows].sort(
    (a, b) =>
      (a.values.commune ?? '').localeCompare(b.values.commune ?? '', 'fr') ||
      (a.values.id ?? '').localeCompare(b.values.id ?? ''),
  );
  const columns = 9;
  const gridWidth = columns * (OBSERVATION.w + OBSERVATION.gap) - OBSERVATION.gap;
  const topics = [...new Set(table.rows.map((row) => row.values.theme_pressenti ?? ''))].filter(
    (topic) => topic in themeLabels,
  );
  const themeTopics = topics.length > 0 ? topics : Object.keys(themeLabels);
  const indices = getIndices(rows.length + themeTopics.length + 2).slice(1);
  let next = 0;
  const records: TLRecord[] = [pageRecord()];

  records.push(
    guidanceText(
      'Regroupement des observations — glissez chaque observation dans le thème qui lui correspond ; créez un thème (« + Thème ») quand aucun ne convient. Le compteur de chaque thème se met à jour tout seul.',
      GUIDANCE_WIDTH,
      indices[next++] as string,
    ),
  );

  rows.forEach((row, i) => {
    const v = row.values;
    const source = sourceByLabel[normalise(v.source ?? '')];
    if (!source) throw new Error(`observation ${v.id}: unknown source "${v.source}"`);
    records.push(
      cardRecord(
        baseShape(
          createShapeId(`demo-${v.id}`),
          demoPageId,
          (i % columns) * (OBSERVATION.w + OBSERVATION.gap),
          CONTENT_TOP + Math.floor(i / columns) * (OBSERVATION.h + OBSERVATION.gap),
          indices[next++] as string,
        ),
        'observation',
        OBSERVATION,
        {
          verbatim: v.verbatim ?? '',
          source,
          public: workspacePublic(v.public ?? ''),
          commune: v.commune ?? '',
          date: v.date ?? '',
        },
      ),
    );
  });

  // Empty themes beside the grid, one per topic of the survey, ready to receive cards.
  const themeX = gridWidth + 160;
  themeTopics.forEach((topic, i) => {
    records.push({
      ...baseShape(
        createShapeId(`demo-theme-${i}`),
        demoPageId,
        themeX,
        CONTENT_TOP + i * 640,
        indices[next++] as string,
      ),
      type: 'theme',
      props: { w: 1040, h: 600, label: themeLabels[topic] ?? topic },
    } as TLRecord);
  });

  return {
    title: 'Regroupement des observations — Val d’Arvière',
    template: 'affinity-map',
    records,
  };
}

export function buildHypothesesBoard(hypothesesCsv: string, indicatorsCsv: string): DemoBoard {
  const hypotheses = parseCsv(hypothesesCsv, {
    requiredColumns: ['id', 'theme', 'public', 'enonce', 'indicateurs_lies'],
  }).rows;
  const indicators = parseCsv(indicatorsCsv, {
    requiredColumns: ['indicateur', 'unite', 'territoire', 'code', 'valeur', 'annee', 'source'],
  }).rows;
  // The territory-wide figure (code CC) is the one a hypothesis is checked against; a commune's
  // figure is used only when the territory has none.
  const byLabel = new Map<string, Record<string, string>>();
  for (const row of indicators) {
    const key = normalise(row.values.indicateur ?? '');
    const known = byLabel.get(key);
    if (!known || (known.code !== 'CC' && row.values.code === 'CC')) byLabel.set(key, row.values);
  }

  const records: TLRecord[] = [pageRecord()];
  const maxLinked = Math.max(
    1,
    ...hypotheses.map((h) => (h.values.indicateurs_lies ?? '').split(';').filter(Boolean).length),
  );
  const frameWidth =
    FRAME_PADDING * 2 + HYPOTHESIS.w + maxLinked * (INDICATOR.w + INDICATOR.gap) + INDICATOR.gap;
  const frameHeight = FRAME_PADDING * 2 + HYPOTHESIS.h;
  const pageIndices = getIndices(hypotheses.length + 2).slice(1);

  records.push(
    guidanceText(
      'Hypothèses de travail — chaque cadre réunit une hypothèse et les indicateurs qui la mettent à l’épreuve. Après l’enquête, changez son statut : confirmée, infirmée ou nuancée.',
      Math.min(frameWidth, GUIDANCE_WIDTH),
      pageIndices[0] as string,
    ),
  );

  hypotheses.forEach((row, i) => {
    const h = row.values;
    const frameId = createShapeId(`demo-frame-${h.id}`);
    records.push({
      ...baseShape(
        frameId,
        demoPageId,
        0,
        CONTENT_TOP + i * (frameHeight + 60),
        pageIndices[i + 1] as string,
      ),
      type: 'frame',
      props: {
        w: frameWidth,
        h: frameHeight,
        name: `${h.id} · ${h.theme} · ${h.public}`,
        color: 'black',
      },
    } as TLRecord);
    const linked = (h.indicateurs_lies ?? '')
      .split(';')
      .map((label) => label.trim())
      .filter(Boolean);
    const childIndices = getIndices(linked.length + 2).slice(1);
    const hypothesisId = createShapeId(`demo-${h.id}`);
    records.push(
      cardRecord(
        baseShape(hypothesisId, frameId, FRAME_PADDING, FRAME_PADDING, childIndices[0] as string),
        'hypothesis',
        HYPOTHESIS,
        {
          statement: h.enonce ?? '',
          topic: h.theme ?? '',
          public: h.public ?? '',
          status: 'a_verifier',
          // Its indicators, in its frame: evidence on the same board, drawn as arrows.
          evidenceIds: linked.map((_, j) => createShapeId(`demo-${h.id}-indicator-${j}`)),
        },
      ),
    );
    linked.forEach((label, j) => {
      const indicator = byLabel.get(normalise(label));
      if (!indicator) throw new Error(`hypothesis ${h.id}: no indicator named "${label}"`);
      const place = baseShape(
        createShapeId(`demo-${h.id}-indicator-${j}`),
        frameId,
        FRAME_PADDING + HYPOTHESIS.w + INDICATOR.gap + j * (INDICATOR.w + INDICATOR.gap),
        FRAME_PADDING + (HYPOTHESIS.h - INDICATOR.h) / 2,
        childIndices[j + 1] as string,
      );
      records.push(
        cardRecord({ ...place, meta: { hypothesisId } }, 'indicator', INDICATOR, {
          label: indicator.indicateur ?? label,
          value: numberOrNull(indicator.valeur),
          unit: indicator.unite ?? '',
          territory: indicator.territoire ?? '',
          year: numberOrNull(indicator.annee),
          source: indicator.source ?? '',
        }),
      );
    });
  });

  return {
    title: 'Hypothèses de travail — Val d’Arvière',
    template: 'working-hypotheses',
    records,
  };
}

const priorities: Record<string, 'haute' | 'moyenne' | 'basse'> = {
  haute: 'haute',
  moyenne: 'moyenne',
  basse: 'basse',
};

/**
 * The préconisations the collectif projet drafted, one column per topic, each with its
 * priority, its lead organisation and the hypotheses it answers (cards of the hypotheses
 * board: the same ids as buildHypothesesBoard gives them).
 */
export function buildRecommendationsBoard(
  recommendationsCsv: string,
  hypothesesBoardId: string,
): DemoBoard {
  const rows = parseCsv(recommendationsCsv, {
    requiredColumns: [
      'id',
      'theme',
      'titre',
      'description',
      'hypotheses',
      'porteur_pressenti',
      'priorite',
    ],
  }).rows;
  const topics = [...new Set(rows.map((row) => row.values.theme ?? ''))];
  const records: TLRecord[] = [pageRecord()];
  const indices = getIndices(rows.length + 2).slice(1);
  records.push(
    guidanceText(
      'Préconisations — une colonne par thématique. Précisez pour chacune la priorité et l’organisation qui la porte ; le rapport les reprend depuis ce tableau (« Insérer depuis les tableaux »).',
      Math.min(GUIDANCE_WIDTH, topics.length * (RECOMMENDATION.w + RECOMMENDATION.gap)),
      indices[0] as string,
    ),
  );
  const placed = new Map<string, number>();
  rows.forEach((row, i) => {
    const v = row.values;
    const column = topics.indexOf(v.theme ?? '');
    const slot = placed.get(v.theme ?? '') ?? 0;
    placed.set(v.theme ?? '', slot + 1);
    const priority = priorities[normalise(v.priorite ?? '')];
    if (!priority) throw new Error(`préconisation ${v.id}: unknown priority "${v.priorite}"`);
    records.push(
      cardRecord(
        baseShape(
          createShapeId(`demo-${v.id}`),
          demoPageId,
          column * (RECOMMENDATION.w + RECOMMENDATION.gap),
          CONTENT_TOP + slot * (RECOMMENDATION.h + RECOMMENDATION.gap),
          indices[i + 1] as string,
        ),
        'recommendation',
        RECOMMENDATION,
        {
          title: v.titre ?? '',
          description: v.description ?? '',
          leadOrganisation: v.porteur_pressenti ?? '',
          priority,
          hypothesisIds: [
            ...new Set(
              (v.hypotheses ?? '')
                .split(';')
                .map((h) => h.trim())
                .filter(Boolean)
                .map((h) => formatCardRef('', hypothesesBoardId, createShapeId(`demo-${h}`))),
            ),
          ],
        },
      ),
    );
  });
  // Its template is the préconisations one, so the workspace page labels it as such; the board
  // is marked as laid out (writeBoard), so the matrix's quadrants are not drawn over the columns.
  return {
    title: 'Préconisations — Val d’Arvière',
    template: 'recommendations-matrix',
    records,
  };
}

/** The id tests give the hypotheses board; loadDemo gives the id the server created. */
export const sampleHypothesesBoardId = 'demo-hypotheses';

/**
 * The demo's boards. The préconisations link to the hypotheses board's cards (cross-board
 * links, shared/src/board/cardLinks.ts), so that board's id must be known first.
 */
export function buildDemoBoards(
  files: DemoFiles,
  boardIds: { hypotheses: string } = { hypotheses: sampleHypothesesBoardId },
): DemoBoards {
  return {
    affinity: buildAffinityBoard(files.observations),
    hypotheses: buildHypothesesBoard(files.hypotheses, files.indicators),
    recommendations: buildRecommendationsBoard(files.recommendations, boardIds.hypotheses),
  };
}
