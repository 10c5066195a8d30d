import { z } from 'zod';
import {
  CSRF_HEADER,
  boardDetailSchema,
  createdLinkSchema,
  linkListSchema,
  accountListSchema,
  meSchema,
  type AccountSummary,
  setupStatusSchema,
  workspaceDetailSchema,
  workspaceListSchema,
  type AddMemberRequest,
  type BoardDetail,
  type CreateLinkRequest,
  type LinkSummary,
  type LoginRequest,
  type Me,
  type RedeemRequest,
  type SetupRequest,
  type WorkspaceDetail,
  type WorkspaceInput,
  type WorkspaceSummary,
  boardSummarySchema,
  clientConfigSchema,
  type ClientConfig,
  type BoardSummary,
  type CreateBoardRequest,
  auditListSchema,
  purgePreviewSchema,
  purgeResultSchema,
  type AuditEntry,
  type PurgePreview,
  type PurgeResult,
  reportDetailSchema,
  versionContentSchema,
  versionListSchema,
  versionSummarySchema,
  type ReportDetail,
  type ReportExportFormat,
  type VersionSummary,
  linkPreviewSchema,
  noticeSchema,
  type InformationNotice,
  type LinkPreview,
} from '@boussole/shared';

import { jsonRequestInit } from './jsonRequest.js';

/** REST calls, their answers validated with the shared zod schemas. */
async function request(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, {
    ...init,
    // Every state-changing request carries it; the server refuses those that do not (CSRF).
    headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1', ...init?.headers },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'message' in body ? String(body.message) : '';
    throw new Error(message || `HTTP ${response.status}`);
  }
  return body;
}

export async function getClientConfig(): Promise<ClientConfig | undefined> {
  try {
    return clientConfigSchema.parse(await request('/api/config'));
  } catch {
    return undefined;
  }
}

/** A refused REST call, with the server's HTTP status and French message. */
export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRequestError';
  }
}

/** The server's French message from a refusal's JSON body, else the HTTP status. */
export function refusal(status: number, text: string): ApiRequestError {
  let message = '';
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'message' in body) message = String(body.message);
  } catch {
    // Not JSON (a proxy's page): the status says enough.
  }
  return new ApiRequestError(status, message || `HTTP ${status}`);
}

/** One JSON request to Boussole's API, with the CSRF header; a refusal throws ApiRequestError. */
export async function send(path: string, method: string, body?: unknown): Promise<unknown> {
  const response = await fetch(path, jsonRequestInit(method, body));
  const text = await response.text();
  if (!response.ok) throw refusal(response.status, text);
  return text ? (JSON.parse(text) as unknown) : undefined;
}

export async function getSetupStatus(): Promise<boolean> {
  return setupStatusSchema.parse(await send('/api/setup', 'GET')).needed;
}

export async function setUp(input: SetupRequest): Promise<void> {
  await send('/api/setup', 'POST', input);
}

export async function signIn(input: LoginRequest): Promise<void> {
  await send('/api/auth/login', 'POST', input);
}

export async function signOut(): Promise<void> {
  await send('/api/auth/logout', 'POST');
}

/** Who is signed in here, or undefined when nobody is. */
export async function getMe(): Promise<Me | undefined> {
  try {
    return meSchema.parse(await send('/api/auth/me', 'GET'));
  } catch (error) {
    if (error instanceof ApiRequestError && error.status === 401) return undefined;
    throw error;
  }
}

export async function listWorkspaces(): Promise<WorkspaceSummary[]> {
  return workspaceListSchema.parse(await send('/api/workspaces', 'GET')).workspaces;
}

/** Every staff account (instance administrators only). */
export async function listAccounts(): Promise<AccountSummary[]> {
  return accountListSchema.parse(await send('/api/users', 'GET')).accounts;
}

export async function setWorkspaceCreation(userId: string, allowed: boolean): Promise<void> {
  await send(`/api/users/${encodeURIComponent(userId)}/workspace-creation`, 'PUT', { allowed });
}

export async function createWorkspace(input: WorkspaceInput): Promise<{ id: string }> {
  return z.object({ id: z.string() }).parse(await send('/api/workspaces', 'POST', input));
}

export async function getWorkspace(id: string): Promise<WorkspaceDetail> {
  return workspaceDetailSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(id)}`, 'GET'),
  );
}

export async function createWorkspaceBoard(
  workspaceId: string,
  input: CreateBoardRequest,
): Promise<BoardSummary> {
  return boardSummarySchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/boards`, 'POST', input),
  );
}

export async function addMember(workspaceId: string, input: AddMemberRequest): Promise<void> {
  await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/members`, 'POST', input);
}

export async function listLinks(workspaceId: string): Promise<LinkSummary[]> {
  return linkListSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/links`, 'GET'),
  ).links;
}

export async function createLink(
  workspaceId: string,
  input: CreateLinkRequest,
): Promise<{ url: string }> {
  return createdLinkSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/links`, 'POST', input),
  );
}

export async function revokeLink(workspaceId: string, linkId: string): Promise<void> {
  await send(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/links/${encodeURIComponent(linkId)}`,
    'DELETE',
  );
}

