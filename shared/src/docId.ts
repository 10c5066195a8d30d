import { z } from 'zod';

/**
 * Document ids appear in URLs, logs and SQL parameters. One conservative shape for all of
 * them: a letter or digit, then letters, digits, '-' or '_', at most 128 characters.
 */
export const docIdSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/,
    'document id: 1–128 characters, letters, digits, "-" or "_", starting with a letter or digit',
  );

export type DocId = z.infer<typeof docIdSchema>;
