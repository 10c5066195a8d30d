import { useState } from 'react';
import './boards.css';
import { canCreateBoards, type BoardOverview, type WorkspaceDetail } from '@boussole/shared';
import { useT } from '../../i18n/useT.js';
import { useImportT } from '../../imports/importMessages.js';
import { ErrorAlert, errorText } from '../../ui/forms.js';
import { importPath, navigate } from '../../ui/router.js';
import { updateBoard } from './boardApi.js';
import { BoardDialog, type BoardDialogKind } from './BoardDialogs.js';
import { BoardTile } from './BoardTile.js';
import { stepKey, useBoardsT } from './boardsMessages.js';
import { groupByStep } from './groupByStep.js';
import { NewBoardForm } from './NewBoardForm.js';
import { ReportTile } from './ReportTile.js';
import { useBoardOverview } from './useBoardOverview.js';

/**
 * The workspace's boards grouped by the ABS's steps (représentations → rapport), each a tile
 * with what it holds and who is there now; archived boards folded away at the end.
 */
export function BoardsSection(props: { workspace: WorkspaceDetail; onError(e: string): void }) {
  const t = useT();
  const bt = useBoardsT();
  const importT = useImportT();
  const { workspace } = props;
  const { boards, error, reload } = useBoardOverview(workspace.id);
  const [dialog, setDialog] = useState<{ kind: BoardDialogKind; board: BoardOverview }>();
  const { groups, archived } = groupByStep(boards ?? []);

  const tile = (board: BoardOverview) => (
    <BoardTile
      key={board.id}
      board={board}
      role={workspace.role}
      onAction={(kind, b) => setDialog({ kind, board: b })}
      onArchive={(b, value) =>
        void updateBoard(b.id, { archived: value })
          .then(reload)
          .catch((e: unknown) => props.onError(errorText(e)))
      }
    />
  );

  return (
    <section aria-labelledby="boards-title" className="boards">
      <h2 id="boards-title">{t('ws.boards')}</h2>
      <ErrorAlert error={error} />
      {boards && boards.length === 0 && <p className="muted">{t('ws.noBoards')}</p>}
      {boards === undefined && <p className="muted">…</p>}
      <div className="step-groups">
        {groups.map(({ step, boards: inStep }) => (
          <section key={step} className="step-group" aria-labelledby={`step-${step}`}>
            <h3 id={`step-${step}`}>{bt(stepKey(step))}</h3>
            {step === 'rapport' && <ReportTile workspace={workspace} onError={props.onError} />}
            {inStep.length > 0 ? (
              <ul className="board-list">{inStep.map(tile)}</ul>
            ) : (
              step !== 'rapport' && <p className="muted">{bt('group.empty')}</p>
            )}
          </section>
        ))}
      </div>
      {archived.length > 0 && (
        <details className="archived-group">
          <summary>{bt('group.archived', { n: archived.length })}</summary>
          <ul className="archived-boards">{archived.map(tile)}</ul>
        </details>
      )}
      {canCreateBoards(workspace.role) && workspace.boards.length > 0 && (
        <p>
          <a
            className="button"
            href={importPath(workspace.id)}
            onClick={(e) => {
              e.preventDefault();
              navigate(importPath(workspace.id));
            }}
          >
            {importT('import.title')}
          </a>
        </p>
      )}
      {canCreateBoards(workspace.role) && (
        <NewBoardForm workspaceId={workspace.id} onError={props.onError} />
      )}
      {dialog && (
        <BoardDialog
          kind={dialog.kind}
          board={dialog.board}
          onClose={() => setDialog(undefined)}
          onDone={() => {
            setDialog(undefined);
            reload();
          }}
        />
      )}
    </section>
  );
}
