import { communeSchema, type Commune } from '@boussole/shared';

/**
 * The workspace form's free-text fields, as a person types or pastes them: communes one per
 * line (an INSEE code and a name, in either order, separated by a tab, a semicolon, a comma
 * or spaces — what a spreadsheet copy gives), topics and publics separated by commas or lines.
 */

export interface ParsedCommunes {
  communes: Commune[];
  /** Lines that hold no valid INSEE code, 1-based, to tell the person which to fix. */
  badLines: number[];
}

const INSEE = /(?:^|[\s;,\t])(\d{5}|2[AB]\d{3})(?=$|[\s;,\t])/;

export function parseCommunes(text: string): ParsedCommunes {
  const communes: Commune[] = [];
  const badLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = INSEE.exec(line);
    const code = match?.[1];
    const name = code
      ? line
          .replace(code, '')
          .replace(/^[\s;,\t]+|[\s;,\t]+$/g, '')
          .trim()
      : '';
    const parsed = communeSchema.safeParse({ inseeCode: code, name });
    if (parsed.success) communes.push(parsed.data);
    else badLines.push(index + 1);
  });
  return { communes, badLines };
}

/** Comma- or line-separated items, trimmed, without blanks or duplicates. */
export function parseList(text: string): string[] {
  const items = text
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);
  return [...new Set(items)];
}
