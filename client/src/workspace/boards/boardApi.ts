import {
  boardOverviewListSchema,
  type BoardOverview,
  type UpdateBoardRequest,
} from '@boussole/shared';
import { send } from '../../api/api.js';

export async function getBoardOverview(workspaceId: string): Promise<BoardOverview[]> {
  const body = await send(
    `/api/workspaces/${encodeURIComponent(workspaceId)}/boards/overview`,
    'GET',
  );
  return boardOverviewListSchema.parse(body).boards;
}

export async function updateBoard(boardId: string, change: UpdateBoardRequest): Promise<void> {
  await send(`/api/boards/${encodeURIComponent(boardId)}`, 'PATCH', change);
}

export async function deleteBoard(boardId: string): Promise<void> {
  await send(`/api/boards/${encodeURIComponent(boardId)}`, 'DELETE');
}
