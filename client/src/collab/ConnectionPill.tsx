import { useSyncExternalStore } from 'react';
import type { CollabSession } from './collabSession.js';
import { statusLabel } from './connectionStatus.js';
import { useUiStore } from '../stores/uiStore.js';

/** Always visible: in a workshop on weak Wi-Fi people must know whether they are heard. */
export function ConnectionPill({ session }: { session: CollabSession }) {
  const language = useUiStore((s) => s.language);
  const status = useSyncExternalStore(session.subscribeStatus, session.getStatus);
  const label = statusLabel(status, language);
  return (
    <span className={`status-pill status-${status.kind}`} role="status" data-status={status.kind}>
      {label}
    </span>
  );
}