export async function redeemLink(input: RedeemRequest): Promise<{ workspaceId: string }> {
  return z
    .object({ workspaceId: z.string() })
    .parse(await send('/api/links/redeem', 'POST', input));
}

/**
 * What an invitation leads to (workspace, role, notice, a suggested pseudonym), read before
 * the guest gives a name. Throws ApiRequestError: 404 unknown, 410 expired/revoked/used up,
 * 429 too many bad attempts, each with the server's French message.
 */
export async function previewLink(token: string): Promise<LinkPreview> {
  return linkPreviewSchema.parse(await send('/api/links/preview', 'POST', { token }));
}

/** The information notice guests of this workspace read before joining. */
export async function getNotice(workspaceId: string): Promise<InformationNotice> {
  return noticeSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/notice`, 'GET'),
  );
}

/** Saves the workspace's own notice, or with null goes back to the default text. */
export async function setNotice(
  workspaceId: string,
  text: string | null,
): Promise<InformationNotice> {
  return noticeSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/notice`, 'PUT', { text }),
  );
}

/** A board with the caller's rights on it; throws ApiRequestError (401, 403, 404) otherwise. */
export async function getBoardDetail(boardId: string): Promise<BoardDetail> {
  return boardDetailSchema.parse(await send(`/api/boards/${encodeURIComponent(boardId)}`, 'GET'));
}

const boardPageSchema = boardSummarySchema.extend({
  workspaceId: z.string().nullable().optional(),
  access: boardDetailSchema.shape.access.optional(),
});
export type BoardForPage = z.infer<typeof boardPageSchema>;

/**
 * What the board page needs before it connects: the board, and the caller's rights on it
 * (absent for a board outside any workspace, still open to all). Throws ApiRequestError.
 */
export async function getBoardForPage(boardId: string): Promise<BoardForPage> {
  return boardPageSchema.parse(await send(`/api/boards/${encodeURIComponent(boardId)}`, 'GET'));
}

export async function getAuditLog(workspaceId: string): Promise<AuditEntry[]> {
  return auditListSchema.parse(
    await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/audit`, 'GET'),
  ).entries;
}

/** Where the browser downloads a workspace's RGPD archive (a plain GET, cookie included). */
export function workspaceExportUrl(workspaceId: string): string {
  return `/api/workspaces/${encodeURIComponent(workspaceId)}/export`;
}

export async function getPurgePreview(docId: string): Promise<PurgePreview> {
  return purgePreviewSchema.parse(
    await send(`/api/documents/${encodeURIComponent(docId)}/purge-history`, 'GET'),
  );
}

export async function purgeHistory(docId: string): Promise<PurgeResult> {
  return purgeResultSchema.parse(
    await send(`/api/documents/${encodeURIComponent(docId)}/purge-history`, 'POST'),
  );
}

export async function deleteVersion(docId: string, versionId: string): Promise<void> {
  await send(
    `/api/documents/${encodeURIComponent(docId)}/versions/${encodeURIComponent(versionId)}`,
    'DELETE',
  );
}

export async function createReport(workspaceId: string): Promise<{ id: string }> {
  return z
    .object({ id: z.string() })
    .parse(await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/report`, 'POST'));
}

/** A report with the caller's rights; throws ApiRequestError (401, 403, 404) otherwise. */
export async function getReport(reportId: string): Promise<ReportDetail> {
  return reportDetailSchema.parse(
    await send(`/api/reports/${encodeURIComponent(reportId)}`, 'GET'),
  );
}

export async function listVersions(reportId: string): Promise<VersionSummary[]> {
  return versionListSchema.parse(
    await send(`/api/reports/${encodeURIComponent(reportId)}/versions`, 'GET'),
  ).versions;
}

export async function saveVersion(reportId: string, name: string): Promise<VersionSummary> {
  return versionSummarySchema.parse(
    await send(`/api/reports/${encodeURIComponent(reportId)}/versions`, 'POST', { name }),
  );
}

export async function getVersion(reportId: string, versionId: string) {
  return versionContentSchema.parse(
    await send(
      `/api/reports/${encodeURIComponent(reportId)}/versions/${encodeURIComponent(versionId)}`,
      'GET',
    ),
  );
}

export async function restoreVersion(reportId: string, versionId: string): Promise<void> {
  await send(
    `/api/reports/${encodeURIComponent(reportId)}/versions/${encodeURIComponent(versionId)}/restore`,
    'POST',
  );
}

/** Where the browser downloads (or, for the print view, opens) an export of the report. */
export function reportExportUrl(
  reportId: string,
  format: ReportExportFormat,
  options: { versionId?: string; inline?: boolean } = {},
): string {
  const query = new URLSearchParams({ format });
  if (options.versionId) query.set('version', options.versionId);
  if (options.inline) query.set('inline', '');
  return `/api/reports/${encodeURIComponent(reportId)}/export?${query.toString()}`;
}
