import type { DocumentKind } from '@boussole/shared';
import type { ContentValidator } from '../collab/ContentValidator.js';
import { createCommentsContentValidator } from '../report/CommentsContentGuard.js';
import { createReportTextValidator } from '../report/ReportTextGuard.js';
import { createBoardContentValidator } from '../boards/BoardContentGuard.js';
import { createSessionContentValidator } from '../session/SessionContentGuard.js';

/**
 * The content rules of each kind of document. Boards are checked record by record, a report's
 * text node by node (only what the editor has), its comments thread by thread (and by
 * author), a board's session state key by key (shared/src/session); each holds its declared
 * root types only (RootTypeRule), except the roots named in `uncheckedRoots` (tests only, see
 * UNCHECKED_ROOTS). A document missing from the catalog, whose kind is unknown, has none: no
 * socket can open one (AccessService answers 404).
 */
export function contentValidatorsByKind(
  options: { uncheckedRoots?: readonly string[] } = {},
): (kind: DocumentKind | undefined) => ContentValidator | undefined {
  const unchecked = new Set(options.uncheckedRoots ?? []);
  const byKind: Partial<Record<DocumentKind, ContentValidator>> = {
    board: createBoardContentValidator(unchecked),
    report: createReportTextValidator(unchecked),
    'report-comments': createCommentsContentValidator(unchecked),
    'board-session': createSessionContentValidator(unchecked),
  };
  return (kind) => (kind ? byKind[kind] : undefined);
}
