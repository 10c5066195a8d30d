import { z } from 'zod';

/** Board templates a new board can start from; their layouts live in client/src/board/templates. */
export const boardTemplateIds = [
  'blank',
  'initial-perceptions',
  'working-hypotheses',
  'affinity-map',
  'recommendations-matrix',
  'life-stages-journey',
] as const;
export const boardTemplateSchema = z.enum(boardTemplateIds);
export type BoardTemplateId = z.infer<typeof boardTemplateSchema>;

export const createBoardRequestSchema = z.object({
  title: z.string().trim().min(1, 'a title').max(200, 'at most 200 characters'),
  template: boardTemplateSchema.default('blank'),
});
export type CreateBoardRequest = z.input<typeof createBoardRequestSchema>;

export const boardSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  template: boardTemplateSchema,
  createdAt: z.string(),
});
export type BoardSummary = z.infer<typeof boardSummarySchema>;

export const boardListSchema = z.object({ boards: z.array(boardSummarySchema) });
export type BoardList = z.infer<typeof boardListSchema>;

/**
 * The ABS's steps, in the method's order, that a workspace's boards are grouped by; « autres »
 * holds boards that belong to none (a blank board until someone chooses). The report is the
 * « rapport » step; a board may sit there too.
 */
export const boardSteps = [
  'representations',
  'hypotheses',
  'enquete',
  'analyse',
  'preconisations',
  'rapport',
  'autres',
] as const;
export const boardStepSchema = z.enum(boardSteps);
export type BoardStep = z.infer<typeof boardStepSchema>;

/** Where a board sits until someone moves it: its template says which step it serves. */
export const defaultStepOfTemplate: Record<BoardTemplateId, BoardStep> = {
  blank: 'autres',
  'initial-perceptions': 'representations',
  'working-hypotheses': 'hypotheses',
  'affinity-map': 'analyse',
  'recommendations-matrix': 'preconisations',
  'life-stages-journey': 'enquete',
};

/** PATCH /api/boards/:id — rename, move to another step, archive or bring back; one at least. */
export const updateBoardRequestSchema = z
  .object({
    title: z.string().trim().min(1, 'a title').max(200, 'at most 200 characters').optional(),
    step: boardStepSchema.optional(),
    archived: z.boolean().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, 'title, step or archived');
export type UpdateBoardRequest = z.input<typeof updateBoardRequestSchema>;

/** One board as the workspace page shows it: where it sits, what it holds, who is there. */
export const boardOverviewSchema = boardSummarySchema.extend({
  step: boardStepSchema,
  archived: z.boolean(),
  /** Cards of each kind in the committed state (kinds with none are left out). */
  cardCounts: z.record(z.string(), z.number()),
  /** The last committed change of its content, or its creation. */
  changedAt: z.string(),
  /** Names of the people connected to it right now, as its presence shows them. */
  present: z.array(z.string()),
});
export type BoardOverview = z.infer<typeof boardOverviewSchema>;
export const boardOverviewListSchema = z.object({ boards: z.array(boardOverviewSchema) });
export type BoardOverviewList = z.infer<typeof boardOverviewListSchema>;

/** Every REST error has this shape; `message` is for people (French), `error` for code. */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;
