import type { SerializedSchemaV2 } from '@tldraw/store';
import { z } from 'zod';

/**
 * The tldraw schema a board's records were written with, as stored in its Y.Doc. It is read
 * from a shared document, so it is checked like any other input.
 */
const storedSchema = z.object({
  schemaVersion: z.literal(2),
  sequences: z.record(z.string(), z.number().int().nonnegative()),
});

export function parseStoredSchema(value: unknown): SerializedSchemaV2 | undefined {
  const result = storedSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/**
 * True when the board was written by a newer Boussole: some migration sequence we know is at a
 * version we do not have yet. Its records cannot be read safely; the person must reload.
 */
export function isSchemaNewer(stored: SerializedSchemaV2, ours: SerializedSchemaV2): boolean {
  return Object.entries(stored.sequences).some(([sequence, version]) => {
    const ourVersion = ours.sequences[sequence];
    return ourVersion !== undefined && version > ourVersion;
  });
}
