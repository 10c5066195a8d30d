import {
  cardLabelsByLanguage,
  type CardLabelLanguage,
  type CardLabelTables,
} from '@boussole/shared';
import { fieldLabels } from './cardFields.js';

/**
 * The cards' shape components name their kind, fields and values in French; the shared card
 * view (shapes/CardView.tsx) passes those words through here to show them in the reader's
 * language. Only the fixed words are known here: anything a person typed is returned as is.
 */

const placeholders: Record<string, string> = {
  'Double-cliquez pour saisir le verbatim': 'Double-click to enter the verbatim',
  'Double-cliquez pour formuler l’hypothèse': 'Double-click to state the hypothesis',
  'Double-cliquez pour choisir l’indicateur': 'Double-click to choose the indicator',
  'Double-cliquez pour nommer la préconisation': 'Double-click to name the recommendation',
};

function pairs(fr: Readonly<Record<string, string>>, en: Readonly<Record<string, string>>) {
  return Object.keys(fr).map((key) => [fr[key] as string, en[key] as string] as const);
}

const tableKeys: (keyof CardLabelTables)[] = ['kinds', 'sources', 'statuses', 'priorities'];

/** French word → English word, for every fixed word a card shows. */
const englishOf = new Map<string, string>([
  ...tableKeys.flatMap((k) => pairs(cardLabelsByLanguage.fr[k], cardLabelsByLanguage.en[k])),
  ...pairs(fieldLabels.fr, fieldLabels.en),
  ...Object.entries(placeholders),
]);

const priorityBadge = /^Priorité (.+)$/;

/** `french` (a kind, field, value or placeholder a card shows) in `language`. */
export function cardText(french: string, language: CardLabelLanguage): string {
  if (language === 'fr') return french;
  const direct = englishOf.get(french);
  if (direct !== undefined) return direct;
  // The recommendation's badge: « Priorité haute » → « High priority ».
  const priority = priorityBadge.exec(french)?.[1];
  if (priority !== undefined) {
    const word = englishOf.get(priority.charAt(0).toUpperCase() + priority.slice(1));
    if (word !== undefined) return `${word} priority`;
  }
  return french;
}
