import type { OwnBallot } from '@boussole/shared';
import { VoteRequestError, type VoteApi } from './voteApi.js';

/**
 * A participant's dots on their way to the server. Each click becomes an operation with its
 * own id, kept (localStorage) until the server answered it, and sent in order: offline, they
 * wait and leave on the next flush (the network back, the board reconnected, a reload); a
 * request whose answer was lost is sent again and counted once (the server remembers the ids).
 * If the vote closed meanwhile the server refuses them, and the person is told so in French.
 */

export interface QueuedDot {
  voteId: string;
  cardId: string;
  delta: 1 | -1;
  opId: string;
}

export type QueueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface DotQueueEvents {
  /** The server's ballot after an accepted (or refused) dot. */
  ballot(ballot: OwnBallot): void;
  /** A dot the server refused, with its French message; the dot is dropped. */
  refused(message: string): void;
  /** The queue changed (for the « en attente » notice and the optimistic count). */
  changed(pending: readonly QueuedDot[]): void;
}

/** 16 random bytes in hex: crypto.randomUUID needs a secure context, this does not. */
export function newOpId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isQueuedDot(value: unknown): value is QueuedDot {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.voteId === 'string' &&
    typeof v.cardId === 'string' &&
    (v.delta === 1 || v.delta === -1) &&
    typeof v.opId === 'string'
  );
}

/** Whether a failure means « try again later » (no answer, or the server busy). */
function isTransient(error: unknown): boolean {
  if (!(error instanceof VoteRequestError)) return true;
  return error.status === 429 || error.status >= 500;
}

export class DotQueue {
  private queue: QueuedDot[];
  private flushing: Promise<void> | undefined;
  private readonly key: string;

  constructor(
    private readonly options: {
      boardId: string;
      api: VoteApi;
      storage: QueueStorage;
      events: DotQueueEvents;
    },
  ) {
    this.key = `boussole:vote-queue:${options.boardId}`;
    this.queue = this.load();
  }

  pending(): readonly QueuedDot[] {
    return this.queue;
  }

  /** Queues one dot and tries to send everything queued. */
  add(dot: Omit<QueuedDot, 'opId'>): Promise<void> {
    this.queue = [...this.queue, { ...dot, opId: newOpId() }];
    this.save();
    return this.flush();
  }

  /** Sends the queued dots in order; stops at the first one that gets no answer. */
  flush(): Promise<void> {
    this.flushing ??= this.sendAll().finally(() => {
      this.flushing = undefined;
    });
    return this.flushing;
  }

  private async sendAll(): Promise<void> {
    for (;;) {
      const next = this.queue[0];
      if (!next) return;
      try {
        const ballot = await this.options.api.dot(next.voteId, {
          cardId: next.cardId,
          delta: next.delta,
          opId: next.opId,
        });
        this.drop(next);
        this.options.events.ballot(ballot);
      } catch (error) {
        if (isTransient(error)) return;
        const refusal = error as VoteRequestError;
        this.drop(next);
        if (refusal.ballot) this.options.events.ballot(refusal.ballot);
        this.options.events.refused(refusal.message);
      }
    }
  }

  private drop(dot: QueuedDot): void {
    this.queue = this.queue.filter((d) => d.opId !== dot.opId);
    this.save();
  }

  private load(): QueuedDot[] {
    try {
      const stored: unknown = JSON.parse(this.options.storage.getItem(this.key) ?? '[]');
      return Array.isArray(stored) ? stored.filter(isQueuedDot) : [];
    } catch {
      return [];
    }
  }

  private save(): void {
    if (this.queue.length === 0) this.options.storage.removeItem(this.key);
    else this.options.storage.setItem(this.key, JSON.stringify(this.queue));
    this.options.events.changed(this.queue);
  }
}

/** A ballot as the person should see it: the server's, with the queued dots applied. */
export function withPending(
  dots: Readonly<Record<string, number>>,
  pending: readonly QueuedDot[],
  voteId: string,
): Record<string, number> {
  const shown = { ...dots };
  for (const dot of pending) {
    if (dot.voteId !== voteId) continue;
    shown[dot.cardId] = Math.max(0, (shown[dot.cardId] ?? 0) + dot.delta);
  }
  return shown;
}
