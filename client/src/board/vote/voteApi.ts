import {
  type OpenVoteRequest,
  type OwnBallot,
  type VoteDetail,
  type VoteSummary,
} from '@boussole/shared';
import { jsonRequestInit } from '../../api/jsonRequest.js';

/**
 * The dot-vote's REST calls (server/src/routes/votes.ts). Answers are the server's; a refusal
 * carries its French message, and a refused dot also carries the ballot as it stands.
 */

export class VoteRequestError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    message: string,
    readonly ballot?: OwnBallot,
  ) {
    super(message);
    this.name = 'VoteRequestError';
  }
}

type Fetch = typeof fetch;

async function send<T>(fetcher: Fetch, path: string, method: string, body?: unknown): Promise<T> {
  const response = await fetcher(path, jsonRequestInit(method, body));
  const answer = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok) {
    throw new VoteRequestError(
      response.status,
      typeof answer.error === 'string' ? answer.error : 'http',
      typeof answer.message === 'string' ? answer.message : `HTTP ${response.status}`,
      answer.ballot as OwnBallot | undefined,
    );
  }
  return answer as T;
}

export function votesPath(boardId: string, rest = ''): string {
  return `/api/boards/${encodeURIComponent(boardId)}/votes${rest}`;
}

export function voteApi(boardId: string, fetcher: Fetch = (...args) => fetch(...args)) {
  return {
    open: (request: OpenVoteRequest) =>
      send<VoteSummary>(fetcher, votesPath(boardId), 'POST', request),
    close: (voteId: string) =>
      send<VoteDetail>(fetcher, votesPath(boardId, `/${voteId}/close`), 'POST'),
    detail: (voteId: string) => send<VoteDetail>(fetcher, votesPath(boardId, `/${voteId}`), 'GET'),
    ballot: (voteId: string) =>
      send<OwnBallot>(fetcher, votesPath(boardId, `/${voteId}/ballot`), 'GET'),
    dot: (voteId: string, dot: { cardId: string; delta: 1 | -1; opId: string }) =>
      send<OwnBallot & { replayed: boolean }>(
        fetcher,
        votesPath(boardId, `/${voteId}/dots`),
        'POST',
        dot,
      ),
  };
}

export type VoteApi = ReturnType<typeof voteApi>;
