/**
 * The personal-data detector (issue #13), shared by the server (imports) and the client
 * (checking a board's cards). Runs anywhere: no Node API, no external service, regular
 * expressions compiled once, first names looked up in a Set.
 */
export { findPersonalData } from './detector.js';
export type { DetectorOptions, PersonalDataMatch } from './detector.js';
export {
  Pseudonymiser,
  personLetter,
  personalDataKindLabels,
  personalDataPlaceholders,
} from './pseudonymiser.js';
export { isValidIban, nirKey } from './identifiers.js';

/** `text` with each [start, end) range replaced; ranges must not overlap. */
export function applyReplacements(
  text: string,
  replacements: readonly { start: number; end: number; replacement: string }[],
): string {
  let result = '';
  let at = 0;
  for (const r of [...replacements].sort((a, b) => a.start - b.start)) {
    result += text.slice(at, r.start) + r.replacement;
    at = r.end;
  }
  return result + text.slice(at);
}
