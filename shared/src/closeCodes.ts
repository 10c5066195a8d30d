/**
 * Close codes the collaboration server uses, shared so that the client can tell a person why
 * they were disconnected. The official y-websocket provider treats 4400–4499 as permanent (it
 * stops reconnecting), every other code as transient (it reconnects with backoff), so the
 * ranges below are chosen for that behaviour, not only for their resemblance to HTTP.
 */
export const CloseCode = {
  /** The server is stopping; reconnect later. */
  ServerShuttingDown: 4503,
  /** Something failed on the server (for example storage); reconnect and resync. */
  InternalError: 4500,
  /** The client did not read what it was sent fast enough; reconnect and resync. */
  ClientTooSlow: 4508,
  /** This person's rights on the document changed (role, membership): reconnect to get the new ones. */
  AccessChanged: 4300,

  /** A frame could not be decoded (truncated, trailing bytes, bad Yjs update). */
  MalformedFrame: 4400,
  /** No valid session or link. */
  Unauthorized: 4401,
  /** Signed in, but not allowed on this document. */
  Forbidden: 4403,
  /** The document id is not of an accepted shape, or the document does not exist. */
  InvalidDocumentId: 4404,
  /** The document reached its maximum size. */
  DocumentTooLarge: 4409,
  /** A single frame exceeded the maximum frame size. */
  FrameTooLarge: 4413,
  /** A message type the server does not accept from clients. */
  UnsupportedMessage: 4415,
  /**
   * Too many updates waiting for content the server never received (a gap in the clocks):
   * what an honest client fills at once, a hostile one never does.
   */
  IncompleteUpdates: 4422,
  /** Presence (cursor, name…) too large, or too many presence ids from one connection. */
  PresenceRefused: 4431,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Whether a provider should stop reconnecting after this code (mirrors y-websocket's rule). */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code <= 4499;
}

const messages: Record<CloseCodeValue, { fr: string; en: string }> = {
  [CloseCode.ServerShuttingDown]: {
    fr: 'Le serveur redémarre. Reconnexion automatique…',
    en: 'The server is restarting. Reconnecting…',
  },
  [CloseCode.InternalError]: {
    fr: 'Incident sur le serveur. Reconnexion automatique…',
    en: 'Server error. Reconnecting…',
  },
  [CloseCode.ClientTooSlow]: {
    fr: 'Connexion trop lente : resynchronisation…',
    en: 'Connection too slow: resynchronising…',
  },
  [CloseCode.AccessChanged]: {
    fr: 'Vos droits sur ce document ont changé. Reconnexion…',
    en: 'Your rights on this document changed. Reconnecting…',
  },
  [CloseCode.MalformedFrame]: {
    fr: 'Le serveur a reçu un message illisible et a fermé la connexion.',
    en: 'The server received an unreadable message and closed the connection.',
  },
  [CloseCode.Unauthorized]: {
    fr: 'Vous devez vous connecter ou utiliser un lien d’invitation valide.',
    en: 'You need to sign in or use a valid invitation link.',
  },
  [CloseCode.Forbidden]: {
    fr: 'Vous n’avez pas accès à ce document.',
    en: 'You do not have access to this document.',
  },
  [CloseCode.InvalidDocumentId]: {
    fr: 'Ce document n’existe pas ou son adresse est invalide.',
    en: 'This document does not exist or its address is invalid.',
  },
  [CloseCode.DocumentTooLarge]: {
    fr: 'Ce document a atteint sa taille maximale : la modification n’a pas été acceptée.',
    en: 'This document has reached its maximum size: the change was not accepted.',
  },
  [CloseCode.FrameTooLarge]: {
    fr: 'Modification trop volumineuse pour être envoyée en une fois.',
    en: 'This change is too large to be sent at once.',
  },
  [CloseCode.IncompleteUpdates]: {
    fr: 'Le serveur attendait des modifications qui ne sont jamais arrivées et a fermé la connexion. Rechargez la page.',
    en: 'The server was waiting for changes that never arrived and closed the connection. Reload the page.',
  },
  [CloseCode.PresenceRefused]: {
    fr: 'Présence refusée : trop de curseurs ou des informations de présence trop volumineuses.',
    en: 'Presence refused: too many cursors or presence information too large.',
  },
  [CloseCode.UnsupportedMessage]: {
    fr: 'Message non pris en charge par le serveur.',
    en: 'Message not supported by the server.',
  },
};

/** A human explanation of a close code, French first. Unknown codes get a generic text. */
export function describeClose(code: number, lang: 'fr' | 'en' = 'fr'): string {
  const entry = (messages as Record<number, { fr: string; en: string } | undefined>)[code];
  if (entry) return entry[lang];
  return lang === 'fr' ? 'Connexion interrompue.' : 'Connection lost.';
}
