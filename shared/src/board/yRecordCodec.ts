import * as Y from 'yjs';
import { isEqual } from '@tldraw/utils';
import { boardDocLayout } from './boardDocLayout.js';

/**
 * Reading and writing tldraw records in a board's Y.Doc, field by field (see boardDocLayout).
 * Each write touches only the fields that changed, so concurrent edits of different fields of
 * one record merge instead of overwriting each other.
 */

export type YRecord = Y.Map<unknown>;

const nestedFields: ReadonlySet<string> = new Set(boardDocLayout.nestedFields);

export function boardRecordsMap(doc: Y.Doc): Y.Map<YRecord> {
  return doc.getMap<YRecord>(boardDocLayout.records);
}

export function boardMetaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(boardDocLayout.meta);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function fieldsOf(record: object): Record<string, unknown> {
  return record as Record<string, unknown>;
}

/** The record stored under one id, as a plain object (nested maps become plain objects). */
export function readYRecord(yRecord: YRecord): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, value] of yRecord.entries()) {
    record[field] = value instanceof Y.Map ? value.toJSON() : value;
  }
  return record;
}

/** Every record of the board, keyed by id. */
export function readBoardRecords(doc: Y.Doc): Record<string, Record<string, unknown>> {
  const records: Record<string, Record<string, unknown>> = {};
  for (const [id, yRecord] of boardRecordsMap(doc).entries()) {
    if (yRecord instanceof Y.Map) records[id] = readYRecord(yRecord);
  }
  return records;
}

function nestedMapOf(values: Record<string, unknown>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(values)) if (value !== undefined) map.set(key, value);
  return map;
}

/** A new Y.Map holding `record`, to be inserted into the records map. */
export function createYRecord(record: object): YRecord {
  const yRecord = new Y.Map<unknown>();
  for (const [field, value] of Object.entries(fieldsOf(record))) {
    if (value === undefined) continue;
    yRecord.set(
      field,
      nestedFields.has(field) && isPlainObject(value) ? nestedMapOf(value) : value,
    );
  }
  return yRecord;
}

function writeNestedChanges(
  yRecord: YRecord,
  field: string,
  before: unknown,
  after: Record<string, unknown>,
) {
  const existing = yRecord.get(field);
  if (!(existing instanceof Y.Map) || !isPlainObject(before)) {
    yRecord.set(field, nestedMapOf(after));
    return;
  }
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const next = after[key];
    if (isEqual(before[key], next)) continue;
    if (next === undefined) existing.delete(key);
    else existing.set(key, next);
  }
}

/**
 * Writes into `yRecord` only the fields (and `props`/`meta` keys) that differ between `before`
 * and `after`. Fields someone else changed meanwhile are left alone.
 */
export function writeYRecordChanges(yRecord: YRecord, before: object, after: object): void {
  const previous = fieldsOf(before);
  const next = fieldsOf(after);
  for (const field of new Set([...Object.keys(previous), ...Object.keys(next)])) {
    const value = next[field];
    if (isEqual(previous[field], value)) continue;
    if (value === undefined) yRecord.delete(field);
    else if (nestedFields.has(field) && isPlainObject(value))
      writeNestedChanges(yRecord, field, previous[field], value);
    else yRecord.set(field, value);
  }
}
