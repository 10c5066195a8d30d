import type { FastifyInstance, FastifySchemaCompiler, FastifyTypeProvider } from 'fastify';
import type { ZodType, z } from 'zod';

/**
 * Route schemas written in zod and typed through Fastify's type provider. Written here rather
 * than taken from fastify-type-provider-zod: that package requires @fastify/swagger and
 * openapi-types as peers for OpenAPI generation we do not use, and our 400 answer needs its
 * own French message anyway; the whole wiring is the type below and one compiler.
 */
export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends ZodType ? z.output<this['schema']> : unknown;
  serializer: this['schema'] extends ZodType ? z.input<this['schema']> : unknown;
}

/** Answered by app.ts's error handler as `{ error: 'invalid-request', message }`. */
class InvalidRequest extends Error {
  readonly statusCode = 400;
  readonly code = 'invalid-request';
}

// Fastify hands a validator `null` for an absent body; this marker keeps "absent" (undefined)
// apart from a JSON `null`, so that the 400 names what was really sent.
const ABSENT_BODY = Object.freeze({});

const zodCompiler: FastifySchemaCompiler<ZodType> =
  ({ schema }) =>
  (data) => {
    const parsed = schema.safeParse(data === ABSENT_BODY ? undefined : data);
    if (parsed.success) return { value: parsed.data };
    const first = parsed.error.issues[0];
    return {
      error: new InvalidRequest(
        `${first?.path.join('.') || 'corps'} — attendu ${first?.message ?? 'un objet JSON'}.`,
      ),
    };
  };

/**
 * `app` (a plugin's own instance) validating its routes' zod schemas — params, querystring,
 * body — before their handlers run, and after their preValidation hooks (the access guards), so
 * a caller who may not do something learns that before any detail about the body.
 */
export function withZod(app: FastifyInstance) {
  app.setValidatorCompiler(zodCompiler);
  app.addHook('preValidation', async (request) => {
    if (request.body === undefined && request.routeOptions.schema?.body) {
      request.body = ABSENT_BODY;
    }
  });
  return app.withTypeProvider<ZodTypeProvider>();
}
