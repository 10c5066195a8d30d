import type { BoardSummary, VersionSummary } from '@boussole/shared';
import type { DocumentRecord } from './DocumentCatalog.js';
import type { VersionRecord } from './DocumentVersions.js';

/** A board's record as the API lists it. */
export const boardSummary = (record: DocumentRecord): BoardSummary => ({
  id: record.id,
  title: record.title,
  template: record.template,
  createdAt: record.createdAt,
});

/** A named version as the API lists it (its state is fetched on its own). */
export const versionSummary = (v: VersionRecord): VersionSummary => ({
  id: v.id,
  name: v.name,
  authorName: v.authorName,
  createdAt: v.createdAt,
  bytes: v.bytes,
});
