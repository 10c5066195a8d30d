import * as Y from 'yjs';
import { seedObservationBoard } from '../client/testing/seedObservationBoard.js';
import { layoutThemeGrid } from '../client/src/board/placement/themeGrid.js';
import {
  boardRecordsMap,
  createYRecord,
  readYRecord,
  writeYRecordChanges,
} from '../shared/src/index.js';

/** The ids the drag step looks for on the page. */
export const dragBoardIds = { theme: 'shape:bench-theme', card: 'shape:O100' } as const;

const themedCards = 100;

/**
 * The drag step's board: `n` observation cards in all, of which 100 fill one theme's grid, one
 * lies just right of the theme (the card that is dragged in) and the rest are in a grid below,
 * so that the editor has a full board's shapes to hit-test and cull while the card moves.
 * Seeded as the render step's board is, then rearranged in the document.
 */
export function seedDragBoard(doc: Y.Doc, n: number): void {
  seedObservationBoard(doc, n);
  const records = boardRecordsMap(doc);
  const card = (i: number) => {
    const yRecord = records.get(`shape:O${i}`);
    if (!(yRecord instanceof Y.Map)) throw new Error(`card O${i} was not seeded`);
    return { yRecord, record: readYRecord(yRecord) };
  };
  const grid = layoutThemeGrid(
    { w: 560, h: 400 },
    Array.from({ length: themedCards }, (_, i) => ({
      id: `shape:O${i}`,
      x: (i % 10) * 260,
      y: 80 + Math.floor(i / 10) * 180,
      w: 240,
      h: 160,
    })),
  );
  const first = card(0).record;
  const move = (i: number, changes: Record<string, unknown>) => {
    const { yRecord, record } = card(i);
    writeYRecordChanges(yRecord, record, { ...record, ...changes });
  };
  doc.transact(() => {
    // Behind the page's cards ('a0' sorts before the seeded cards' indices).
    records.set(
      dragBoardIds.theme,
      createYRecord({
        ...first,
        id: dragBoardIds.theme,
        type: 'theme',
        x: 0,
        y: 0,
        index: 'a0',
        props: { ...grid.size, label: 'Se déplacer sans voiture' },
      }),
    );
    for (let i = 0; i < themedCards; i++)
      move(i, { ...grid.positions.get(`shape:O${i}`), parentId: dragBoardIds.theme });
    move(themedCards, { x: grid.size.w + 120, y: 200 });
    const top = grid.size.h + 400;
    for (let i = themedCards + 1; i < n; i++) {
      const { record } = card(i);
      move(i, { y: top + (record.y as number) });
    }
  });
}
