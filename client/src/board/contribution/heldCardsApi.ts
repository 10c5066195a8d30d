import {
  type HeldCard,
  type HeldCardInput,
  type HeldCardList,
  type InboxDecision,
  type InboxList,
  type PlacementRequest,
  type RevealResult,
} from '@boussole/shared';
import { jsonRequestInit } from '../../api/jsonRequest.js';

/** The held-cards REST calls (server/src/routes/heldCards.ts); refusals carry French text. */

export class HeldCardsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'HeldCardsError';
  }
}

async function send<T>(path: string, method: string, body?: unknown): Promise<T> {
  const response = await fetch(path, jsonRequestInit(method, body));
  if (response.status === 204) return undefined as T;
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new HeldCardsError(
      response.status,
      typeof answer.message === 'string' ? answer.message : `HTTP ${response.status}`,
    );
  }
  return answer as T;
}

export function heldCardsApi(boardId: string) {
  const base = `/api/boards/${encodeURIComponent(boardId)}`;
  return {
    list: () => send<HeldCardList>(`${base}/held-cards`, 'GET'),
    create: (input: HeldCardInput) => send<HeldCard>(`${base}/held-cards`, 'POST', input),
    edit: (id: string, input: HeldCardInput) =>
      send<HeldCard>(`${base}/held-cards/${id}`, 'PUT', input),
    remove: (id: string) => send<void>(`${base}/held-cards/${id}`, 'DELETE'),
    /** `placement.near`: the centre of the facilitator's view, where the cards should go. */
    reveal: (placement?: PlacementRequest) =>
      send<RevealResult>(`${base}/held-cards/reveal`, 'POST', placement),
    inbox: () => send<InboxList>(`${base}/inbox`, 'GET'),
    accept: (id: string, placement?: PlacementRequest) =>
      send<InboxDecision>(`${base}/inbox/${id}/accept`, 'POST', placement),
    reject: (id: string) => send<InboxDecision>(`${base}/inbox/${id}/reject`, 'POST'),
  };
}
