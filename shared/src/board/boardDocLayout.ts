/**
 * How a board lives in its Yjs document, for every reader of it (the client binding, the
 * server's content validation).
 *
 * - `doc.getMap(boardDocLayout.records)`: one nested `Y.Map` per tldraw document record, keyed by
 *   record id. Each record is stored field by field: top-level fields (`x`, `y`, `parentId`, …)
 *   are plain values, and `props` and `meta` are nested `Y.Map`s of plain values. Two people
 *   changing different fields of one card therefore both keep their change.
 * - `doc.getMap(boardDocLayout.meta)`, the board's own settings, one key each:
 *   - `schemaKey`: the serialized tldraw schema the records were written with, so a newer
 *     client migrates them on load;
 *   - `templateAppliedKey`: the template whose layout the board already holds (a template id),
 *     so that it is laid out once, not by every person opening a new board.
 *   The server refuses any other key: a new one must be declared here and accepted there.
 */
export const boardDocLayout = {
  records: 'records',
  meta: 'meta',
  schemaKey: 'schema',
  templateAppliedKey: 'templateApplied',
  /** Record fields stored as nested maps rather than as one value. */
  nestedFields: ['props', 'meta'],
} as const;
