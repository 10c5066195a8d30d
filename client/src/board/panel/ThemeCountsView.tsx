import { useValue, type Editor, type TLShapeId } from 'tldraw';
import { observationsInTheme } from '../shapes/themeMembership.js';
import type { PanelText } from './panelText.js';
import { themeCounts, type CountRow } from './themeCounts.js';
import type { WorkspaceVocabulary } from './useWorkspaceVocabulary.js';

/** A theme's observations counted, then broken down by public and by commune. */
export function ThemeCountsView({
  editor,
  themeId,
  vocabulary,
  text: t,
}: {
  editor: Editor;
  themeId: TLShapeId;
  vocabulary: WorkspaceVocabulary;
  text: PanelText;
}) {
  // Only the two fields counted are read, so typing a verbatim does not recount.
  const fields = useValue(
    'theme observation fields',
    () =>
      observationsInTheme(editor, themeId)
        .map((o) => `${o.props.public}\u0000${o.props.commune}`)
        .join('\u0001'),
    [editor, themeId],
  );
  const observations =
    fields === ''
      ? []
      : fields.split('\u0001').map((row) => {
          const [pub = '', commune = ''] = row.split('\u0000');
          return { props: { public: pub, commune } };
        });
  const counts = themeCounts(observations, vocabulary);
  return (
    <section className="theme-counts" aria-label={t.observations(counts.total)}>
      <p>
        <strong data-testid="theme-observation-count">{t.observations(counts.total)}</strong>
      </p>
      {counts.total > 0 && (
        <>
          <CountTable caption={t.byCommune} rows={counts.byCommune} text={t} />
          <CountTable caption={t.byPublic} rows={counts.byPublic} text={t} />
        </>
      )}
    </section>
  );
}

function CountTable({
  caption,
  rows,
  text: t,
}: {
  caption: string;
  rows: CountRow[];
  text: PanelText;
}) {
  return (
    <table>
      <caption>{caption}</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={row.value}>
            <th scope="row">{row.value === '' ? <em>{t.notGiven}</em> : row.value}</th>
            <td>{row.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
