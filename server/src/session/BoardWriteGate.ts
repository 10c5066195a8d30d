import type * as Y from 'yjs';
import type { ContentGuard, ContentValidator, RefusedContent } from '../collab/ContentValidator.js';
import { BoardChangeTracker } from './BoardChangeTracker.js';
import { boardWriteRules, isSparedByBoardRules, type BoardWriteRule } from './boardWriteRules.js';
import type { SessionDocs } from './SessionDocs.js';

/** The id under which a rule's refusal travels among the guard's refused content. */
const SESSION_RULE = 'session:rule';

type SessionSource = Pick<SessionDocs, 'currentSession' | 'now' | 'forgetBoard'>;

/**
 * The one place in a board's frame path where the session (timer at zero, locks…) refuses a
 * participant's update: it wraps the board's content guard, so a refused update is taken back
 * inside the same commit and the sender is told why, exactly as for a refused card. Everything
 * else (the content rules) is the board guard's.
 */
class BoardWriteGate implements ContentGuard {
  constructor(
    private readonly doc: Y.Doc,
    private readonly inner: ContentGuard,
    private readonly boardId: string,
    private readonly sessions: SessionSource,
    private readonly rules: readonly BoardWriteRule[],
  ) {}

  applyChecked(
    apply: () => void,
    sender?: Parameters<ContentGuard['applyChecked']>[1],
    role?: Parameters<ContentGuard['applyChecked']>[2],
  ): RefusedContent[] {
    // No role: the server's own change (an import, a restore), which no session stops.
    if (role === undefined || isSparedByBoardRules(role))
      return this.inner.applyChecked(apply, sender, role);
    const session = this.sessions.currentSession(this.boardId);
    const now = this.sessions.now();
    const active = this.rules.filter((rule) => rule.active(session, now));
    if (active.length === 0) return this.inner.applyChecked(apply, sender, role);

    let refusal: string | undefined;
    const refused = this.inner.applyChecked(
      () => {
        const tracker = new BoardChangeTracker(this.doc, session.lock?.areaIds ?? []);
        try {
          apply();
        } finally {
          tracker.stop();
          for (const rule of active) {
            refusal = rule.refuse(tracker.change, session, now);
            if (refusal) break;
          }
          if (refusal) tracker.revert();
          tracker.destroy();
        }
      },
      sender,
      role,
    );
    return refusal ? [{ id: SESSION_RULE, detail: refusal }, ...refused] : refused;
  }

  describeRefusal(refused: readonly RefusedContent[]): string {
    const [first] = refused;
    return first?.id === SESSION_RULE ? first.detail : this.inner.describeRefusal(refused);
  }

  destroy(): void {
    this.sessions.forgetBoard(this.boardId);
    this.inner.destroy();
  }
}

/** A board's validator with the session's write rules in front of its content rules. */
export function withBoardWriteRules(
  inner: ContentValidator,
  boardId: string,
  sessions: SessionSource,
  rules: readonly BoardWriteRule[] = boardWriteRules,
): ContentValidator {
  return {
    guard: (doc) => new BoardWriteGate(doc, inner.guard(doc), boardId, sessions, rules),
  };
}
