import type { BoardTemplateId } from '@boussole/shared';
import observations from '../../../shared/data/val-d-arviere/observations.csv?raw';
import hypotheses from '../../../shared/data/val-d-arviere/hypotheses.csv?raw';
import indicators from '../../../shared/data/val-d-arviere/indicateurs.csv?raw';
import recommendations from '../../../shared/data/val-d-arviere/preconisations.csv?raw';
import { buildDemoBoards } from './buildDemoBoards.js';
import { writeBoard } from './writeBoard.js';

export interface LoadDemoDeps {
  /** Creates an empty board and returns its id (where boards are created is the caller's). */
  createBoard(input: { title: string; template: BoardTemplateId }): Promise<{ id: string }>;
  serverUrl: string;
}

/** Creates the three demo boards and fills them; resolves with their ids once they are stored. */
export async function loadDemo(
  deps: LoadDemoDeps,
): Promise<{ affinity: string; hypotheses: string; recommendations: string }> {
  const boards = buildDemoBoards({ observations, hypotheses, indicators, recommendations });
  const ids: string[] = [];
  // In the order of the work (the list shows newest first, so the affinity board tops it).
  for (const board of [boards.recommendations, boards.hypotheses, boards.affinity]) {
    const { id } = await deps.createBoard({ title: board.title, template: board.template });
    await writeBoard({
      serverUrl: deps.serverUrl,
      docId: id,
      template: board.template,
      records: board.records,
    });
    ids.push(id);
  }
  return {
    recommendations: ids[0] as string,
    hypotheses: ids[1] as string,
    affinity: ids[2] as string,
  };
}
