import type { AnyExtension } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Collaboration from '@tiptap/extension-collaboration';
import { TableKit } from '@tiptap/extension-table';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { reportDocLayout } from '@boussole/shared';
import { CollaborationCarets } from './collaborationCarets.js';
import { BoardExcerpt } from './excerpts/BoardExcerptNode.js';

/**
 * Every node, mark and behaviour of the report editor, in one place: what the editor can hold
 * is what exports (server/src/export) and the server's template must know about.
 */
export function reportExtensions(
  session: { doc: Y.Doc; awareness: Awareness },
  /** What the page adds around the text, e.g. comment highlights; nothing the text holds. */
  extra: AnyExtension[] = [],
): AnyExtension[] {
  return [
    // Undo comes from Collaboration: it undoes one's own changes only.
    StarterKit.configure({ undoRedo: false, link: { openOnClick: false } }),
    TableKit.configure({ table: { resizable: false } }),
    Collaboration.configure({ document: session.doc, field: reportDocLayout.fragment }),
    CollaborationCarets.configure({ awareness: session.awareness }),
    BoardExcerpt,
    ...extra,
  ];
}
