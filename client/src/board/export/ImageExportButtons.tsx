import { useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import {
  boardImage,
  saveFile,
  type ImageExportFormat,
  type ImageExportScope,
} from './boardImage.js';
import type { ExportStrings } from './exportStrings.js';

interface Choice {
  scope: ImageExportScope;
  format: ImageExportFormat;
  label: string;
}

/**
 * « Image PNG / PDF » of the whole board, and of the selection when cards are selected. The
 * picture is made in this browser (nothing is sent); the outcome is announced in a live region.
 */
export function ImageExportButtons({
  editor,
  title,
  text,
}: {
  editor: Editor;
  title: string;
  text: ExportStrings;
}) {
  const selected = useValue('export: selected shapes', () => editor.getSelectedShapeIds().length, [
    editor,
  ]);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const choices: Choice[] = [
    { scope: 'board', format: 'png', label: text.pngBoard },
    { scope: 'board', format: 'pdf', label: text.pdfBoard },
    ...(selected > 0
      ? ([
          { scope: 'selection', format: 'png', label: text.pngSelection },
          { scope: 'selection', format: 'pdf', label: text.pdfSelection },
        ] as const)
      : []),
  ];

  async function run({ scope, format }: Choice): Promise<void> {
    setBusy(true);
    setStatus(text.working);
    try {
      const date = new Date();
      const image = await boardImage(editor, {
        title,
        scope,
        format,
        selectionSuffix: text.selectionSuffix,
        pdfSubtitle: text.pdfSubtitle(date, scope === 'selection'),
        date,
      });
      if (!image) {
        setStatus(text.empty);
        return;
      }
      saveFile(image.blob, image.fileName);
      setStatus(text.done(image.fileName, image.width, image.height));
    } catch {
      // The reason (canvas too big, a shape that failed to draw) says nothing useful to a person.
      setStatus(text.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div role="group" aria-label={text.imageGroup} className="board-image-exports">
      {choices.map((choice) => (
        <button
          key={`${choice.scope}-${choice.format}`}
          type="button"
          disabled={busy}
          onClick={() => void run(choice)}
        >
          {choice.label}
        </button>
      ))}
      <p className="board-image-exports-note">{text.sizeNote}</p>
      <p role="status" data-testid="image-export-status">
        {status}
      </p>
    </div>
  );
}
