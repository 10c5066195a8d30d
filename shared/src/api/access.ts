import { z } from 'zod';
import { instanceKindSchema, workspaceRoleSchema } from '../access/roles.js';
import { boardSummarySchema } from './boards.js';

/**
 * REST payloads of accounts, workspaces, members and invitation links. Requests are parsed by
 * the server with these schemas; answers are parsed by the client with them.
 */

/** State-changing requests must carry this header: a cross-site form or image cannot. */
export const CSRF_HEADER = 'x-boussole-csrf';

const email = z.string().trim().toLowerCase().email('an e-mail address').max(254);
const displayName = z.string().trim().min(1, 'a name').max(80, 'at most 80 characters');
const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day as yyyy-mm-dd');

export const passwordSchema = z
  .string()
  .min(12, 'at least 12 characters')
  .max(256, 'at most 256 characters');

export const setupStatusSchema = z.object({ needed: z.boolean() });
export const setupRequestSchema = z.object({
  token: z.string().min(1).max(200),
  email,
  displayName,
  password: passwordSchema,
});
export type SetupRequest = z.input<typeof setupRequestSchema>;

export const loginRequestSchema = z.object({ email, password: z.string().min(1).max(256) });
export type LoginRequest = z.input<typeof loginRequestSchema>;

export const workspaceKinds = ['communale', 'intercommunale', 'collective'] as const;
export const workspaceKindSchema = z.enum(workspaceKinds);
export type WorkspaceKind = z.infer<typeof workspaceKindSchema>;

export const communeSchema = z.object({
  /** INSEE code: 5 characters, Corsica's 2A/2B included. */
  inseeCode: z.string().regex(/^(\d{5}|2[AB]\d{3})$/, 'an INSEE code of 5 characters'),
  name: z.string().trim().min(1).max(120),
});
export type Commune = z.infer<typeof communeSchema>;

export const workspaceInputSchema = z
  .object({
    name: z.string().trim().min(1, 'a name').max(200, 'at most 200 characters'),
    kind: workspaceKindSchema,
    periodStart: isoDay,
    periodEnd: isoDay,
    topics: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    publics: z.array(z.string().trim().min(1).max(120)).max(50).default([]),
    communes: z.array(communeSchema).max(500).default([]),
  })
  .refine((w) => w.periodStart <= w.periodEnd, {
    error: 'a period that ends after it starts',
    path: ['periodEnd'],
  });
export type WorkspaceInput = z.input<typeof workspaceInputSchema>;

export const principalSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('user'),
    id: z.string(),
    displayName: z.string(),
    email: z.string(),
    isAdmin: z.boolean(),
    /** Instance administrators, and the accounts they granted it to. */
    canCreateWorkspaces: z.boolean(),
  }),
  z.object({
    kind: z.literal('guest'),
    id: z.string(),
    displayName: z.string(),
    workspaceId: z.string(),
    role: workspaceRoleSchema,
    instance: instanceKindSchema.nullable(),
  }),
]);
export type PrincipalDto = z.infer<typeof principalSchema>;

/** A staff account as instance administrators see it, to grant the right to create workspaces. */
export const accountSummarySchema = z.object({
  id: z.string(),
  displayName: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  canCreateWorkspaces: z.boolean(),
});
export type AccountSummary = z.infer<typeof accountSummarySchema>;
export const accountListSchema = z.object({ accounts: z.array(accountSummarySchema) });

export const workspaceCreationRequestSchema = z.object({ allowed: z.boolean() });
export type WorkspaceCreationRequest = z.infer<typeof workspaceCreationRequestSchema>;

export const membershipSummarySchema = z.object({
  workspaceId: z.string(),
  workspaceName: z.string(),
  role: workspaceRoleSchema,
  instances: z.array(instanceKindSchema),
});

export const meSchema = z.object({
  principal: principalSchema,
  memberships: z.array(membershipSummarySchema),
});
export type Me = z.infer<typeof meSchema>;

