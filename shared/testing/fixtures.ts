/**
 * Plain data that unit tests of several packages start from (server, client and cross-package
 * tests import it; no package build includes it).
 */

/** A new workspace's fields: a communal ABS over 2026 that lists no commune, topic or public. */
export function workspaceFields(name: string) {
  return {
    name,
    kind: 'communale' as const,
    periodStart: '2026-01-01',
    periodEnd: '2026-12-31',
    topics: [],
    publics: [],
    communes: [],
  };
}

/** The props of an arrow's end bound to the centre of its target, as tldraw writes them. */
export const arrowEndProps = {
  terminal: 'end',
  normalizedAnchor: { x: 0.5, y: 0.5 },
  isExact: false,
  isPrecise: false,
  snap: 'none',
} as const;
