import type { Editor } from 'tldraw';
import { useUiStore } from '../stores/uiStore.js';
import { ImageExportButtons } from './export/ImageExportButtons.js';
import { exportStrings } from './export/exportStrings.js';
import './export/boardExport.css';

/**
 * The board's « Exporter » menu: its cards as a spreadsheet (GET /api/boards/:id/export, plain
 * links: the browser sends the session cookie and saves the file under the name the server
 * gives, the board's title), and the board or the selection as a PNG or PDF made in the
 * browser by tldraw's export (ImageExportButtons), once the editor is there.
 */

export type BoardExportFormat = 'csv' | 'xlsx';

export function boardExportUrl(boardId: string, format: BoardExportFormat): string {
  return `/api/boards/${encodeURIComponent(boardId)}/export?format=${format}`;
}

export function BoardExportLinks({
  boardId,
  title,
  editor,
}: {
  boardId: string;
  title: string;
  editor?: Editor;
}) {
  const language = useUiStore((s) => s.language);
  const text = exportStrings[language];
  // A disclosure, not more buttons in the board's crowded header; its content stays in the DOM
  // (closed <details> hides it), so the links are found and labelled all the same.
  return (
    <details className="board-menu" data-testid="board-export">
      <summary>{text.menu}</summary>
      <div className="board-menu-content">
        <nav className="board-export-links" aria-label={text.group}>
          <a href={boardExportUrl(boardId, 'csv')} download>
            {text.csv}
          </a>
          <a href={boardExportUrl(boardId, 'xlsx')} download>
            {text.xlsx}
          </a>
        </nav>
        {editor && <ImageExportButtons editor={editor} title={title} text={text} />}
      </div>
    </details>
  );
}
