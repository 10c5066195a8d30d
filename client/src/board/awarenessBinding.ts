import type { Awareness } from 'y-protocols/awareness';
import {
  InstancePresenceRecordType,
  react,
  type Signal,
  type TLInstancePresence,
  type TLInstancePresenceID,
  type TLStore,
} from 'tldraw';

/** The awareness field carrying a person's tldraw presence (cursor, selection, name, colour…). */
export const PRESENCE_FIELD = 'tldrawPresence';

export interface BindAwarenessOptions {
  /**
   * This person's presence, recomputed as they move and select; typically
   * `createPresenceStateDerivation($user)(store)`. `null` hides them from the others.
   */
  localPresence: Signal<TLInstancePresence | null>;
}

export interface AwarenessBinding {
  dispose(): void;
}

type PresenceFields = Omit<TLInstancePresence, 'id' | 'typeName'>;

/** What is published: the presence without its record identity, which each peer assigns. */
export function presenceToAwareness(presence: TLInstancePresence): PresenceFields {
  const { id: _id, typeName: _typeName, ...fields } = presence;
  return fields;
}

export function presenceIdForClient(clientId: number): TLInstancePresenceID {
  return InstancePresenceRecordType.createId(String(clientId));
}

/**
 * The presence record of one remote client, or null when it publishes none or publishes
 * something that is not a valid presence (awareness states come from other browsers).
 */
export function awarenessToPresence(clientId: number, value: unknown): TLInstancePresence | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const record = { ...value, id: presenceIdForClient(clientId), typeName: 'instance_presence' };
  try {
    return InstancePresenceRecordType.validate(record);
  } catch {
    return null;
  }
}

/**
 * Shares presence through y-protocols awareness: publishes `localPresence` under
 * PRESENCE_FIELD, and mirrors every other client's presence into the store as
 * `instance_presence` records (which tldraw draws as collaborators' cursors and selections).
 * States present when binding are mirrored at once.
 */
export function bindAwareness(
  store: TLStore,
  awareness: Awareness,
  options: BindAwarenessOptions,
): AwarenessBinding {
  const mirrored = new Set<TLInstancePresenceID>();

  const stopPublishing = react('publish tldraw presence', () => {
    const presence = options.localPresence.get();
    awareness.setLocalStateField(PRESENCE_FIELD, presence ? presenceToAwareness(presence) : null);
  });

  const mirror = (clientIds: readonly number[]) => {
    const toPut: TLInstancePresence[] = [];
    const toRemove: TLInstancePresenceID[] = [];
    const states = awareness.getStates();
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue;
      const presence = awarenessToPresence(clientId, states.get(clientId)?.[PRESENCE_FIELD]);
      const id = presenceIdForClient(clientId);
      if (presence) {
        toPut.push(presence);
        mirrored.add(id);
      } else if (mirrored.delete(id)) {
        toRemove.push(id);
      }
    }
    if (toPut.length === 0 && toRemove.length === 0) return;
    store.mergeRemoteChanges(() => {
      if (toRemove.length > 0) store.remove(toRemove);
      if (toPut.length > 0) store.put(toPut);
    });
  };

  const onChange = (changes: { added: number[]; updated: number[]; removed: number[] }) =>
    mirror([...changes.added, ...changes.updated, ...changes.removed]);

  awareness.on('change', onChange);
  mirror([...awareness.getStates().keys()]);

  let disposed = false;
  return {
    dispose() {
      if (disposed) return;
      disposed = true;
      awareness.off('change', onChange);
      stopPublishing();
      awareness.setLocalStateField(PRESENCE_FIELD, null);
      const ids = [...mirrored];
      mirrored.clear();
      if (ids.length > 0) store.mergeRemoteChanges(() => store.remove(ids));
    },
  };
}
