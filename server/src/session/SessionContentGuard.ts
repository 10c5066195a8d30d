import * as Y from 'yjs';
import {
  isSessionKey,
  MAX_SESSION_VALUE_BYTES,
  sessionDocLayout,
  sessionValueSchemas,
} from '@boussole/shared';
import {
  applyTracked,
  type ContentGuard,
  type ContentValidator,
  type RefusedContent,
} from '../collab/ContentValidator.js';
import { RootTypeRule } from '../documents/rootTypes.js';
import { isJsonValue, type JsonValue } from '../boards/storedRecords.js';

/** Keys come from clients: keep what reaches logs and messages short. */
const MAX_LABEL = 60;

function clip(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1)}…`;
}

/**
 * Why `value` may not be stored under `key` of the session root, or undefined if it may.
 * Values are plain JSON (never a nested Y type, which a reader would not parse) of a key the
 * contract declares, no larger than MAX_SESSION_VALUE_BYTES, and satisfying its schema.
 */
export function sessionValueProblem(key: string, value: unknown): string | undefined {
  if (!isSessionKey(key)) return 'clé inconnue dans l’état de séance';
  if (!isJsonValue(value)) return 'valeur qui n’est pas du JSON simple';
  if (JSON.stringify(value).length > MAX_SESSION_VALUE_BYTES) return 'valeur trop grande';
  const parsed = sessionValueSchemas[key].safeParse(value);
  if (parsed.success) return undefined;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')} : ` : '';
  return clip(`${where}${issue?.message ?? 'valeur invalide'}`);
}

/**
 * A board's session document holds one keyed root, each key one whole JSON value (see
 * shared/src/session/sessionDoc.ts). Only facilitators' sockets and the server reach this guard
 * (participants' frames are dropped before, by their role); it still judges every change, so
 * that a buggy or hostile facilitator client cannot plant a value every participant's client
 * would choke on. A refused key is put back to its last accepted value (or removed) in one
 * compensating transaction; content outside the root is emptied (RootTypeRule).
 */
export class SessionContentGuard implements ContentGuard {
  private readonly root: Y.Map<unknown>;
  private readonly roots: RootTypeRule;
  /** Last accepted value of each key. */
  private readonly accepted = new Map<string, JsonValue>();
  private readonly touched = new Set<string>();
  private tracking = false;

  constructor(
    private readonly doc: Y.Doc,
    uncheckedRoots?: ReadonlySet<string>,
  ) {
    this.root = doc.getMap<unknown>(sessionDocLayout.root);
    this.roots = new RootTypeRule(
      doc,
      { [sessionDocLayout.root]: 'keyed' },
      'l’état de la séance',
      uncheckedRoots,
    );
    for (const [key, value] of this.root.entries()) {
      if (sessionValueProblem(key, value) === undefined) this.accepted.set(key, value as JsonValue);
    }
    this.root.observeDeep(this.onChanged);
  }

  applyChecked(apply: () => void): RefusedContent[] {
    this.touched.clear();
    const failure = applyTracked(apply, (on) => {
      this.tracking = on;
      this.roots.setTracking(on);
    });
    const refused = this.checkTouched();
    if (failure) throw failure.error;
    return refused;
  }

  describeRefusal(refused: readonly RefusedContent[]): string {
    const [first] = refused;
    if (!first) return '';
    const more = refused.length > 1 ? ` — et ${refused.length - 1} autre(s)` : '';
    return `État de séance refusé : ${first.id} : ${first.detail}${more}. La modification a été annulée.`;
  }

  destroy(): void {
    this.root.unobserveDeep(this.onChanged);
    this.roots.destroy();
  }

  private readonly onChanged = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    if (!this.tracking) return;
    for (const event of events) {
      if (event.target === this.root) {
        for (const key of event.keys.keys()) this.touched.add(key);
      } else if (typeof event.path[0] === 'string') {
        // Inside a nested type someone put under a key: the key's value changed.
        this.touched.add(event.path[0]);
      }
    }
  };

  private checkTouched(): RefusedContent[] {
    const refused: RefusedContent[] = this.roots.strays().map((stray) => {
      stray.remove();
      return stray.refused;
    });
    const refusedKeys: string[] = [];
    for (const key of this.touched) {
      // Removing a key is the neutral state (no timer, nothing locked): always allowed.
      if (!this.root.has(key)) continue;
      const problem = sessionValueProblem(key, this.root.get(key));
      if (problem === undefined) continue;
      refusedKeys.push(key);
      refused.push({ id: clip(key), detail: problem });
    }
    if (refusedKeys.length > 0) {
      this.doc.transact(() => {
        for (const key of refusedKeys) {
          const previous = this.accepted.get(key);
          if (previous === undefined) this.root.delete(key);
          else this.root.set(key, previous);
        }
      }, this);
    }
    for (const key of this.touched) {
      if (this.root.has(key)) this.accepted.set(key, this.root.get(key) as JsonValue);
      else this.accepted.delete(key);
    }
    this.touched.clear();
    return refused;
  }
}

/** Session documents: the keys and values of shared/src/session/sessionDoc.ts only. */
export function createSessionContentValidator(
  uncheckedRoots?: ReadonlySet<string>,
): ContentValidator {
  return { guard: (doc) => new SessionContentGuard(doc, uncheckedRoots) };
}
