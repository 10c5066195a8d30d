import type { Editor } from 'tldraw';
import type { SessionVote } from '@boussole/shared';
import { voteCardLabel } from './cardLabel.js';
import { useVoteT } from './voteMessages.js';

/** A closed vote's results, ranked, as the server wrote them in the session document. */
export function VoteResults({
  editor,
  vote,
  onHide,
}: {
  editor: Editor;
  vote: SessionVote;
  onHide(): void;
}) {
  const t = useVoteT();
  const results = vote.results ?? [];
  return (
    <section
      className="vote-results"
      aria-label={t('vote.results', { title: vote.title || t('vote.untitled') })}
    >
      <h2>{t('vote.results', { title: vote.title || t('vote.untitled') })}</h2>
      <ol>
        {results.map((result) => (
          <li key={result.cardId} data-card-id={result.cardId}>
            <span className="vote-result-dots">{t('vote.points', { n: result.dots })}</span>{' '}
            <span>{voteCardLabel(editor, result.cardId)}</span>
            {result.names && result.names.length > 0 && (
              <span className="vote-result-names"> — {result.names.join(', ')}</span>
            )}
          </li>
        ))}
      </ol>
      <button type="button" className="ui-button secondary" onClick={onHide}>
        {t('vote.resultsHide')}
      </button>
    </section>
  );
}
