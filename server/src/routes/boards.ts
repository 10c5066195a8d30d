import type { FastifyInstance } from 'fastify';
import {
  createBoardRequestSchema,
  docIdSchema,
  type ApiError,
  type BoardList,
  type BoardSummary,
} from '@boussole/shared';
import type { DocumentCatalog, DocumentRecord } from '../documents/DocumentCatalog.js';

const summary = (record: DocumentRecord): BoardSummary => ({
  id: record.id,
  title: record.title,
  template: record.template,
  createdAt: record.createdAt,
});

function problem(error: string, message: string): ApiError {
  return { error, message };
}

/** /api/boards — list, create and describe boards. Their content is the Yjs document. */
export function registerBoardRoutes(
  app: FastifyInstance,
  deps: { documents: DocumentCatalog },
): void {
  const { documents } = deps;

  app.get('/api/boards', async (): Promise<BoardList> => {
    const records = await documents.list('board');
    return { boards: records.map(summary) };
  });

  app.post('/api/boards', async (request, reply) => {
    const parsed = createBoardRequestSchema.safeParse(request.body);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      return reply
        .code(400)
        .send(
          problem(
            'invalid-board',
            `Tableau invalide : ${first?.path.join('.') || 'corps'} — attendu ${first?.message ?? 'un objet JSON'}.`,
          ),
        );
    }
    const record = await documents.create({ kind: 'board', ...parsed.data });
    request.log.info({ boardId: record.id, template: record.template }, 'board created');
    return reply.code(201).send(summary(record));
  });

  app.get<{ Params: { boardId: string } }>('/api/boards/:boardId', async (request, reply) => {
    const id = docIdSchema.safeParse(request.params.boardId);
    const record = id.success ? await documents.get(id.data) : undefined;
    if (!record || record.kind !== 'board') {
      return reply.code(404).send(problem('board-not-found', 'Ce tableau n’existe pas.'));
    }
    return summary(record);
  });
}
