import type { DocumentKind } from '@boussole/shared';
import type { ContentValidator } from '../collab/ContentValidator.js';
import { createCommentsContentValidator } from '../report/CommentsContentGuard.js';
import { createReportTextValidator } from '../report/ReportTextGuard.js';
import { createBoardContentValidator } from './BoardContentGuard.js';

/**
 * The content rules of each kind of document. Boards are checked record by record, a report's
 * text node by node (only what the editor has), its comments thread by thread (and by
 * author); a document missing from the catalog, whose kind is unknown, has none.
 */
export function contentValidatorsByKind(): (
  kind: DocumentKind | undefined,
) => ContentValidator | undefined {
  const byKind: Partial<Record<DocumentKind, ContentValidator>> = {
    board: createBoardContentValidator(),
    report: createReportTextValidator(),
    'report-comments': createCommentsContentValidator(),
  };
  return (kind) => (kind ? byKind[kind] : undefined);
}
