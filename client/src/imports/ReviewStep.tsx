import { useId } from 'react';
import type { FindingDecision } from '@boussole/shared';
import { FindingsReview } from '../personalData/FindingsReview.js';
import { useImportT } from './importMessages.js';
import type { DefaultDecision, SplitFindings } from './review.js';

/**
 * Step 4: « Données personnelles à vérifier ». The findings in imported columns go through the
 * shared review (accept, edit, reject, one by one or per kind); those in columns left out are
 * listed apart, since they will reach no card.
 */
export function ReviewStep(props: {
  findings: SplitFindings;
  decisions: Record<string, FindingDecision>;
  defaultDecision: DefaultDecision;
  onChange(decisions: Record<string, FindingDecision>, defaultDecision: DefaultDecision): void;
  onNext(): void;
}) {
  const t = useImportT();
  const id = useId();
  const { imported, notImported } = props.findings;
  return (
    <section className="import-panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} tabIndex={-1}>
        {t('review.title')}
      </h2>
      {imported.length === 0 ? (
        <p>{t('review.none')}</p>
      ) : (
        <>
          <p className="muted">{t('review.intro')}</p>
          <FindingsReview
            findings={imported}
            decisions={props.decisions}
            defaultDecision={props.defaultDecision}
            onChange={props.onChange}
          />
        </>
      )}
      {notImported.length > 0 && (
        <details>
          <summary>{t('review.notImported', { n: notImported.length })}</summary>
          <p className="muted">{t('review.notImportedHint')}</p>
          <ul>
            {notImported.map((finding) => (
              <li key={finding.id}>
                {finding.where} ({t('review.columnNotImported')}) : <mark>{finding.text}</mark>
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="import-actions">
        <button type="button" className="primary" onClick={props.onNext}>
          {t('review.next')}
        </button>
      </div>
    </section>
  );
}
