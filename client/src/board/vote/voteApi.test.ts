import { describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '@boussole/shared';
import { voteApi } from './voteApi.js';

/** Records what each call sent, answering 200 with an empty JSON object. */
function recordingFetch() {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetcher = ((url: string, init: RequestInit) => {
    calls.push({ url, init });
    return Promise.resolve(new Response('{}', { status: 200 }));
  }) as typeof fetch;
  return { calls, fetcher };
}

describe('voteApi', () => {
  it('closes a vote with no body and no JSON content type (the server refuses one on an empty body)', async () => {
    const { calls, fetcher } = recordingFetch();
    await voteApi('board-1', fetcher).close('vote-1');
    const { url, init } = calls[0]!;
    expect(url).toBe('/api/boards/board-1/votes/vote-1/close');
    expect(init.method).toBe('POST');
    expect(init.body).toBeUndefined();
    const headers = init.headers as Record<string, string>;
    expect(headers['content-type']).toBeUndefined();
    expect(headers[CSRF_HEADER]).toBe('1');
  });

  it('sends a dot as JSON, with its content type', async () => {
    const { calls, fetcher } = recordingFetch();
    await voteApi('board-1', fetcher).dot('vote-1', {
      cardId: 'shape:A',
      delta: 1,
      opId: 'op-12345678',
    });
    const { init } = calls[0]!;
    expect((init.headers as Record<string, string>)['content-type']).toBe('application/json');
    expect(JSON.parse(init.body as string)).toEqual({
      cardId: 'shape:A',
      delta: 1,
      opId: 'op-12345678',
    });
  });
});
