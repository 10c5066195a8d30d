/**
 * Who was here before the connection dropped. The y-websocket provider forgets every other
 * person's presence when its socket closes, so without a memory the people list would show
 * nobody offline — as if everyone had left. Each person is remembered until they leave while
 * this tab is still connected (then they really left); while offline, those remembered are
 * listed as « vu il y a … », never as present. The memory is kept in the tab's
 * sessionStorage, so a board reloaded offline still says who was there.
 */
export interface RememberedPerson {
  name: string;
  color: string;
  /** Epoch ms they were last seen present. */
  lastSeenAt: number;
  /** Set when they disappeared; null while present. */
  departedAt: number | null;
}

/** A departure this long before the connection drops is a real one, not the drop's. */
export const REAL_DEPARTURE_MS = 5_000;

export class PresenceMemory {
  private readonly people = new Map<string, RememberedPerson>();

  static restore(json: string | null): PresenceMemory {
    const memory = new PresenceMemory();
    try {
      const entries: unknown = JSON.parse(json ?? '[]');
      if (!Array.isArray(entries)) return memory;
      for (const entry of entries.slice(0, 200) as unknown[]) {
        if (!Array.isArray(entry) || typeof entry[0] !== 'string') continue;
        const p = entry[1] as Partial<RememberedPerson> | null;
        if (typeof p?.name !== 'string' || typeof p.color !== 'string') continue;
        if (typeof p.lastSeenAt !== 'number') continue;
        memory.people.set(entry[0], {
          name: p.name,
          color: p.color,
          lastSeenAt: p.lastSeenAt,
          departedAt: typeof p.departedAt === 'number' ? p.departedAt : p.lastSeenAt,
        });
      }
    } catch {
      // A damaged copy only loses who was seen.
    }
    return memory;
  }

  serialize(): string {
    return JSON.stringify([...this.people]);
  }

  /**
   * Everyone present now (other than oneself), by a stable key; anyone else remembered is
   * marked departed at `now`. While `connected`, those departed more than REAL_DEPARTURE_MS
   * ago left for real and are forgotten.
   */
  observe(
    present: ReadonlyMap<string, { name: string; color: string }>,
    now: number,
    connected: boolean,
  ): void {
    for (const [key, person] of present) {
      this.people.set(key, { ...person, lastSeenAt: now, departedAt: null });
    }
    for (const [key, known] of this.people) {
      if (present.has(key)) continue;
      if (known.departedAt === null) {
        this.people.set(key, { ...known, lastSeenAt: now, departedAt: now });
      } else if (connected && now - known.departedAt > REAL_DEPARTURE_MS) {
        this.people.delete(key);
      }
    }
  }

  /** Those remembered but not present: what the list shows while offline. */
  absent(): RememberedPerson[] {
    return [...this.people.values()]
      .filter((p) => p.departedAt !== null)
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

/** « vu à l’instant », « vu il y a 3 min », « vu il y a 2 h » as message keys and values. */
export function lastSeenLabel(
  lastSeenAt: number,
  now: number,
): { key: 'lastSeen.justNow' | 'lastSeen.minutes' | 'lastSeen.hours'; n: number } {
  const minutes = Math.floor(Math.max(0, now - lastSeenAt) / 60_000);
  if (minutes < 1) return { key: 'lastSeen.justNow', n: 0 };
  if (minutes < 60) return { key: 'lastSeen.minutes', n: minutes };
  return { key: 'lastSeen.hours', n: Math.floor(minutes / 60) };
}
