import * as Y from 'yjs';
import { boardDocLayout } from '@boussole/shared';
import type { BoardChange } from './boardWriteRules.js';

/** Parent chains are walked at most this deep (a stored cycle must not loop). */
const MAX_DEPTH = 64;

function field(record: unknown, name: string): unknown {
  return record instanceof Y.Map ? (record as Y.Map<unknown>).get(name) : undefined;
}

function numberProp(record: unknown, name: string): number | undefined {
  const props = field(record, 'props');
  const value = props instanceof Y.Map ? (props as Y.Map<unknown>).get(name) : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * Whether the record `id` sits in one of the areas (frames or themes): it is one, hangs from
 * one (parentId chain), or lies on one (its position inside the area's rectangle, under the
 * same parent — a theme card is drawn around its cards rather than holding them).
 */
function isInAreas(records: Y.Map<unknown>, id: string, areas: ReadonlySet<string>): boolean {
  if (areas.has(id)) return true;
  const record = records.get(id);
  let parent = field(record, 'parentId');
  for (let depth = 0; typeof parent === 'string' && depth < MAX_DEPTH; depth++) {
    if (areas.has(parent)) return true;
    parent = field(records.get(parent), 'parentId');
  }
  const x = field(record, 'x');
  const y = field(record, 'y');
  if (typeof x !== 'number' || typeof y !== 'number') return false;
  for (const areaId of areas) {
    const area = records.get(areaId);
    if (field(area, 'parentId') !== field(record, 'parentId')) continue;
    const ax = field(area, 'x');
    const ay = field(area, 'y');
    const w = numberProp(area, 'w');
    const h = numberProp(area, 'h');
    if (typeof ax !== 'number' || typeof ay !== 'number' || w === undefined || h === undefined)
      continue;
    if (x >= ax && x <= ax + w && y >= ay && y <= ay + h) return true;
  }
  return false;
}

/**
 * Watches one participant's board update while it is applied, so that the board rules can
 * judge what it changed, and takes it back whole if they refuse it. The taking back is a new
 * transaction (Yjs's undo: what the update added is deleted, what it deleted is written
 * again), applied right after the update inside the same commit, so the room stores and sends
 * only the net result — nothing — and the sender's copy is reverted by it.
 */
export class BoardChangeTracker {
  private readonly records: Y.Map<unknown>;
  private readonly meta: Y.Map<unknown>;
  private readonly undo: Y.UndoManager;
  private capturing = true;
  private readonly touched = new Set<string>();
  private readonly created = new Set<string>();
  private metaChanged = false;
  /** Records in the locked areas before the update (moving a card out of one is a change in it). */
  private readonly inAreasBefore = new Set<string>();

  constructor(
    private readonly doc: Y.Doc,
    areaIds: readonly string[],
  ) {
    this.records = doc.getMap<unknown>(boardDocLayout.records);
    this.meta = doc.getMap<unknown>(boardDocLayout.meta);
    if (areaIds.length > 0) {
      const areas = new Set(areaIds);
      for (const id of this.records.keys())
        if (isInAreas(this.records, id, areas)) this.inAreasBefore.add(id);
    }
    this.undo = new Y.UndoManager([this.records, this.meta], {
      // The update's origin is a fresh object per update; only what happens between
      // construction and `stop` is captured, which is this update and nothing else.
      trackedOrigins: new Set<unknown>([Object]),
      captureTransaction: () => this.capturing,
      captureTimeout: Number.POSITIVE_INFINITY,
    });
    this.records.observeDeep(this.onRecords);
    this.meta.observeDeep(this.onMeta);
  }

  /** The update is applied: stop watching. */
  stop(): void {
    if (!this.capturing) return;
    this.capturing = false;
    this.records.unobserveDeep(this.onRecords);
    this.meta.unobserveDeep(this.onMeta);
  }

  get change(): BoardChange {
    const { records, inAreasBefore } = this;
    return {
      touched: this.touched,
      created: this.created,
      metaChanged: this.metaChanged,
      inArea: (id, areaIds) =>
        inAreasBefore.has(id) || (records.has(id) && isInAreas(records, id, new Set(areaIds))),
      typeOf: (id) => {
        const record = records.get(id);
        const typeName = field(record, 'typeName');
        const shapeType = field(record, 'type');
        return {
          typeName: typeof typeName === 'string' ? typeName : undefined,
          shapeType: typeof shapeType === 'string' ? shapeType : undefined,
        };
      },
    };
  }

  /** Takes the whole update back, in one transaction of its own. */
  revert(): void {
    const deletions = this.undo.undoStack.map((item) => item.deletions);
    this.undo.undo();
    // Yjs's undo keeps what the update deleted from garbage collection so it can write it
    // again; once that is done nothing needs it, and a deleted verbatim must not linger.
    this.doc.transact((transaction) => {
      for (const deleted of deletions) {
        Y.iterateDeletedStructs(transaction, deleted, (struct) => {
          let item: Y.Item | null = struct instanceof Y.Item ? struct : null;
          while (item && item.keep) {
            item.keep = false;
            item = (item.parent as Y.AbstractType<unknown>)._item;
          }
        });
      }
    });
  }

  destroy(): void {
    this.stop();
    this.undo.destroy();
  }

  private readonly onRecords = (events: Y.YEvent<Y.AbstractType<unknown>>[]): void => {
    for (const event of events) {
      if (event.target === this.records) {
        for (const [id, change] of event.keys) {
          this.touched.add(id);
          if (change.action === 'add') this.created.add(id);
        }
      } else if (typeof event.path[0] === 'string') {
        this.touched.add(event.path[0]);
      }
    }
  };

  private readonly onMeta = (): void => {
    this.metaChanged = true;
  };
}
