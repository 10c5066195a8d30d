import { useEffect, useRef } from 'react';
import type * as Y from 'yjs';

/**
 * Yjs stamps every change with its document's client id, and presence (before the mode)
 * showed which id is whose: a person keeping their id in anonymous mode would still sign their
 * cards for anyone reading the updates. When the mode starts, the board's document takes a new
 * random id (Yjs does the same itself when it meets a clash), which no presence ever named:
 * the server relays no presence while the mode lasts.
 */
export function useFreshClientIdWhen(doc: Y.Doc | undefined, anonymous: boolean): void {
  const was = useRef(anonymous);
  useEffect(() => {
    if (doc && anonymous && !was.current) {
      doc.clientID = crypto.getRandomValues(new Uint32Array(1))[0]! >>> 1;
    }
    was.current = anonymous;
  }, [doc, anonymous]);
}
