import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

describe('parseRoute', () => {
  it('maps the home and board URLs', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/b/board-123')).toEqual({ name: 'board', boardId: 'board-123' });
    expect(parseRoute('/b/board-123/')).toEqual({ name: 'board', boardId: 'board-123' });
  });

  it('refuses ids the server would refuse', () => {
    expect(parseRoute('/b/../etc')).toEqual({ name: 'not-found' });
    expect(parseRoute('/b/' + 'x'.repeat(200))).toEqual({ name: 'not-found' });
  });
});
