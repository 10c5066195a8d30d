import type * as Y from 'yjs';
import { boardDocLayout } from '@boussole/shared';
import type { ContentGuard, ContentValidator } from '../collab/ContentValidator.js';

/**
 * « Sans hiérarchie »: cards carry no author on the board (nothing of a person is stored in a
 * shape), and presence is not relayed (PresenceRelay), so nobody learns who wrote a new card.
 * The server still knows: while the board is anonymous, the ids of the cards each person's
 * update added are handed to `record`, which writes them to the audit log (ids, no content).
 */

export interface AnonymousAuthorshipDeps {
  isAnonymous(boardId: string): boolean;
  record(boardId: string, author: { id: string; name: string }, cardIds: string[]): void;
}

class AuthorshipGuard implements ContentGuard {
  constructor(
    private readonly records: Y.Map<unknown>,
    private readonly inner: ContentGuard,
    private readonly boardId: string,
    private readonly deps: AnonymousAuthorshipDeps,
  ) {}

  applyChecked(...args: Parameters<ContentGuard['applyChecked']>) {
    const [, sender] = args;
    if (!sender || !this.deps.isAnonymous(this.boardId)) return this.inner.applyChecked(...args);
    const added: string[] = [];
    const observer = (event: Y.YMapEvent<unknown>) => {
      for (const [key, change] of event.changes.keys) if (change.action === 'add') added.push(key);
    };
    this.records.observe(observer);
    let refused: ReturnType<ContentGuard['applyChecked']>;
    try {
      refused = this.inner.applyChecked(...args);
    } finally {
      this.records.unobserve(observer);
    }
    // What the board kept: a refused card was reverted (removed) before this returns.
    const cards = added.filter((id) => id.startsWith('shape:') && this.records.has(id));
    if (cards.length > 0) this.deps.record(this.boardId, sender, cards);
    return refused;
  }

  describeRefusal(refused: Parameters<ContentGuard['describeRefusal']>[0]): string {
    return this.inner.describeRefusal(refused);
  }

  destroy(): void {
    this.inner.destroy();
  }
}

/** A board's validator that reports who added which card while the board is anonymous. */
export function withAnonymousAuthorship(
  inner: ContentValidator,
  boardId: string,
  deps: AnonymousAuthorshipDeps,
): ContentValidator {
  return {
    guard: (doc) =>
      new AuthorshipGuard(doc.getMap(boardDocLayout.records), inner.guard(doc), boardId, deps),
  };
}
