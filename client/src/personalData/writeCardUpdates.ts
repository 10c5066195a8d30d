import type { Editor, TLShapePartial } from 'tldraw';
import type { CardTextUpdate } from './boardFindings.js';

/**
 * Writes the board check's replacements through the editor, like any edit (so the Yjs binding
 * sends them, the server validates them and everyone receives them), as one change that a
 * single « Annuler » takes back. Locked cards are pseudonymised too: a lock protects a card's
 * place, not personal data in it.
 */
export function writeCardUpdates(editor: Editor, updates: readonly CardTextUpdate[]): void {
  if (updates.length === 0) return;
  editor.markHistoryStoppingPoint('personal data check');
  editor.run(() => editor.updateShapes(updates as unknown as TLShapePartial[]), {
    ignoreShapeLock: true,
  });
}
