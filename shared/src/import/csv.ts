/**
 * RFC 4180 CSV (UTF-8, comma, header row, double-quote quoting, CRLF or LF), parsed strictly:
 * bad input gets an error that says which line and what is wrong, in French, because it is
 * shown to the person who exported the file from their spreadsheet.
 */
export class CsvError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`CSV, ligne ${line} : ${message}`);
    this.name = 'CsvError';
  }
}

export interface CsvTable {
  header: string[];
  /** One object per data row, keyed by header name; `line` is where the row starts. */
  rows: { line: number; values: Record<string, string> }[];
}

function parseRecords(text: string): { line: number; fields: string[] }[] {
  const records: { line: number; fields: string[] }[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let inQuotes = false;
  let quotedField = false;
  const endField = () => {
    fields.push(field);
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, fields });
    fields = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"') {
      if (field !== '' || quotedField) {
        throw new CsvError(line, 'guillemet inattendu au milieu d’un champ (doublez-le : "")');
      }
      inQuotes = true;
      quotedField = true;
    } else if (ch === ',') {
      endField();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      if (quotedField) throw new CsvError(line, 'texte après un champ entre guillemets');
      field += ch;
    }
  }
  if (inQuotes) throw new CsvError(recordLine, 'guillemet ouvert jamais refermé');
  if (field !== '' || fields.length > 0 || quotedField) endRecord();
  // Blank lines (a trailing newline, an empty line in the middle) carry no record.
  return records.filter((r) => !(r.fields.length === 1 && r.fields[0] === ''));
}

export function parseCsv(text: string, options: { requiredColumns?: string[] } = {}): CsvTable {
  const records = parseRecords(text);
  const first = records[0];
  if (!first) throw new CsvError(1, 'fichier vide : une ligne d’en-tête est attendue');
  const header = first.fields.map((h) => h.trim());
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') throw new CsvError(first.line, 'colonne sans nom dans l’en-tête');
    if (seen.has(name)) throw new CsvError(first.line, `colonne « ${name} » en double`);
    seen.add(name);
  }
  const missing = (options.requiredColumns ?? []).filter((c) => !seen.has(c));
  if (missing.length > 0) {
    throw new CsvError(
      first.line,
      `colonne(s) manquante(s) : ${missing.join(', ')} (en-tête lu : ${header.join(', ')})`,
    );
  }
  const rows = records.slice(1).map(({ line, fields }) => {
    if (fields.length !== header.length) {
      throw new CsvError(
        line,
        `${fields.length} champ(s) au lieu de ${header.length} — une virgule dans un texte doit être entre guillemets`,
      );
    }
    const values: Record<string, string> = {};
    header.forEach((name, index) => {
      values[name] = fields[index] ?? '';
    });
    return { line, values };
  });
  return { header, rows };
}
