/**
 * How a board lives in its Yjs document, for every reader of it (the client binding now, the
 * server's content validation later).
 *
 * - `doc.getMap(boardDocLayout.records)`: one nested `Y.Map` per tldraw document record, keyed by
 *   record id. Each record is stored field by field: top-level fields (`x`, `y`, `parentId`, …)
 *   are plain values, and `props` and `meta` are nested `Y.Map`s of plain values. Two people
 *   changing different fields of one card therefore both keep their change.
 * - `doc.getMap(boardDocLayout.meta).get(boardDocLayout.schemaKey)`: the serialized tldraw schema
 *   the records were written with, so a newer client migrates them on load.
 */
export const boardDocLayout = {
  records: 'records',
  meta: 'meta',
  schemaKey: 'schema',
  /** Record fields stored as nested maps rather than as one value. */
  nestedFields: ['props', 'meta'],
} as const;
