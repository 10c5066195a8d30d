import * as Y from 'yjs';
import type { EditorState } from '@tiptap/pm/state';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import {
  MAX_COMMENT_QUOTE,
  anchorToRelativePosition,
  relativePositionToAnchor,
  type CommentAnchor,
} from '@boussole/shared';

/**
 * Between the editor's positions and a thread's anchors, through y-tiptap's binding (the
 * ProseMirror node ⇄ Y type mapping of the report's fragment): anchors are Yjs relative
 * positions, so they follow the passage's words whatever everyone types around them.
 */

type Mapping = Parameters<typeof absolutePositionToRelativePosition>[2];

/** What y-tiptap's sync plugin keeps in the editor state (ySyncPluginKey is typed `any`). */
interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Mapping } | null;
  snapshot: unknown;
  prevSnapshot: unknown;
  isChangeOrigin: boolean;
}

export function syncStateOf(state: EditorState): SyncState | undefined {
  return ySyncPluginKey.getState(state) as SyncState | undefined;
}

/** The binding, once it has rendered the document (its mapping is empty before). */
function liveBinding(state: EditorState) {
  const sync = syncStateOf(state);
  if (!sync?.binding || sync.binding.mapping.size === 0) return undefined;
  if (sync.snapshot != null || sync.prevSnapshot != null) return undefined;
  return { doc: sync.doc, type: sync.type, mapping: sync.binding.mapping };
}

export interface AnchoredPassage {
  anchorStart: CommentAnchor;
  anchorEnd: CommentAnchor;
  quote: string;
}

/**
 * The anchors of the passage from `from` to `to`. y-tiptap associates a position inside text
 * with the character on its left: right for the end (it stays after the passage's last
 * character, so words typed just after it are not taken in), wrong for the start (words typed
 * just before the passage would be). So the start is taken one character further — that is,
 * on the passage's first character — and associated with it, on its right.
 */
export function anchorPassage(
  state: EditorState,
  from: number,
  to: number,
): AnchoredPassage | undefined {
  const binding = liveBinding(state);
  if (!binding || from >= to) return undefined;
  const relative = (pos: number) =>
    absolutePositionToRelativePosition(pos, binding.type, binding.mapping) as Y.RelativePosition;
  let start = relative(from);
  if (state.doc.resolve(from).nodeAfter?.isText) {
    const first = relative(from + 1);
    if (first.item) start = new Y.RelativePosition(first.type, first.tname, first.item, 0);
  }
  const quote = state.doc.textBetween(from, to, ' ', ' ').replace(/\s+/g, ' ').trim();
  return {
    anchorStart: relativePositionToAnchor(start),
    anchorEnd: relativePositionToAnchor(relative(to)),
    quote: quote.length <= MAX_COMMENT_QUOTE ? quote : `${quote.slice(0, MAX_COMMENT_QUOTE - 1)}…`,
  };
}

/**
 * Where a thread's passage is now, or undefined when it cannot be found: the report has not
 * arrived yet, or the passage was deleted (its anchors then meet).
 */
export function passageRange(
  state: EditorState,
  anchors: { anchorStart: CommentAnchor; anchorEnd: CommentAnchor },
): { from: number; to: number } | undefined {
  const binding = liveBinding(state);
  if (!binding) return undefined;
  const absolute = (anchor: CommentAnchor) => {
    try {
      return relativePositionToAbsolutePosition(
        binding.doc,
        binding.type,
        anchorToRelativePosition(anchor),
        binding.mapping,
      );
    } catch {
      // An anchor into something this document never held: nothing to show.
      return null;
    }
  };
  const from = absolute(anchors.anchorStart);
  const to = absolute(anchors.anchorEnd);
  if (from === null || to === null) return undefined;
  const size = state.doc.content.size;
  const range = { from: Math.min(from, size), to: Math.min(to, size) };
  return range.from < range.to ? range : undefined;
}
