import type { WorkspaceRole } from '@boussole/shared';
import { importPath, navigate } from '../ui/router.js';
import { usePersonalDataT } from './personalDataStrings.js';
import './personalData.css';

/** Who may import a file into a board; the server refuses everyone else's upload anyway. */
export function canImport(role: WorkspaceRole): boolean {
  return role === 'animateur' || role === 'administrateur';
}

/** « Importer un fichier » into this board, for animateurs and administrateurs. */
export function ImportFileLink({
  workspaceId,
  boardId,
  role,
}: {
  workspaceId: string;
  boardId: string;
  role: WorkspaceRole;
}) {
  const { t } = usePersonalDataT();
  if (!canImport(role)) return null;
  const href = importPath(workspaceId, boardId);
  return (
    <a
      className="button import-link"
      href={href}
      onClick={(e) => {
        e.preventDefault();
        navigate(href);
      }}
    >
      {t('check.importFile')}
    </a>
  );
}
