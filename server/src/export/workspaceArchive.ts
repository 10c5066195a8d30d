import { strToU8, zipSync, type Zippable } from 'fflate';
import * as Y from 'yjs';
import { documentKinds, readBoardRecords } from '@boussole/shared';
import type { AccessContext } from '../access/index.js';
import { HeldCardStore } from '../contributions/HeldCardStore.js';
import type { DocumentRecord } from '../documents/DocumentCatalog.js';
import type { DocumentVersions } from '../documents/DocumentVersions.js';

/**
 * RGPD export of a whole workspace: one zip holding everything Boussole keeps about it —
 * settings, members and guests, invitation links (never their tokens), the audit log, and
 * every document both as readable JSON and as its Yjs state (which another Boussole, or any
 * Yjs program, can load), with its named versions.
 */

export interface ArchiveSources {
  ctx: AccessContext;
  versions: DocumentVersions;
  /** The document's committed state, live room included (RoomRegistry.committedState). */
  committedState(docId: string): Promise<Uint8Array>;
}

const README = `Export Boussole d’un espace de travail (ABS)
=============================================

Cette archive contient tout ce que Boussole conserve sur cet espace de travail :

- workspace.json : l’espace (nom, type, communes et codes INSEE, thématiques, publics,
  période) et les instances avec leurs membres ;
- members.json : les comptes membres (nom, e-mail, rôle, instances) et les invités
  (nom choisi, lien utilisé, date d’arrivée) ;
- invitation-links.json : les liens d’invitation (rôle, instance, expiration, utilisations,
  révocation), sans leurs jetons ;
- audit-log.json : le journal des changements (qui, quoi, quand) ;
- held-cards.json : les cartes en attente (écriture privée pas encore révélée, boîte de
  réception de l’animateur), avec l’identifiant de leur auteur ;
- information-notice.json : la notice d’information que lisent les invités avant de
  rejoindre l’espace ;
- documents/<identifiant>/document.json : chaque tableau ou rapport, lisible (fiches,
  hypothèses, verbatims…) ;
- documents/<identifiant>/state.yjs : le même document au format Yjs, rechargeable ;
- documents/<identifiant>/versions/ : les versions nommées (versions.json et un fichier .yjs
  par version).

Les verbatims peuvent contenir des données personnelles : conservez cette archive en lieu sûr.

---

Boussole export of one workspace: settings, members, invitation links (without tokens), audit
log, and every document as readable JSON and as Yjs state, with its named versions.
`;

const json = (value: unknown): Uint8Array => strToU8(`${JSON.stringify(value, null, 2)}\n`);

/** A document's content in a form a person (or a script) can read without Yjs. */
function readableContent(record: DocumentRecord, state: Uint8Array): unknown {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    if (record.kind === 'board') return { records: readBoardRecords(doc) };
    // Other kinds: every shared type the document holds, as Yjs renders it to JSON.
    const content: Record<string, unknown> = {};
    for (const [name, type] of doc.share) content[name] = type.toJSON();
    return content;
  } finally {
    doc.destroy();
  }
}

export async function buildWorkspaceArchive(
  workspaceId: string,
  exportedBy: { id: string; name: string },
  sources: ArchiveSources,
): Promise<Uint8Array | undefined> {
  const { ctx, versions } = sources;
  const workspace = await ctx.workspaces.get(workspaceId);
  if (!workspace) return undefined;
  const guests = await ctx.store.sql.all<{
    id: string;
    display_name: string;
    link_id: string;
    created_at: string;
  }>(
    'SELECT id, display_name, link_id, created_at FROM guests WHERE workspace_id = ? ORDER BY created_at, id',
    [workspaceId],
  );

  const files: Zippable = {
    'LISEZMOI.txt': strToU8(README),
    'workspace.json': json({
      exportedAt: new Date().toISOString(),
      exportedBy,
      workspace,
      instances: await ctx.workspaces.roster(workspaceId),
    }),
    'members.json': json({
      members: await ctx.workspaces.members(workspaceId),
      guests: guests.map((g) => ({
        id: g.id,
        displayName: g.display_name,
        linkId: g.link_id,
        joinedAt: g.created_at,
      })),
    }),
    'invitation-links.json': json({ links: await ctx.invitations.list(workspaceId) }),
    'audit-log.json': json({ entries: await ctx.audit.list(ctx.store.sql, workspaceId) }),
    'held-cards.json': json({
      cards: await new HeldCardStore(ctx.store.sql).ofWorkspace(workspaceId),
    }),
    'information-notice.json': json(await ctx.notices.get(workspaceId)),
  };

  const records: DocumentRecord[] = [];
  for (const kind of documentKinds) records.push(...(await ctx.documents.list(workspaceId, kind)));
  for (const record of records) {
    const folder = `documents/${record.id}`;
    const state = await sources.committedState(record.id);
    files[`${folder}/document.json`] = json({
      id: record.id,
      kind: record.kind,
      title: record.title,
      template: record.template,
      createdAt: record.createdAt,
      step: record.step,
      archivedAt: record.archivedAt,
      changedAt: record.changedAt,
      content: readableContent(record, state),
    });
    files[`${folder}/state.yjs`] = state;
    const named = await versions.list(record.id);
    if (named.length > 0) {
      files[`${folder}/versions/versions.json`] = json({ versions: named });
      for (const version of named) {
        const frozen = await versions.state(record.id, version.id);
        if (frozen) files[`${folder}/versions/${version.id}.yjs`] = frozen;
      }
    }
  }
  return zipSync(files, { level: 6 });
}
