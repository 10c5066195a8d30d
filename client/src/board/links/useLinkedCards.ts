import { useEffect, useMemo, useState } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import {
  cardLinkLabel,
  isCardKind,
  resolveCardRef,
  type CardKind,
  type ResolvedCardLink,
} from '@boussole/shared';
import { resolveCardLinks } from './cardLinksApi.js';

/** One link of a card, as its chip shows it. */
export type LinkedCard =
  | {
      ref: string;
      state: 'ok';
      boardId: string;
      /** Null on the card's own board. */
      boardTitle: string | null;
      cardId: string;
      kind: CardKind;
      label: string;
    }
  | { ref: string; state: 'broken' | 'loading' };

/**
 * Links to other boards are named by the server; a card deleted there shows as broken at the
 * next refresh: when the panel opens, when the window regains focus, and every so often.
 */
const REFRESH_MS = 15_000;

/** Names the cards links on a card of `boardId` point to, live for cards of the same board. */
export function useLinkedCards(
  editor: Editor,
  boardId: string,
  workspaceId: string | null | undefined,
  refs: readonly string[],
): LinkedCard[] {
  const targets = useMemo(
    () => refs.map((ref) => ({ ref, target: resolveCardRef(ref, boardId) })),
    [refs, boardId],
  );
  const remote = useMemo(
    () =>
      targets.flatMap(({ target }) =>
        target && target.boardId !== boardId ? [`${target.boardId}/${target.cardId}`] : [],
      ),
    [targets, boardId],
  );
  const remoteKey = remote.join('\n');
  const [resolved, setResolved] = useState<ReadonlyMap<string, ResolvedCardLink>>(new Map());

  useEffect(() => {
    if (!workspaceId || remoteKey === '') return;
    let live = true;
    const refresh = () => {
      resolveCardLinks(workspaceId, remoteKey.split('\n'))
        .then(({ links }) => {
          if (live) setResolved(new Map(links.map((link) => [link.ref, link])));
        })
        // A failed refresh keeps what was shown; the next one may succeed.
        .catch(() => undefined);
    };
    refresh();
    const timer = setInterval(refresh, REFRESH_MS);
    window.addEventListener('focus', refresh);
    return () => {
      live = false;
      clearInterval(timer);
      window.removeEventListener('focus', refresh);
    };
  }, [workspaceId, remoteKey]);

  // As text, so that the component renders again only when a linked card's name changes.
  const localJson = useValue(
    'linked cards on this board',
    () =>
      JSON.stringify(
        targets.map(({ target }) => {
          if (!target || target.boardId !== boardId) return 0;
          const shape = editor.getShape(target.cardId as TLShapeId);
          if (!shape || !isCardKind(shape.type)) return null;
          return {
            kind: shape.type,
            label: cardLinkLabel(shape.type, shape.props as Record<string, unknown>),
          };
        }),
      ),
    [editor, targets, boardId],
  );
  const local = JSON.parse(localJson) as ({ kind: CardKind; label: string } | null | 0)[];

  return targets.map(({ ref, target }, i): LinkedCard => {
    if (!target) return { ref, state: 'broken' };
    const here = local[i];
    if (here === null) return { ref, state: 'broken' };
    if (here) return { ref, state: 'ok', boardTitle: null, ...target, ...here };
    // 0: a card of another board, named by the server.
    const link = resolved.get(`${target.boardId}/${target.cardId}`);
    if (!link) return { ref, state: workspaceId ? 'loading' : 'broken' };
    if (link.status === 'broken') return { ref, state: 'broken' };
    return {
      ref,
      state: 'ok',
      boardId: link.boardId,
      boardTitle: link.boardTitle,
      cardId: link.cardId,
      kind: link.kind,
      label: link.label,
    };
  });
}
