import { isDeepStrictEqual } from 'node:util';
import { cardVotesMetaKey } from '@boussole/shared';

/**
 * A card's vote count (`meta.votes`) is written by the server when a vote closes
 * (cardVoteCounts.ts); a client that adds, changes or removes it on a card it keeps is refused
 * by the board's guard, so a count on a card can be trusted. Deleting the card is allowed.
 */
export function clientVotesMetaProblem(
  accepted: Record<string, unknown> | undefined,
  current: Record<string, unknown> | undefined,
): { path: string; detail: string } | undefined {
  const before = votesOf(accepted);
  const after = votesOf(current);
  if (isDeepStrictEqual(before, after)) return undefined;
  return {
    path: `meta.${cardVotesMetaKey}`,
    detail: 'le nombre de points d’un vote est écrit par le serveur à la clôture du vote',
  };
}

function votesOf(record: Record<string, unknown> | undefined): unknown {
  const meta = record?.meta;
  if (typeof meta !== 'object' || meta === null) return undefined;
  return (meta as Record<string, unknown>)[cardVotesMetaKey];
}
