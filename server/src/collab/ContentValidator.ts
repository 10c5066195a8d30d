import type * as Y from 'yjs';
import type { WorkspaceRole } from '@boussole/shared';

/** One piece of content a document's rules refused in a client update, already reverted. */
export interface RefusedContent {
  /** What was refused (a record id, a meta key): safe to log, unlike the content itself. */
  id: string;
  /** Where in it the problem is (e.g. `props.source`), when known. Safe to log too. */
  path?: string;
  /** Why, for the person whose client wrote it. May quote their own content: never log it. */
  detail: string;
}

/**
 * Guards one loaded document: the room hands it every client update, one at a time, inside
 * the commit, before anything is stored or broadcast.
 */
export interface ContentGuard {
  /**
   * Runs `apply`, which integrates one client update into the document, then checks whatever
   * it changed. Refused content is put back as it was (or removed, if it is new) by a
   * compensating transaction before this returns, so the document only ever holds accepted
   * content at a commit. Returns what was refused, empty when everything was accepted.
   * `sender` is who sent the update (absent for the server's own changes), for rules that
   * depend on authorship; `role` their role, for rules that spare facilitators (a frozen or
   * locked board, server/src/session/boardWriteRules.ts).
   */
  applyChecked(
    apply: () => void,
    sender?: { readonly id: string; readonly name: string },
    role?: WorkspaceRole,
  ): RefusedContent[];
  /** One short French sentence telling the sender what was refused. */
  describeRefusal(refused: readonly RefusedContent[]): string;
  destroy(): void;
}

/**
 * The content rules of one kind of document (a board's tldraw records, …). Called once per
 * room, after the stored state is loaded into `doc` and before any client update is applied.
 */
export interface ContentValidator {
  guard(doc: Y.Doc): ContentGuard;
}

/**
 * Runs a client update with a guard's change tracking on. A failure halfway is returned, not
 * thrown: whatever Yjs integrated before it must be checked all the same, and the guard
 * rethrows it once it has.
 */
export function applyTracked(
  apply: () => void,
  setTracking: (on: boolean) => void,
): { error: unknown } | undefined {
  setTracking(true);
  try {
    apply();
    return undefined;
  } catch (error) {
    return { error };
  } finally {
    setTracking(false);
  }
}
