import type { SessionFocus } from '@boussole/shared';

type Spotlight = Pick<NonNullable<SessionFocus['spotlight']>, 'cardId' | 'at'>;

/**
 * The spotlight this tab lit: the facilitator who lit it gets no « Voir la carte » banner (the
 * card is in her view, she just chose it), every other person does, a co-facilitator included.
 * A spotlight is known by its card and the server time it was lit at; the last one lit here is
 * kept per board in sessionStorage, so a reload of her tab does not show her own banner.
 */
export class OwnSpotlights {
  private last: string | null;

  constructor(
    private readonly boardId: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | undefined,
  ) {
    let stored: string | null = null;
    try {
      stored = storage?.getItem(this.key()) ?? null;
    } catch {
      stored = null;
    }
    this.last = stored;
  }

  private key(): string {
    return `boussole:spotlight:${this.boardId}`;
  }

  private static id(spotlight: Spotlight): string {
    return `${spotlight.cardId}@${spotlight.at}`;
  }

  /** The facilitator lit this spotlight in this tab. */
  markLit(spotlight: Spotlight): void {
    this.last = OwnSpotlights.id(spotlight);
    try {
      this.storage?.setItem(this.key(), this.last);
    } catch {
      // A full or disabled storage only means a reload shows her own banner.
    }
  }

  /** Whether this tab lit `spotlight` (false for none). */
  isOwn(spotlight: Spotlight | null | undefined): boolean {
    return !!spotlight && this.last === OwnSpotlights.id(spotlight);
  }
}
