import type { CloseCodeValue, WorkspaceRole } from '@boussole/shared';
import type { Logger } from 'pino';
import type { PendingLimits } from './PendingUpdates.js';

export type Log = Pick<Logger, 'debug' | 'info' | 'warn' | 'error'>;

/** What a Room needs from one participant's connection. */
export interface RoomPeer {
  readonly id: number;
  /**
   * Who is on the other end, as the server knows them; absent for the server's own changes
   * (and on boards outside any workspace, where nobody is identified).
   */
  readonly identity?: { readonly id: string; readonly name: string };
  /** Their role in the document's workspace: some rules spare facilitators (boardWriteRules). */
  readonly role?: WorkspaceRole;
  /** Queue a frame for this peer. Never throws. */
  send(frame: Uint8Array): void;
  /** Close this peer's socket with a shared close code, which the client explains. */
  close(code: CloseCodeValue, reason: string): void;
}

export interface RoomOptions extends PendingLimits {
  /** Group-commit window: updates arriving within it share one storage transaction. */
  commitDelayMs: number;
  /** Fold the update log into one snapshot after this many stored updates. */
  compactEveryUpdates: number;
  /** Awareness (cursors, names) changes are coalesced and broadcast at most this often. */
  awarenessFlushMs: number;
  /** Rooms with fewer peers relay awareness immediately, without coalescing. */
  awarenessCoalesceMinPeers: number;
  maxDocumentBytes: number;
  /** Whether the document's presence is hidden from everyone now (anonymous mode). */
  presenceHidden?: (docId: string) => boolean;
}
