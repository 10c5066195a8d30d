import { describeClose, isPermanentClose } from '@boussole/shared';

/** What the status pill shows. An explicit union: every state has a label. */
export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'offline' }
  | { kind: 'closed'; code: number; reason: string };

export interface StatusInputs {
  browserOnline: boolean;
  socket: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Set when the server closed with a permanent code: reconnecting cannot help. */
  permanentClose: { code: number } | undefined;
}

/** Pure derivation, so the rules are tested without a browser. */
export function deriveStatus(inputs: StatusInputs, lang: 'fr' | 'en' = 'fr'): ConnectionStatus {
  if (inputs.permanentClose && isPermanentClose(inputs.permanentClose.code)) {
    const code = inputs.permanentClose.code;
    return { kind: 'closed', code, reason: describeClose(code, lang) };
  }
  if (!inputs.browserOnline) return { kind: 'offline' };
  if (inputs.socket === 'connected') return { kind: 'connected', synced: inputs.synced };
  return { kind: 'connecting' };
}
