import { describe, expect, it } from 'vitest';
import { CloseCode } from '@boussole/shared';
import { deriveStatus, statusLabel } from './connectionStatus.js';

const base = {
  browserOnline: true,
  socket: 'connected' as const,
  synced: true,
  permanentClose: undefined,
};

describe('deriveStatus', () => {
  it('is connected when the socket is open', () => {
    expect(deriveStatus(base)).toEqual({ kind: 'connected', synced: true });
  });

  it('is offline when the browser is offline, whatever the socket says', () => {
    expect(deriveStatus({ ...base, browserOnline: false, socket: 'connecting' }).kind).toBe(
      'offline',
    );
  });

  it('is reconnecting while the socket is down but the browser online', () => {
    expect(deriveStatus({ ...base, socket: 'disconnected' }).kind).toBe('connecting');
  });

  it('explains a permanent close in French', () => {
    const status = deriveStatus({ ...base, permanentClose: { code: CloseCode.Forbidden } });
    expect(status).toMatchObject({ kind: 'closed', code: 4403 });
    expect(statusLabel(status, 'fr')).toMatch(/accès/);
  });

  it('holds a code, not text: the label follows the language at render', () => {
    const status = deriveStatus({ ...base, permanentClose: { code: CloseCode.Forbidden } });
    expect(status).toEqual({ kind: 'closed', code: 4403 });
    expect(statusLabel(status, 'en')).toMatch(/^Disconnected — /);
    expect(statusLabel(status, 'fr')).toMatch(/^Déconnecté — /);
  });

  it('ignores a transient close code (the provider reconnects)', () => {
    const status = deriveStatus({
      ...base,
      socket: 'disconnected',
      permanentClose: { code: CloseCode.ServerShuttingDown },
    });
    expect(status.kind).toBe('connecting');
  });
});
