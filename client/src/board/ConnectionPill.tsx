import { useSyncExternalStore } from 'react';
import type { CollabSession } from '../collab/collabSession.js';
import { useT } from '../i18n/useT.js';

/** Always visible: in a workshop on weak Wi-Fi people must know whether they are heard. */
export function ConnectionPill({ session }: { session: CollabSession }) {
  const t = useT();
  const status = useSyncExternalStore(session.subscribeStatus, session.getStatus);
  const label =
    status.kind === 'connected'
      ? t('status.connected')
      : status.kind === 'connecting'
        ? t('status.connecting')
        : status.kind === 'offline'
          ? t('status.offline')
          : `${t('status.closed')} — ${status.reason}`;
  return (
    <span className={`status-pill status-${status.kind}`} role="status" data-status={status.kind}>
      {label}
    </span>
  );
}
