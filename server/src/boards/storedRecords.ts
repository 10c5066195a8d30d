import * as Y from 'yjs';
import { boardDocLayout } from '@boussole/shared';

/**
 * Reading a board's records the way the server judges them: strictly. The client's codec reads
 * whatever it finds (`readYRecord`); here anything but the layout the client writes is
 * unreadable, so a crafted structure (a Y.Text for a field, binary content, NaN) is refused
 * instead of being handed to validators that only expect plain JSON.
 */

export type JsonValue =
  null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type PlainRecord = { [field: string]: JsonValue };

const nestedFields: ReadonlySet<string> = new Set(boardDocLayout.nestedFields);

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** True for the values JSON can carry: finite numbers, plain objects and arrays only. */
export function isJsonValue(value: unknown): value is JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isJsonValue);
  if (typeof value === 'object' && isPlainObject(value))
    return Object.values(value).every(isJsonValue);
  return false;
}

function readNestedMap(map: Y.Map<unknown>): { [key: string]: JsonValue } | undefined {
  const values: { [key: string]: JsonValue } = {};
  for (const [key, value] of map.entries()) {
    if (!isJsonValue(value)) return undefined;
    values[key] = value;
  }
  return values;
}

/**
 * The record stored under one key of the records map as plain JSON, or undefined when it is
 * not laid out as boardDocLayout describes: a Y.Map of JSON values, where only `props` and
 * `meta` may be nested Y.Maps (of JSON values).
 */
export function readStoredRecord(stored: unknown): PlainRecord | undefined {
  if (!(stored instanceof Y.Map)) return undefined;
  const record: PlainRecord = {};
  for (const [field, value] of (stored as Y.Map<unknown>).entries()) {
    if (value instanceof Y.Map && nestedFields.has(field)) {
      const nested = readNestedMap(value as Y.Map<unknown>);
      if (nested === undefined) return undefined;
      record[field] = nested;
    } else if (isJsonValue(value)) {
      record[field] = value;
    } else {
      return undefined;
    }
  }
  return record;
}
