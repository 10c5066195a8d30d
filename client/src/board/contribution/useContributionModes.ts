import { useCallback, useEffect, useState } from 'react';
import {
  sessionDocLayout,
  sessionLockSchema,
  sessionModesSchema,
  type SessionLock,
  type SessionModes,
} from '@boussole/shared';
import type { CollabSession } from '../../collab/collabSession.js';

export interface ContributionModes {
  anonymous: boolean;
  privateWriting: boolean;
  moderated: boolean;
}

const noModes: SessionModes = { anonymous: false, privateWriting: false };
const noLock: SessionLock = { board: false, areaIds: [], moderated: false };

/**
 * The contribution modes of the board, live from its session document, and (for facilitators,
 * whom the server alone lets write it) a setter that replaces the `modes` or `lock` value as
 * a whole, keeping the lock's other fields (S1's board and area locks).
 */
export function useContributionModes(session: CollabSession | undefined): {
  modes: ContributionModes;
  set(change: Partial<ContributionModes>): void;
} {
  const [values, setValues] = useState<{ modes: SessionModes; lock: SessionLock }>({
    modes: noModes,
    lock: noLock,
  });
  useEffect(() => {
    if (!session) return;
    const root = session.doc.getMap<unknown>(sessionDocLayout.root);
    const read = () => {
      const modes = sessionModesSchema.safeParse(root.get('modes'));
      const lock = sessionLockSchema.safeParse(root.get('lock'));
      setValues({
        modes: modes.success ? modes.data : noModes,
        lock: lock.success ? lock.data : noLock,
      });
    };
    read();
    root.observe(read);
    return () => root.unobserve(read);
  }, [session]);

  const set = useCallback(
    (change: Partial<ContributionModes>) => {
      if (!session) return;
      const root = session.doc.getMap<unknown>(sessionDocLayout.root);
      session.doc.transact(() => {
        if (change.anonymous !== undefined || change.privateWriting !== undefined) {
          root.set('modes', {
            anonymous: change.anonymous ?? values.modes.anonymous,
            privateWriting: change.privateWriting ?? values.modes.privateWriting,
          } satisfies SessionModes);
        }
        if (change.moderated !== undefined) {
          root.set('lock', {
            ...values.lock,
            areaIds: [...values.lock.areaIds],
            moderated: change.moderated,
          });
        }
      });
    },
    [session, values],
  );

  return {
    modes: {
      anonymous: values.modes.anonymous,
      privateWriting: values.modes.privateWriting,
      moderated: values.lock.moderated,
    },
    set,
  };
}
