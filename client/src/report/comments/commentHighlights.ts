import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet, type EditorView } from '@tiptap/pm/view';
import type * as Y from 'yjs';
import { commentThreadsMap, readThreads } from '@boussole/shared';
import { passageRange, syncStateOf } from './commentAnchors.js';

interface HighlightState {
  decorations: DecorationSet;
  /** The thread chosen in the side list, drawn more strongly. */
  activeId: string | undefined;
}

type HighlightMeta = { refresh: true } | { activeId: string | undefined };

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights');

function highlights(state: EditorState, comments: Y.Doc, activeId: string | undefined) {
  const decorations: Decoration[] = [];
  for (const thread of readThreads(comments)) {
    if (thread.resolved) continue;
    const range = passageRange(state, thread);
    if (!range) continue;
    const active = thread.id === activeId;
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: active ? 'comment-highlight active' : 'comment-highlight',
          'data-thread-id': thread.id,
        },
        // Words typed at either edge are not part of the commented passage.
        { inclusiveStart: false, inclusiveEnd: false },
      ),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** Draws one thread's passage more strongly (or none, with undefined). */
export function setActiveThread(view: EditorView, activeId: string | undefined): void {
  view.dispatch(view.state.tr.setMeta(commentHighlightsKey, { activeId } satisfies HighlightMeta));
}

/**
 * Highlights the passage of each open comment thread. Passages are found again from their
 * anchors whenever the positions they map to may have moved in ways the editor cannot follow:
 * a remote change or an undo (y-tiptap marks those as coming from Yjs), or a change of the
 * threads. A local edit maps the highlights along with the text instead: during it, the
 * binding's mapping still describes the document before the edit.
 */
export const CommentHighlights = Extension.create<{ comments: Y.Doc | null }>({
  name: 'commentHighlights',
  addOptions() {
    return { comments: null };
  },
  addProseMirrorPlugins() {
    const { comments } = this.options;
    if (!comments) return [];
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: (_, state) => ({
            decorations: highlights(state, comments, undefined),
            activeId: undefined,
          }),
          apply(tr, value, _oldState, newState) {
            const meta = tr.getMeta(commentHighlightsKey) as HighlightMeta | undefined;
            const activeId = meta && 'activeId' in meta ? meta.activeId : value.activeId;
            if (meta || syncStateOf(newState)?.isChangeOrigin) {
              return { decorations: highlights(newState, comments, activeId), activeId };
            }
            if (tr.docChanged) {
              return { decorations: value.decorations.map(tr.mapping, tr.doc), activeId };
            }
            return value;
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          // Clicking commented words makes their thread the active one (the side list shows
          // it); the click still places the caret as usual.
          handleClick(view, _pos, event) {
            const node = event.target as Node | null;
            const element =
              node && typeof (node as Element).closest === 'function'
                ? (node as Element)
                : (node?.parentElement ?? null);
            const id = element?.closest('.comment-highlight')?.getAttribute('data-thread-id');
            const current = commentHighlightsKey.getState(view.state)?.activeId;
            if (id && id !== current) setActiveThread(view, id);
            return false;
          },
        },
        view(view) {
          const threads = commentThreadsMap(comments);
          const refresh = () => {
            if (view.isDestroyed) return;
            view.dispatch(
              view.state.tr.setMeta(commentHighlightsKey, {
                refresh: true,
              } satisfies HighlightMeta),
            );
          };
          threads.observeDeep(refresh);
          return { destroy: () => threads.unobserveDeep(refresh) };
        },
      }),
    ];
  },
});
