import type { CardKind, LinkableCardList, ResolvedCardLinks } from '@boussole/shared';
import { send } from '../../api/api.js';

/** The cards of `kinds` on the workspace's boards whose text holds every word of `query`. */
export async function searchLinkableCards(
  workspaceId: string,
  kinds: readonly CardKind[],
  query: string,
): Promise<LinkableCardList> {
  const params = new URLSearchParams({ kinds: kinds.join(','), q: query });
  return (await send(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/cards?${params.toString()}`,
    'GET',
  )) as LinkableCardList;
}

/** The cards qualified links (`<boardId>/shape:X`) name, or that they are broken. */
export async function resolveCardLinks(
  workspaceId: string,
  refs: readonly string[],
): Promise<ResolvedCardLinks> {
  return (await send(`/api/workspaces/${encodeURIComponent(workspaceId)}/cards/resolve`, 'POST', {
    refs,
  })) as ResolvedCardLinks;
}
