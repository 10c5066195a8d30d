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

/** Every REST error has this shape; `message` is for people (French), `error` for code. */
export const apiErrorSchema = z.object({ error: z.string(), message: z.string() });
export type ApiError = z.infer<typeof apiErrorSchema>;
