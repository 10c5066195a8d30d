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
  const built = buildDemoBoards({ observations, hypotheses, indicators, recommendations });
  const ids: string[] = [];
  // In the order of the work (the list shows newest first, so the affinity board tops it). All
  // are created before any is written: the préconisations link to the hypotheses board's id.
  for (const board of [built.recommendations, built.hypotheses, built.affinity]) {
    const { id } = await deps.createBoard({ title: board.title, template: board.template });
    ids.push(id);
  }
  const boards = buildDemoBoards(
    { observations, hypotheses, indicators, recommendations },
    { hypotheses: ids[1] as string },
  );
  const written = [boards.recommendations, boards.hypotheses, boards.affinity];
  for (const [i, board] of written.entries()) {
    await writeBoard({
      serverUrl: deps.serverUrl,
      docId: ids[i] as string,
      template: board.template,
      records: board.records,
    });
  }
  return {
    recommendations: ids[0] as string,
    hypotheses: ids[1] as string,
    affinity: ids[2] as string,
  };
}
