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
