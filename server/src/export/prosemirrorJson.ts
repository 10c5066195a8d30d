import { z } from 'zod';

/**
 * The report as the editor hands it over: ProseMirror JSON from Tiptap's `editor.getJSON()`
 * (StarterKit + TableKit + Link, plus the app's own block nodes). Only the shape is fixed here;
 * node types, attrs and marks stay open because the exporters must cope with nodes they do not
 * know (custom blocks are rendered through their children) and with attrs that are missing.
 */
export interface ReportMark {
  type: string;
  attrs?: Record<string, unknown> | null;
}

export interface ReportNode {
  type: string;
  attrs?: Record<string, unknown> | null;
  content?: ReportNode[];
  text?: string;
  marks?: ReportMark[];
}

/** The root node, normally `{ type: 'doc', content: [...] }`. */
export type ReportJson = ReportNode;

/**
 * Deeper nesting than this is refused by the schema and ignored by the exporters: every step
 * below is recursive, and a hostile document a few thousand levels deep would otherwise blow
 * the stack. Real reports stay far below (each nested list level costs two nodes).
 */
export const MAX_REPORT_DEPTH = 100;

const attrsSchema = z.record(z.string(), z.unknown()).nullish();

const markSchema = z.looseObject({ type: z.string(), attrs: attrsSchema });

const nodeSchema: z.ZodType<ReportNode> = z.lazy(() =>
  z.looseObject({
    type: z.string(),
    attrs: attrsSchema,
    content: z.array(nodeSchema).optional(),
    text: z.string().optional(),
    marks: z.array(markSchema).optional(),
  }),
);

/** Depth of nested `content` arrays, measured without recursion so it cannot overflow itself. */
function nestingDepthExceeds(value: unknown, limit: number): boolean {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (depth > limit) return true;
    if (typeof current !== 'object' || current === null) continue;
    const content = (current as { content?: unknown }).content;
    if (!Array.isArray(content)) continue;
    for (const child of content) stack.push({ value: child, depth: depth + 1 });
  }
  return false;
}

/**
 * Validates a report received from a client before it is exported. Permissive on attrs and
 * unknown keys (Tiptap adds attributes over time), strict on the tree shape and depth.
 */
export const reportJsonSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    if (nestingDepthExceeds(value, MAX_REPORT_DEPTH)) {
      ctx.addIssue({
        code: 'custom',
        message: `the report is nested more than ${MAX_REPORT_DEPTH} levels deep`,
      });
    }
  })
  .pipe(nodeSchema);
