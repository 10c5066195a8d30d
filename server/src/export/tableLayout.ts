import type { TableCell, TableRow } from './reportModel.js';

/**
 * Places table cells on a rectangular grid. HTML can take rows of cells with colspan/rowspan as
 * they are, but DOCX, ODT and Markdown need to know, for every row, which grid columns are taken
 * by a cell from a row above (vertical merge, covered cell, empty Markdown cell) and how many
 * columns the table has in all. Overlapping or overlong spans are trimmed to fit.
 */
export type GridSlot =
  /** The top-left slot of a cell. */
  | { kind: 'cell'; cell: TableCell; colspan: number; rowspan: number }
  /** A slot covered by the cell whose top-left slot is at (originRow, originColumn). */
  | { kind: 'covered'; cell: TableCell; originRow: number; originColumn: number; colspan: number }
  /** Nothing was placed here: the row had fewer cells than the widest row. */
  | { kind: 'empty' };

export interface TableLayout {
  columnCount: number;
  /** One array of exactly `columnCount` slots per row. */
  grid: GridSlot[][];
  /** Leading rows made only of header cells: repeated on each page, `<thead>` in HTML. */
  headerRowCount: number;
}

export function layoutTable(rows: TableRow[]): TableLayout {
  const grid: Array<Array<GridSlot | undefined>> = rows.map(() => []);
  rows.forEach((row, rowIndex) => {
    const slots = grid[rowIndex]!;
    let column = 0;
    for (const cell of row.cells) {
      while (slots[column] !== undefined) column += 1;
      let colspan = 1;
      while (colspan < cell.colspan && slots[column + colspan] === undefined) colspan += 1;
      const rowspan = Math.min(cell.rowspan, rows.length - rowIndex);
      slots[column] = { kind: 'cell', cell, colspan, rowspan };
      for (let dr = 0; dr < rowspan; dr += 1) {
        const target = grid[rowIndex + dr]!;
        for (let dc = 0; dc < colspan; dc += 1) {
          if ((dr > 0 || dc > 0) && target[column + dc] === undefined) {
            target[column + dc] = {
              kind: 'covered',
              cell,
              originRow: rowIndex,
              originColumn: column,
              colspan,
            };
          }
        }
      }
      column += colspan;
    }
  });
  const columnCount = grid.reduce((widest, slots) => Math.max(widest, slots.length), 0);
  const filled = grid.map((slots) =>
    Array.from({ length: columnCount }, (_, index): GridSlot => slots[index] ?? { kind: 'empty' }),
  );
  let headerRowCount = 0;
  while (
    headerRowCount < rows.length &&
    rows[headerRowCount]!.cells.length > 0 &&
    rows[headerRowCount]!.cells.every((cell) => cell.header)
  ) {
    headerRowCount += 1;
  }
  return { columnCount, grid: filled, headerRowCount };
}
