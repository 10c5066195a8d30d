/**
 * A download's name from a board's title, one rule for every export (the server's CSV/XLSX and
 * the browser's PNG/PDF): path, quote and control characters dropped, spaces collapsed,
 * « tableau » when nothing is left. Accents are kept; `asciiFileName` is the fallback for the
 * few clients that do not read RFC 5987 names.
 */
export function exportFileBase(title: string): string {
  return (
    title
      .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim() || 'tableau'
  );
}

/** `base` without its accents and other non-ASCII characters. */
export function asciiFileBase(base: string): string {
  return (
    base
      .normalize('NFD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/ +/g, ' ')
      .trim() || 'tableau'
  );
}
