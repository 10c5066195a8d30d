import { useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import {
  cardLinkLabel,
  isCardKind,
  type CardKind,
  type LinkableCard,
  type LinkableCardList,
} from '@boussole/shared';
import { searchLinkableCards } from './cardLinksApi.js';

/** Waits for the person to stop typing before asking the server. */
const DEBOUNCE_MS = 250;

export type CardSearch =
  | { state: 'idle' }
  | { state: 'searching' }
  | { state: 'failed' }
  | ({ state: 'done' } & LinkableCardList);

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** A board outside any workspace (from before workspaces) links within itself only. */
function searchThisBoard(
  editor: Editor,
  boardId: string,
  kinds: readonly CardKind[],
  query: string,
): LinkableCardList {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const cards: LinkableCard[] = [];
  for (const shape of editor.getCurrentPageShapes()) {
    if (!isCardKind(shape.type) || !kinds.includes(shape.type)) continue;
    const label = cardLinkLabel(shape.type, shape.props as Record<string, unknown>);
    if (!words.every((word) => fold(label).includes(word))) continue;
    cards.push({ boardId, boardTitle: '', cardId: shape.id, kind: shape.type, label });
  }
  return { cards: cards.slice(0, 50), truncated: cards.length > 50 };
}

/** The cards of `kinds` matching `query`, on every board of the workspace. */
export function useCardSearch(
  editor: Editor,
  boardId: string,
  workspaceId: string | null | undefined,
  kinds: readonly CardKind[],
  query: string,
): CardSearch {
  const [search, setSearch] = useState<CardSearch>({ state: 'idle' });
  const kindsKey = kinds.join(',');
  useEffect(() => {
    if (query.trim() === '') {
      setSearch({ state: 'idle' });
      return;
    }
    const wanted = kindsKey.split(',') as CardKind[];
    if (!workspaceId) {
      setSearch({ state: 'done', ...searchThisBoard(editor, boardId, wanted, query) });
      return;
    }
    let live = true;
    setSearch({ state: 'searching' });
    const timer = setTimeout(() => {
      searchLinkableCards(workspaceId, wanted, query.trim())
        .then((list) => live && setSearch({ state: 'done', ...list }))
        .catch(() => live && setSearch({ state: 'failed' }));
    }, DEBOUNCE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [editor, boardId, workspaceId, kindsKey, query]);
  return search;
}
