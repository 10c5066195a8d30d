import {
  CSRF_HEADER,
  type ImportCommitRequest,
  type ImportCommitResult,
  type ImportPreview,
} from '@boussole/shared';
import { call, type HttpAnswer } from './accounts.js';

/**
 * The import API as the import page calls it: the file as multipart (FormData + Blob, as a
 * browser sends it), the commit as JSON, each with the person's cookie and the CSRF header.
 */

/** A survey export as French Excel saves it: `;`, CRLF, a multi-line quoted verbatim. */
export const surveyCsv = [
  'Verbatim;Source;Public;Commune;Date;Thème',
  '"Mme Lucienne Verdier m’a appelée au 06 12 34 56 78 : plus de car le matin.";Entretien individuel;Jeunes 16–25 ans;saint aubin sur arviere;02/04/2026;Mobilité',
  '"Écrivez-moi à lucienne.verdier@example.fr ; j’habite au 12 rue des Forges.";questionnaire en ligne;personnes âgées;Rochebrune;2026-04-03;Logement',
  '"Née le 14/03/1950, M. Bernard Pichon vit seul.\nIl attend un portage de repas.";permanence CCAS;;Rochebrune-le-Haut;3 avril 2026;Logement',
  ';atelier;;Rochebrune;;Mobilité',
  '"Le bus de 6 h 50 coûte 450 € par an à Saint-Aubin-sur-Arvière.";courrier;;Rochebrune;hier;',
].join('\r\n');

/** Every personal item of surveyCsv: none may reach storage or the logs once pseudonymised. */
export const personalStrings = [
  'Verdier',
  'Lucienne',
  '06 12 34 56 78',
  'lucienne.verdier@example.fr',
  '12 rue des Forges',
  '14/03/1950',
  'Pichon',
];

export async function upload(
  httpUrl: string,
  cookie: string,
  workspaceId: string,
  content: string | Uint8Array,
  options: { filename?: string; query?: string; field?: string } = {},
): Promise<HttpAnswer<ImportPreview & { error?: string; message?: string }>> {
  const form = new FormData();
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  form.append(
    options.field ?? 'file',
    new Blob([bytes as Uint8Array<ArrayBuffer>]),
    options.filename ?? 'enquete-verdier.csv',
  );
  const response = await fetch(
    `${httpUrl}/api/workspaces/${workspaceId}/imports${options.query ?? ''}`,
    { method: 'POST', headers: { cookie, [CSRF_HEADER]: '1' }, body: form },
  );
  const text = await response.text();
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : undefined) as ImportPreview,
    cookie: '',
  };
}

export function commit(
  httpUrl: string,
  cookie: string,
  importId: string,
  body: ImportCommitRequest,
): Promise<HttpAnswer<ImportCommitResult & { error?: string; message?: string }>> {
  return call(httpUrl, 'POST', `/api/imports/${importId}/commit`, { cookie, body });
}

/** The observation mapping of surveyCsv's columns. */
export const surveyMapping = { verbatim: 0, source: 1, public: 2, commune: 3, date: 4 };

/** A CSV of `rows` survey answers, each a little different, without personal data. */
export function largeSurvey(rows: number): string {
  const lines = ['verbatim;source;commune;thème'];
  for (let i = 1; i <= rows; i++) {
    lines.push(
      `"Réponse ${i} : le car du matin passe trop tôt.";questionnaire;Rochebrune;T${i % 7}`,
    );
  }
  return lines.join('\r\n');
}
