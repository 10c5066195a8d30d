/**
 * Tests of the collaboration core (convergence, durability, malformed frames…) use boards as
 * plain Yjs documents and write these roots, which no kind of document declares. Test servers
 * let them through (UNCHECKED_ROOTS); any other undeclared root is still refused, as in
 * production (tests/collab/document-roots.test.ts).
 */
export const coreTestRoots = ['text', 'cards', 'list', 'notes', 'entries', 'probes', 't'];

export const coreTestEnv = { UNCHECKED_ROOTS: coreTestRoots.join(',') };
