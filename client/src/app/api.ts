import {
  boardListSchema,
  boardSummarySchema,
  clientConfigSchema,
  type ClientConfig,
  type BoardSummary,
  type CreateBoardRequest,
} from '@boussole/shared';

/** REST calls, their answers validated with the shared zod schemas. */
async function request(path: string, init?: RequestInit): Promise<unknown> {
  const response = await fetch(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...init?.headers },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const message =
      body && typeof body === 'object' && 'message' in body ? String(body.message) : '';
    throw new Error(message || `HTTP ${response.status}`);
  }
  return body;
}

export async function listBoards(): Promise<BoardSummary[]> {
  return boardListSchema.parse(await request('/api/boards')).boards;
}

export async function createBoard(input: CreateBoardRequest): Promise<BoardSummary> {
  return boardSummarySchema.parse(
    await request('/api/boards', { method: 'POST', body: JSON.stringify(input) }),
  );
}

export async function getBoard(boardId: string): Promise<BoardSummary | undefined> {
  try {
    return boardSummarySchema.parse(await request(`/api/boards/${encodeURIComponent(boardId)}`));
  } catch {
    return undefined;
  }
}

export async function getClientConfig(): Promise<ClientConfig | undefined> {
  try {
    return clientConfigSchema.parse(await request('/api/config'));
  } catch {
    return undefined;
  }
}
