import type { DocumentKind } from '@boussole/shared';
import type { ContentValidator } from '../collab/ContentValidator.js';
import { createBoardContentValidator } from './BoardContentGuard.js';

/**
 * The content rules of each kind of document. Boards are checked record by record; reports and
 * their comments have no rules yet (any well-formed Yjs update is accepted), and neither has a
 * document missing from the catalog, whose kind is unknown.
 */
export function contentValidatorsByKind(): (
  kind: DocumentKind | undefined,
) => ContentValidator | undefined {
  const board = createBoardContentValidator();
  return (kind) => (kind === 'board' ? board : undefined);
}
