import {
  indicatorImportFields,
  observationImportFields,
  type ImportCardKind,
  type ImportColumn,
  type ImportCommitRequest,
  type ImportField,
  requiredImportField,
} from '@boussole/shared';

/**
 * Where each card field takes its value from: a column of the file, one value for every card,
 * or nowhere. Pure, so the guess and the request it becomes are tested without a browser.
 */
export type FieldSource =
  { from: 'column'; column: number } | { from: 'constant'; value: string } | { from: 'none' };

export type FieldMapping = Partial<Record<ImportField, FieldSource>>;

export function fieldsOf(kind: ImportCardKind): readonly ImportField[] {
  return kind === 'observation' ? observationImportFields : indicatorImportFields;
}

/** Lower case, no accents, words separated by single spaces: « Réponse libre » → "reponse libre". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Words that, found in a column's name, suggest a field; earlier words win. Survey tools name
 * their columns after the question, hence the broad lists for the verbatim.
 */
const hints: Record<ImportCardKind, Partial<Record<ImportField, readonly string[]>>> = {
  observation: {
    verbatim: [
      'verbatim',
      'reponse',
      'commentaire',
      'texte',
      'citation',
      'temoignage',
      'propos',
      'remarque',
    ],
    commune: ['commune', 'ville', 'localite'],
    date: ['date'],
    public: ['public', 'profil'],
    source: ['source', 'type', 'origine', 'canal'],
  },
  indicator: {
    label: ['indicateur', 'libelle', 'intitule', 'label'],
    value: ['valeur', 'value', 'taux', 'nombre'],
    unit: ['unite', 'unit'],
    territory: ['territoire', 'commune', 'zone', 'perimetre'],
    year: ['annee', 'millesime', 'year'],
    source: ['source', 'producteur'],
  },
};

function hasWord(name: string, word: string): boolean {
  return ` ${name} `.includes(` ${word} `) || name.startsWith(word);
}

/**
 * The likeliest mapping for these columns: each field gets the first column whose name holds
 * one of its words, a column serves one field at most; observations without a source column
 * default to « questionnaire », the commonest export.
 */
export function guessMapping(kind: ImportCardKind, columns: readonly ImportColumn[]): FieldMapping {
  const mapping: FieldMapping = {};
  const taken = new Set<number>();
  const names = columns.map((c) => ({ index: c.index, name: normaliseName(c.name) }));
  for (const field of fieldsOf(kind)) {
    for (const word of hints[kind][field] ?? []) {
      const found = names.find((c) => !taken.has(c.index) && hasWord(c.name, word));
      if (found) {
        mapping[field] = { from: 'column', column: found.index };
        taken.add(found.index);
        break;
      }
    }
    mapping[field] ??= { from: 'none' };
  }
  if (kind === 'observation' && mapping.source?.from === 'none') {
    mapping.source = { from: 'constant', value: 'questionnaire' };
  }
  return mapping;
}

/** Columns whose text ends up on cards (personal data in the others is never imported). */
export function mappedColumns(mapping: FieldMapping): Set<number> {
  const columns = new Set<number>();
  for (const source of Object.values(mapping)) {
    if (source?.from === 'column') columns.add(source.column);
  }
  return columns;
}

export type Decisions = ImportCommitRequest['decisions'];

/** The commit request (or dry run) for this mapping and these decisions. */
export function commitRequest(input: {
  boardId: string;
  kind: ImportCardKind;
  mapping: FieldMapping;
  groupBy: number | null;
  decisions: NonNullable<Decisions>;
  defaultDecision: 'accept' | 'reject';
  dryRun: boolean;
}): ImportCommitRequest {
  const mapping: Record<string, number> = {};
  const constants: Record<string, string> = {};
  for (const field of fieldsOf(input.kind)) {
    const source = input.mapping[field];
    if (source?.from === 'column') mapping[field] = source.column;
    if (source?.from === 'constant' && source.value.trim()) constants[field] = source.value.trim();
  }
  return {
    boardId: input.boardId,
    kind: input.kind,
    mapping,
    constants,
    decisions: input.decisions,
    defaultDecision: input.defaultDecision,
    groupBy: input.groupBy,
    dryRun: input.dryRun,
  };
}

/** Whether the field every card needs (verbatim, label) takes its text from a column. */
export function requiredFieldMapped(kind: ImportCardKind, mapping: FieldMapping): boolean {
  return mapping[requiredImportField[kind]]?.from === 'column';
}
