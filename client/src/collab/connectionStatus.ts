import { describeClose, isPermanentClose } from '@boussole/shared';
import { catalogs, type Language } from '../i18n/messages.js';

/**
 * What the status pill shows. An explicit union of codes, never text: the label is translated
 * at render, so switching the language does not reopen any document.
 */
export type ConnectionStatus =
  | { kind: 'connecting' }
  | { kind: 'connected'; synced: boolean }
  | { kind: 'offline' }
  | { kind: 'closed'; code: number };

export interface StatusInputs {
  browserOnline: boolean;
  socket: 'connected' | 'connecting' | 'disconnected';
  synced: boolean;
  /** Set when the server closed with a permanent code: reconnecting cannot help. */
  permanentClose: { code: number } | undefined;
}

/** Pure derivation, so the rules are tested without a browser. */
export function deriveStatus(inputs: StatusInputs): ConnectionStatus {
  if (inputs.permanentClose && isPermanentClose(inputs.permanentClose.code)) {
    return { kind: 'closed', code: inputs.permanentClose.code };
  }
  if (!inputs.browserOnline) return { kind: 'offline' };
  if (inputs.socket === 'connected') return { kind: 'connected', synced: inputs.synced };
  return { kind: 'connecting' };
}

/** The pill's text in the reader's language; a permanent close says why. */
export function statusLabel(status: ConnectionStatus, language: Language): string {
  const messages = catalogs[language];
  switch (status.kind) {
    case 'connected':
      return messages['status.connected'];
    case 'connecting':
      return messages['status.connecting'];
    case 'offline':
      return messages['status.offline'];
    case 'closed':
      return `${messages['status.closed']} — ${describeClose(status.code, language)}`;
  }
}
