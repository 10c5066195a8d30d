import type { BoardWriteRule } from '../session/boardWriteRules.js';

/**
 * While the board is written privately (`modes.privateWriting`) or moderated
 * (`lock.moderated`), a participant's new card goes to the held-cards API, never onto the
 * board: an update that adds a shape is refused whole, so a crafted client cannot publish a
 * card that should have waited for the reveal or the facilitator. Any shape, not only the ABS
 * cards: a note or a text would carry the same words. Editing and moving existing cards stay
 * allowed.
 */

export const heldCardsMessages = {
  privateWriting:
    'Écriture privée en cours : votre carte reste dans « Mes cartes privées » jusqu’à la révélation. La modification a été annulée.',
  moderated:
    'Tableau modéré : vos nouvelles cartes sont envoyées à l’animateur, qui les ajoute au tableau. La modification a été annulée.',
} as const;

export const heldCardsRule: BoardWriteRule = {
  name: 'held-cards',
  active: (session) => session.modes?.privateWriting === true || session.lock?.moderated === true,
  refuse: (change, session) => {
    const addsCard = [...change.created].some((id) => change.typeOf(id).typeName === 'shape');
    if (!addsCard) return undefined;
    return session.modes?.privateWriting
      ? heldCardsMessages.privateWriting
      : heldCardsMessages.moderated;
  },
};
