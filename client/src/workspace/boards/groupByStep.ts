import { boardSteps, type BoardOverview, type BoardStep } from '@boussole/shared';

export interface StepGroup {
  step: BoardStep;
  boards: BoardOverview[];
}

/**
 * The boards in the ABS's order of steps, each step with its boards (oldest first, the order
 * the work happened); archived boards apart. Every step is listed, empty ones included, so
 * the page shows the whole method; « autres » only when it holds a board.
 */
export function groupByStep(boards: readonly BoardOverview[]): {
  groups: StepGroup[];
  archived: BoardOverview[];
} {
  const byAge = [...boards].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const active = byAge.filter((b) => !b.archived);
  const groups = boardSteps
    .map((step) => ({ step, boards: active.filter((b) => b.step === step) }))
    .filter((g) => g.step !== 'autres' || g.boards.length > 0);
  return { groups, archived: byAge.filter((b) => b.archived) };
}