export const workspaceSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: workspaceKindSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  role: workspaceRoleSchema,
});
export type WorkspaceSummary = z.infer<typeof workspaceSummarySchema>;
export const workspaceListSchema = z.object({ workspaces: z.array(workspaceSummarySchema) });

export const memberSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  email: z.string(),
  role: workspaceRoleSchema,
  instances: z.array(instanceKindSchema),
});
export type Member = z.infer<typeof memberSchema>;

/** One instance of the ABS and who sits in it (staff members, and guests invited into it). */
export const instanceRosterSchema = z.object({
  instance: instanceKindSchema,
  members: z.array(
    z.object({ id: z.string(), kind: z.enum(['user', 'guest']), displayName: z.string() }),
  ),
});
export type InstanceRoster = z.infer<typeof instanceRosterSchema>;

export const workspaceDetailSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: workspaceKindSchema,
  periodStart: z.string(),
  periodEnd: z.string(),
  topics: z.array(z.string()),
  publics: z.array(z.string()),
  communes: z.array(communeSchema),
  createdAt: z.string(),
  members: z.array(memberSchema),
  /** Every instance, in the method's order, with its members (empty ones included). */
  roster: z.array(instanceRosterSchema),
  boards: z.array(boardSummarySchema),
  /** The workspace's report, once it has one. */
  report: z.object({ id: z.string(), title: z.string() }).nullable(),
  /** The caller's own rights here, for the UI to hide what would be refused. */
  role: workspaceRoleSchema,
  instances: z.array(instanceKindSchema),
});
export type WorkspaceDetail = z.infer<typeof workspaceDetailSchema>;

export const addMemberRequestSchema = z.object({
  email,
  displayName,
  role: workspaceRoleSchema,
  instances: z.array(instanceKindSchema).max(5).default([]),
  /** Needed only when the person has no account yet; the administrator hands it over. */
  initialPassword: passwordSchema.optional(),
});
export type AddMemberRequest = z.input<typeof addMemberRequestSchema>;

export const updateMemberRequestSchema = z.object({
  role: workspaceRoleSchema,
  instances: z.array(instanceKindSchema).max(5),
});

export const createLinkRequestSchema = z.object({
  role: workspaceRoleSchema.exclude(['administrateur']),
  instance: instanceKindSchema.nullable().default(null),
  expiresAt: z.iso.datetime({ offset: true, error: 'an ISO date and time' }),
  maxUses: z.number().int().min(1).max(1000),
});
export type CreateLinkRequest = z.input<typeof createLinkRequestSchema>;

export const linkSummarySchema = z.object({
  id: z.string(),
  role: workspaceRoleSchema,
  instance: instanceKindSchema.nullable(),
  expiresAt: z.string(),
  maxUses: z.number(),
  uses: z.number(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type LinkSummary = z.infer<typeof linkSummarySchema>;
export const linkListSchema = z.object({ links: z.array(linkSummarySchema) });

/** Returned once, at creation: the token is never shown again. */
export const createdLinkSchema = linkSummarySchema.extend({ url: z.string(), token: z.string() });

export const redeemRequestSchema = z.object({ token: z.string().min(1).max(200), displayName });
export type RedeemRequest = z.input<typeof redeemRequestSchema>;

export const documentAccessSchema = z.object({
  role: workspaceRoleSchema,
  canWrite: z.boolean(),
  identity: z.object({ id: z.string(), name: z.string() }),
});

export const boardDetailSchema = boardSummarySchema.extend({
  workspaceId: z.string().nullable(),
  access: documentAccessSchema,
  /** Its session document (timer, agenda, vote, lock…): see shared/src/session. */
  sessionDocId: z.string(),
});
export type BoardDetail = z.infer<typeof boardDetailSchema>;

export const auditEntrySchema = z.object({
  id: z.string(),
  actorName: z.string(),
  action: z.string(),
  details: z.record(z.string(), z.unknown()),
  at: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export const auditListSchema = z.object({ entries: z.array(auditEntrySchema) });
