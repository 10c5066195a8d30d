import type { ImportCommitResult, ImportPreview, ImportStatus } from '@boussole/shared';
import type { Actor } from '../access/auditLog.js';
import type { Workspaces } from '../access/workspaces.js';
import { commitImport, type CommitDeps, type CommitRequest } from './commitImport.js';
import { importProblems, ImportProblem } from './importProblems.js';
import { ImportSessions, type ImportLimits, type OpenImport } from './ImportSessions.js';
import { OneAtATime } from './oneAtATime.js';
import { ImportFileError, readTable, type ReadOptions } from './parse/index.js';
import { findPersonalDataInTable, previewOf } from './previewImport.js';

/**
 * The imports of this server (issue #13): upload and scan, status, cancel, commit. Every
 * method takes the caller's id and behaves as if an import of someone else did not exist.
 * Access to the workspace is checked by the routes; this holds what must stay in memory.
 */

export interface ImportServiceDeps extends CommitDeps {
  workspaces: Pick<Workspaces, 'get'>;
  limits: ImportLimits;
  clock?: () => number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export class ImportService {
  readonly sessions: ImportSessions;
  /** Files are read, and cards written, one import at a time on the whole server. */
  private readonly heavyWork = new OneAtATime();

  constructor(private readonly deps: ImportServiceDeps) {
    this.sessions = new ImportSessions(deps.limits, deps.clock);
  }

  /**
   * A slot for a new import, before its file is read: refused at once when too many are open.
   * Call `scan` with the bytes, or `sessions.drop` if the upload fails.
   */
  reserve(ownerId: string, workspaceId: string): OpenImport {
    const slot = this.sessions.reserve(ownerId, workspaceId);
    if (slot === 'instance-full') throw importProblems.tooMany(false);
    if (slot === 'person-full') throw importProblems.tooMany(true);
    return slot;
  }

  /** Parses the file, scans every cell, keeps the result in memory; the bytes are not kept. */
  async scan(session: OpenImport, bytes: Uint8Array, options: ReadOptions): Promise<ImportPreview> {
    try {
      const table = await this.heavyWork.run(() => readTable(bytes, options));
      const workspace = await this.deps.workspaces.get(session.workspaceId);
      const places = workspace?.communes.map((c) => c.name) ?? [];
      const findings = await findPersonalDataInTable(table, places);
      this.sessions.fill(session, table, findings);
      return previewOf(session.id, table, findings, session.expiresAt);
    } catch (error) {
      this.sessions.drop(session.id);
      if (error instanceof ImportFileError) throw new ImportProblem(400, error.code, error.message);
      // A parser's own message may quote the file: only its kind reaches the logs.
      throw new Error(
        `reading an import failed (${error instanceof Error ? error.name : 'unknown'})`,
      );
    }
  }

  status(id: string, ownerId: string): ImportStatus {
    const found = this.sessions.lookup(id, ownerId);
    if (!found) throw importProblems.notFound();
    if (found.kind === 'tombstone') {
      const { tombstone } = found;
      if (tombstone.status === 'expired') throw importProblems.expired();
      return {
        id,
        status: 'committed',
        progress: { done: tombstone.total, total: tombstone.total },
        expiresAt: iso(tombstone.expiresAt),
      };
    }
    const { session } = found;
    return {
      id,
      status: session.status === 'committing' ? 'committing' : 'ready',
      progress: { ...session.progress },
      expiresAt: iso(session.expiresAt),
    };
  }

  /** Forgets the import and its rows; false when there was none of the caller's. */
  cancel(id: string, ownerId: string): boolean {
    const found = this.sessions.lookup(id, ownerId);
    if (!found) return false;
    if (found.kind === 'open') {
      if (found.session.status === 'committing') throw importProblems.busy();
      this.sessions.drop(id);
    }
    return true;
  }

  /** The caller's import still open for a commit (its workspace is then checked by the route). */
  openImport(id: string, ownerId: string): OpenImport {
    const found = this.sessions.lookup(id, ownerId);
    if (!found) throw importProblems.notFound();
    if (found.kind === 'tombstone') {
      throw found.tombstone.status === 'committed'
        ? importProblems.committed()
        : importProblems.expired();
    }
    if (found.session.status === 'committing') throw importProblems.busy();
    return found.session;
  }

  async commit(
    session: OpenImport,
    request: CommitRequest,
    actor: Actor,
  ): Promise<ImportCommitResult> {
    const table = session.table;
    if (!table || session.status !== 'ready') throw importProblems.busy();
    // Taken before any await: a second commit of the same import is refused, not run twice.
    session.status = 'committing';
    session.progress = { done: 0, total: table.rows.length };
    let written = false;
    try {
      const workspace = await this.deps.workspaces.get(session.workspaceId);
      if (!workspace) throw importProblems.notFound();
      const commit = () =>
        commitImport(this.deps, {
          session: Object.assign(session, { table }),
          request,
          workspace: {
            publics: workspace.publics,
            communes: workspace.communes.map((c) => c.name),
          },
          actor,
          // Once the cards are on the board, the rows go, whatever happens next (the audit
          // entry failing must not let the same rows be imported twice).
          onWritten: () => {
            written = true;
            this.sessions.markCommitted(session, session.progress.total);
          },
        });
      // A dry run only reads the rows: the page asks for one after each change of mapping.
      return await (request.dryRun ? commit() : this.heavyWork.run(commit));
    } finally {
      // A refused or dry-run commit leaves the import ready for another try.
      if (!written) {
        session.status = 'ready';
        session.progress = { done: 0, total: table.rows.length };
      }
    }
  }

  /** Erasure of a workspace takes its imports with it. */
  dropWorkspace(workspaceId: string): void {
    this.sessions.dropWorkspace(workspaceId);
  }
}
