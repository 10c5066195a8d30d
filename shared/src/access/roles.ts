import { z } from 'zod';

/**
 * Who may do what in one workspace (one ABS). A person has one role per workspace and may sit in
 * several of its instances; the role says what they may do, the instances where they take part
 * (the comité de rédaction writes the report, the comité de relecture comments on it).
 */
export const workspaceRoles = [
  'administrateur',
  'animateur',
  'contributeur',
  'relecteur',
  'lecteur',
] as const;
export const workspaceRoleSchema = z.enum(workspaceRoles);
export type WorkspaceRole = z.infer<typeof workspaceRoleSchema>;

export const instanceKinds = [
  'comite_pilotage',
  'collectif_projet',
  'groupe_enquete',
  'comite_redaction',
  'comite_relecture',
] as const;
export const instanceKindSchema = z.enum(instanceKinds);
export type InstanceKind = z.infer<typeof instanceKindSchema>;

/** The kinds of Yjs document the server hosts; a document's kind decides who may write it. */
/** `board-session`: a board's facilitation state (timer, vote, lock…), see shared/src/session. */
export const documentKinds = ['board', 'report', 'report-comments', 'board-session'] as const;
export const documentKindSchema = z.enum(documentKinds);
export type DocumentKind = z.infer<typeof documentKindSchema>;

export const roleLabels: Record<WorkspaceRole, { fr: string; en: string }> = {
  administrateur: { fr: 'Administrateur', en: 'Administrator' },
  animateur: { fr: 'Animateur', en: 'Facilitator' },
  contributeur: { fr: 'Contributeur', en: 'Contributor' },
  relecteur: { fr: 'Relecteur', en: 'Reviewer' },
  lecteur: { fr: 'Lecteur', en: 'Reader' },
};

export const instanceLabels: Record<InstanceKind, { fr: string; en: string }> = {
  comite_pilotage: { fr: 'Comité de pilotage', en: 'Steering committee' },
  collectif_projet: { fr: 'Collectif projet', en: 'Project group' },
  groupe_enquete: { fr: 'Groupe enquête de terrain', en: 'Field survey group' },
  comite_redaction: { fr: 'Comité de rédaction', en: 'Drafting committee' },
  comite_relecture: { fr: 'Comité de relecture', en: 'Review committee' },
};

/**
 * The one rule deciding whether update frames from this person are applied to a document.
 * The server enforces it per frame; the UI only uses it to hide what would be refused.
 */
export function canWriteDocument(
  role: WorkspaceRole,
  instances: readonly InstanceKind[],
  kind: DocumentKind,
): boolean {
  switch (kind) {
    case 'board':
      return role === 'administrateur' || role === 'animateur' || role === 'contributeur';
    case 'report':
      return (
        role === 'administrateur' ||
        role === 'animateur' ||
        (role === 'contributeur' && instances.includes('comite_redaction'))
      );
    case 'report-comments':
      return role !== 'lecteur';
    case 'board-session':
      // Participants read the timer, the agenda and the lock; only those running it change it.
      return role === 'administrateur' || role === 'animateur';
    default: {
      const unreachable: never = kind;
      throw new Error(`unknown document kind ${String(unreachable)}`);
    }
  }
}

/** Workspace settings, members, invitation links, audit log, purge and erasure. */
export function canAdministerWorkspace(role: WorkspaceRole): boolean {
  return role === 'administrateur';
}

/** Creating boards and running them (templates, demo) is the facilitators' job. */
export function canCreateBoards(role: WorkspaceRole): boolean {
  return role === 'administrateur' || role === 'animateur';
}
