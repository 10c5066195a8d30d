/**
 * A stable dark colour per name for the avatar discs (white initials on them reach AA); the
 * same name always gets the same one.
 */
const colors = ['#1d4ed8', '#7c2d12', '#166534', '#6b21a8', '#9f1239', '#155e75', '#854d0e'];

export function participantColorFor(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return colors[hash % colors.length] ?? colors[0]!;
}
