/** Listener arguments by event name: `{ empty: [room: Room] }`. */
export type EventMap = { [event: string]: unknown[] };

/**
 * A tiny typed emitter: any number of listeners per event, each removed by the function `on`
 * returns. Replaces single-slot callbacks, where a second subscriber silently replaced the first.
 */
export class Emitter<Events extends EventMap> {
  private readonly listeners: { [E in keyof Events]?: Set<(...args: Events[E]) => void> } = {};

  on<E extends keyof Events>(event: E, listener: (...args: Events[E]) => void): () => void {
    const set = (this.listeners[event] ??= new Set());
    set.add(listener);
    return () => set.delete(listener);
  }

  emit<E extends keyof Events>(event: E, ...args: Events[E]): void {
    const set = this.listeners[event];
    if (!set) return;
    // A listener may unsubscribe (or subscribe another) while the event is delivered.
    for (const listener of [...set]) listener(...args);
  }
}
