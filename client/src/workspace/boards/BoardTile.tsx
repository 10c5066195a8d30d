import {
  canAdministerWorkspace,
  canCreateBoards,
  type BoardOverview,
  type WorkspaceRole,
} from '@boussole/shared';
import { useUiStore } from '../../stores/uiStore.js';
import { Menu, type MenuItem } from '../../ui/Menu.js';
import { relativeTime } from '../../ui/relativeTime.js';
import { boardPath, navigate } from '../../ui/router.js';
import { templateLabels } from '../templateLabels.js';
import type { BoardDialogKind } from './BoardDialogs.js';
import { cardCountsText, useBoardsT } from './boardsMessages.js';
import { PeopleHere } from './PeopleHere.js';

/**
 * One board as a tile: its title (the link), template, what it holds, when it last changed and
 * who is on it now; the « ⋯ » menu holds what the caller's role may do to it.
 */
export function BoardTile({
  board,
  role,
  onAction,
  onArchive,
}: {
  board: BoardOverview;
  role: WorkspaceRole;
  onAction(kind: BoardDialogKind, board: BoardOverview): void;
  onArchive(board: BoardOverview, archived: boolean): void;
}) {
  const t = useBoardsT();
  const language = useUiStore((s) => s.language);
  const counts = cardCountsText(board.cardCounts, language);
  const items: MenuItem[] = [];
  if (canCreateBoards(role)) {
    items.push(
      { label: t('menu.rename'), onSelect: () => onAction('rename', board) },
      { label: t('menu.step'), onSelect: () => onAction('step', board) },
      {
        label: board.archived ? t('menu.unarchive') : t('menu.archive'),
        onSelect: () => onArchive(board, !board.archived),
      },
    );
  }
  if (canAdministerWorkspace(role)) {
    items.push(
      { label: t('menu.settings'), onSelect: () => onAction('settings', board) },
      { label: t('menu.delete'), onSelect: () => onAction('delete', board), danger: true },
    );
  }
  return (
    <li className="board-tile">
      <div className="tile-head">
        <a
          className="tile-title"
          href={boardPath(board.id)}
          onClick={(e) => {
            e.preventDefault();
            navigate(boardPath(board.id));
          }}
        >
          {board.title}
        </a>
        {items.length > 0 && <Menu label={t('menu.label', { title: board.title })} items={items} />}
      </div>
      <p className="tile-template">{templateLabels[board.template][language]}</p>
      <p className="tile-counts">{counts || t('tile.empty')}</p>
      <p className="tile-changed">
        {t('tile.changed', { when: relativeTime(board.changedAt, language) })}
        {board.archived && <> · {t('tile.archived')}</>}
      </p>
      <PeopleHere names={board.present} />
    </li>
  );
}
