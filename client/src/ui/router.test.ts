import { describe, expect, it } from 'vitest';
import { parseRoute } from './router.js';

describe('parseRoute', () => {
  it('maps the home and board URLs', () => {
    expect(parseRoute('/')).toEqual({ name: 'home' });
    expect(parseRoute('/b/board-123')).toEqual({ name: 'board', boardId: 'board-123' });
    expect(parseRoute('/b/board-123/')).toEqual({ name: 'board', boardId: 'board-123' });
  });

  it('maps workspace, setup and invitation URLs', () => {
    expect(parseRoute('/w/ws-abc_1')).toEqual({ name: 'workspace', workspaceId: 'ws-abc_1' });
    expect(parseRoute('/w/ws-1/import')).toEqual({ name: 'import', workspaceId: 'ws-1' });
    expect(parseRoute('/w/ws-1/import', '?board=b-2')).toEqual({
      name: 'import',
      workspaceId: 'ws-1',
      boardId: 'b-2',
    });
    expect(parseRoute('/w/ws-1/import', '?board=../x')).toEqual({
      name: 'import',
      workspaceId: 'ws-1',
    });
    expect(parseRoute('/setup')).toEqual({ name: 'setup' });
    expect(parseRoute('/invitation')).toEqual({ name: 'invitation' });
    expect(parseRoute('/w/')).toEqual({ name: 'not-found' });
    expect(parseRoute('/r/report-x1')).toEqual({ name: 'report', reportId: 'report-x1' });
  });

  it('refuses ids the server would refuse', () => {
    expect(parseRoute('/b/../etc')).toEqual({ name: 'not-found' });
    expect(parseRoute('/b/' + 'x'.repeat(200))).toEqual({ name: 'not-found' });
  });
});
