import { useEffect, useState } from 'react';
import { getWorkspace } from '../../api/api.js';

export interface WorkspaceVocabulary {
  publics: string[];
  communes: string[];
}

const none: WorkspaceVocabulary = { publics: [], communes: [] };

/**
 * The publics and communes of the board's workspace, fetched once per workspace. A board
 * outside any workspace, or a refusal, gives empty lists: fields stay free text, unflagged.
 */
export function useWorkspaceVocabulary(
  workspaceId: string | null | undefined,
): WorkspaceVocabulary {
  const [vocabulary, setVocabulary] = useState<WorkspaceVocabulary>(none);
  useEffect(() => {
    setVocabulary(none);
    if (!workspaceId) return;
    let current = true;
    getWorkspace(workspaceId)
      .then((workspace) => {
        if (current)
          setVocabulary({
            publics: workspace.publics,
            communes: workspace.communes.map((c) => c.name),
          });
      })
      .catch(() => {
        // Without the lists the panel still edits the card; nothing to tell the person.
      });
    return () => {
      current = false;
    };
  }, [workspaceId]);
  return vocabulary;
}
