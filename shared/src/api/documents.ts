import { z } from 'zod';

/** A named version of a document (the frozen state itself is fetched separately). */
export const versionSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  authorName: z.string(),
  createdAt: z.string(),
  bytes: z.number().int().nonnegative(),
});
export type VersionSummary = z.infer<typeof versionSummarySchema>;

/**
 * What an administrator is shown before purging a document's history: a purge removes deleted
 * content from the update log, but named versions keep the text they froze, so they are listed
 * first and can be deleted one by one.
 */
export const purgePreviewSchema = z.object({
  documentId: z.string(),
  title: z.string(),
  versions: z.array(versionSummarySchema),
});
export type PurgePreview = z.infer<typeof purgePreviewSchema>;

export const purgeResultSchema = z.object({
  purgedAt: z.string(),
  /** Named versions left untouched, which may still hold deleted content. */
  versionsKept: z.number().int().nonnegative(),
});
export type PurgeResult = z.infer<typeof purgeResultSchema>;

export const reportSummarySchema = z.object({ id: z.string(), title: z.string() });
export type ReportSummary = z.infer<typeof reportSummarySchema>;

/** A report with the caller's rights on its text and on its comments. */
export const reportDetailSchema = z.object({
  id: z.string(),
  title: z.string(),
  workspaceId: z.string(),
  commentsId: z.string(),
  access: z.object({
    role: z.string(),
    canWrite: z.boolean(),
    canComment: z.boolean(),
    /** Saving a named version: whoever may write the text. */
    canSaveVersion: z.boolean(),
    identity: z.object({ id: z.string(), name: z.string() }),
  }),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const createVersionRequestSchema = z.object({
  name: z.string().trim().min(1, 'a name').max(200, 'at most 200 characters'),
});
export type CreateVersionRequest = z.input<typeof createVersionRequestSchema>;

export const versionListSchema = z.object({ versions: z.array(versionSummarySchema) });

/** ProseMirror JSON (see shared/src/report/prosemirrorJson), checked loosely. */
export const pmNodeSchema: z.ZodType<{
  type: string;
  attrs?: Record<string, unknown>;
  content?: unknown[];
  text?: string;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}> = z.object({
  type: z.string(),
  attrs: z.record(z.string(), z.unknown()).optional(),
  content: z.array(z.unknown()).optional(),
  text: z.string().optional(),
  marks: z
    .array(z.object({ type: z.string(), attrs: z.record(z.string(), z.unknown()).optional() }))
    .optional(),
});

export const versionContentSchema = z.object({
  version: versionSummarySchema,
  content: pmNodeSchema,
});

export const reportExportFormats = ['odt', 'docx', 'html', 'md'] as const;
export type ReportExportFormat = (typeof reportExportFormats)[number];
