import { z } from 'zod';
import { instanceKindSchema, workspaceRoleSchema } from '../access/roles.js';

/**
 * The information notice a guest reads on the invitation page before joining (RGPD, art. 13:
 * who keeps what, who sees names, how to ask for erasure). Each workspace's administrators
 * edit it; until they do, guests read DEFAULT_INFORMATION_NOTICE.
 */
export const MAX_NOTICE_CHARS = 6_000;

export const DEFAULT_INFORMATION_NOTICE = [
  'Cet atelier fait partie de l’analyse des besoins sociaux (ABS) menée par le CCAS ou le CIAS.',
  'Ce que vous écrivez sur les tableaux (vos contributions) est conservé dans l’espace de travail de cette ABS, jusqu’à la fin de la démarche. Il sert à préparer le rapport ; le rapport ne cite personne par son nom.',
  'Le nom que vous choisissez est vu par les autres participants et par l’équipe qui anime la démarche. Un prénom ou un pseudonyme suffit.',
  'N’écrivez ni nom, ni adresse, ni détail qui permettrait de reconnaître une personne accompagnée.',
  'Vous pouvez demander à tout moment à l’équipe qui anime la démarche de voir, corriger ou effacer vos contributions et votre nom.',
].join('\n\n');

/** PUT /api/workspaces/:id/notice — a new text, or null to go back to the default one. */
export const noticeUpdateSchema = z.strictObject({
  text: z.string().trim().min(1).max(MAX_NOTICE_CHARS).nullable(),
});
export type NoticeUpdate = z.infer<typeof noticeUpdateSchema>;

/** GET/PUT answer: the text guests read, and whether it is the workspace's own. */
export const noticeSchema = z.object({
  text: z.string(),
  custom: z.boolean(),
  updatedAt: z.string().nullable(),
});
export type InformationNotice = z.infer<typeof noticeSchema>;

/** POST /api/links/preview — what an invitation leads to, read before redeeming it. */
export const linkPreviewRequestSchema = z.strictObject({ token: z.string().min(1).max(200) });

export const linkPreviewSchema = z.object({
  workspace: z.object({ name: z.string(), communes: z.array(z.string()) }),
  role: workspaceRoleSchema,
  instance: instanceKindSchema.nullable(),
  notice: z.string(),
  /** A pseudonym the guest may keep (nothing about them is known yet). */
  suggestedName: z.string(),
});
export type LinkPreview = z.infer<typeof linkPreviewSchema>;

const FIRST_NAMES = ['Camille', 'Dominique', 'Sacha', 'Alix', 'Charlie', 'Maxime', 'Claude'];

/**
 * « Participant·e 7 » or a gender-neutral first name, picked from `random` (0 ≤ r < 1): a
 * guest who would rather not give their name has one ready.
 */
export function suggestPseudonym(random: () => number = Math.random): string {
  const pick = Math.floor(random() * (FIRST_NAMES.length + 1));
  const name = FIRST_NAMES[pick];
  if (name) return name;
  return `Participant·e ${1 + Math.floor(random() * 99)}`;
}
