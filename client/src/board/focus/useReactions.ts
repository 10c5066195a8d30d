import { useCallback, useEffect, useState } from 'react';
import type { Editor } from 'tldraw';
import type { Awareness } from 'y-protocols/awareness';
import {
  REACTION_FIELD,
  REACTION_SHOWN_MS,
  reactionSchema,
  type ReactionEmoji,
} from '@boussole/shared';
import { PRESENCE_FIELD, awarenessToPresence } from '../awarenessBinding.js';

export interface FloatingReaction {
  key: string;
  emoji: ReactionEmoji;
  /** Over this card, or, for the board, at the person's cursor (page coordinates). */
  cardId: string | null;
  point: { x: number; y: number } | null;
}

/**
 * Reactions are a field of each person's awareness state (shared/src/session/reactions.ts):
 * a new `at` is a new reaction, shown floating for REACTION_SHOWN_MS on every screen. Those
 * already there when the board opens are old news and not shown. The server drops reactions
 * past the rate limit, so a flood from one person never reaches the others.
 */
export function useReactions(
  editor: Editor,
  awareness: Awareness,
): { floating: FloatingReaction[]; react(emoji: ReactionEmoji): void } {
  const [floating, setFloating] = useState<FloatingReaction[]>([]);

  useEffect(() => {
    const lastAt = new Map<number, number>();
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const scan = (show: boolean) => {
      const fresh: FloatingReaction[] = [];
      for (const [clientId, state] of awareness.getStates()) {
        const fields = state as Record<string, unknown>;
        const parsed = reactionSchema.safeParse(fields[REACTION_FIELD]);
        if (!parsed.success || lastAt.get(clientId) === parsed.data.at) continue;
        lastAt.set(clientId, parsed.data.at);
        if (!show) continue;
        const { emoji, cardId, at } = parsed.data;
        const cursor = awarenessToPresence(clientId, fields[PRESENCE_FIELD])?.cursor;
        fresh.push({
          key: `${clientId}:${at}`,
          emoji,
          cardId,
          point: cardId || !cursor ? null : { x: cursor.x, y: cursor.y },
        });
      }
      if (fresh.length === 0) return;
      setFloating((all) => [...all, ...fresh]);
      const timer = setTimeout(() => {
        timers.delete(timer);
        const gone = new Set(fresh.map((r) => r.key));
        setFloating((all) => all.filter((r) => !gone.has(r.key)));
      }, REACTION_SHOWN_MS);
      timers.add(timer);
    };
    scan(false);
    const onChange = () => scan(true);
    awareness.on('change', onChange);
    return () => {
      awareness.off('change', onChange);
      for (const timer of timers) clearTimeout(timer);
      setFloating([]);
    };
  }, [awareness]);

  const react = useCallback(
    (emoji: ReactionEmoji) => {
      const previous: unknown = awareness.getLocalState()?.[REACTION_FIELD];
      const previousAt = reactionSchema.safeParse(previous).data?.at ?? 0;
      awareness.setLocalStateField(REACTION_FIELD, {
        emoji,
        cardId: editor.getOnlySelectedShapeId() ?? null,
        // Strictly increasing: two clicks in one millisecond are still two reactions.
        at: Math.max(Date.now(), previousAt + 1),
      });
    },
    [editor, awareness],
  );

  return { floating, react };
}
