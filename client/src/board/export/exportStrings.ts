import type { Language } from '../../i18n/messages.js';

/** The « Exporter » menu's own words, French first, kept beside it rather than in the catalogue. */
export interface ExportStrings {
  menu: string;
  group: string;
  csv: string;
  xlsx: string;
  imageGroup: string;
  pngBoard: string;
  pdfBoard: string;
  pngSelection: string;
  pdfSelection: string;
  selectionSuffix: string;
  sizeNote: string;
  working: string;
  done(fileName: string, width: number, height: number): string;
  empty: string;
  failed: string;
  /** The PDF's line under the title. */
  pdfSubtitle(date: Date, selection: boolean): string;
}

const grouped = (locale: string) => new Intl.NumberFormat(locale);
const longDate = (locale: string, date: Date) =>
  new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(date);

export const exportStrings: Record<Language, ExportStrings> = {
  fr: {
    menu: 'Exporter',
    group: 'Exporter les cartes',
    csv: 'Exporter en CSV',
    xlsx: 'Exporter en Excel (XLSX)',
    imageGroup: 'Exporter une image',
    pngBoard: 'Image PNG (tout le tableau)',
    pdfBoard: 'PDF (tout le tableau)',
    pngSelection: 'Image PNG de la sélection',
    pdfSelection: 'PDF de la sélection',
    selectionSuffix: 'sélection',
    sizeNote: 'Les grands tableaux sont réduits : 8 000 pixels au plus de côté.',
    working: 'Export en cours…',
    done: (name, w, h) =>
      `« ${name} » enregistré (${grouped('fr').format(w)} × ${grouped('fr').format(h)} pixels).`,
    empty: 'Rien à exporter : aucune carte.',
    failed: 'L’image n’a pas pu être créée. Réessayez, ou exportez une sélection plus petite.',
    pdfSubtitle: (date, selection) =>
      `${longDate('fr-FR', date)}${selection ? ' — sélection' : ''}`,
  },
  en: {
    menu: 'Export',
    group: 'Export the cards',
    csv: 'Export as CSV',
    xlsx: 'Export as Excel (XLSX)',
    imageGroup: 'Export an image',
    pngBoard: 'PNG image (whole board)',
    pdfBoard: 'PDF (whole board)',
    pngSelection: 'PNG image of the selection',
    pdfSelection: 'PDF of the selection',
    selectionSuffix: 'selection',
    sizeNote: 'Big boards are scaled down: 8,000 pixels at most a side.',
    working: 'Exporting…',
    done: (name, w, h) =>
      `“${name}” saved (${grouped('en').format(w)} × ${grouped('en').format(h)} pixels).`,
    empty: 'Nothing to export: no cards.',
    failed: 'The image could not be created. Try again, or export a smaller selection.',
    pdfSubtitle: (date, selection) =>
      `${longDate('en-GB', date)}${selection ? ' — selection' : ''}`,
  },
};
