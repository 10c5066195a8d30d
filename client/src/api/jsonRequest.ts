import { CSRF_HEADER } from '@boussole/shared';

/**
 * The fetch options of one call to Boussole's API: the CSRF header every call carries (the
 * server refuses state-changing requests without it), and the JSON content type only when there
 * is a body — Fastify answers 400 to a JSON content type on an empty body (a vote's close, a
 * reveal, an inbox decision).
 */
export function jsonRequestInit(method: string, body?: unknown): RequestInit {
  return {
    method,
    headers: {
      [CSRF_HEADER]: '1',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  };
}
