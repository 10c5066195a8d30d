import { useId, type ReactNode } from 'react';
import { hypothesisStatuses, observationSources } from '@boussole/shared';
import { searchableKinds, type CardIndex } from './cardIndex.js';
import { unthemed, type CardFilters } from './cardFilters.js';
import { communeOptions, publicOptions, themeOptions, type FilterOption } from './filterOptions.js';
import { kindKey, sourceKey, statusKey, useSearchT } from './searchMessages.js';

/**
 * The filters behind « Filtres »: each select offers only what the board holds (publics,
 * communes, themes) or the card schema allows (kinds, sources, statuses).
 */
export function SearchFilters(props: {
  id: string;
  index: CardIndex;
  filters: CardFilters;
  onChange(filters: CardFilters): void;
}) {
  const { id, index, filters, onChange } = props;
  const t = useSearchT();
  const set =
    <K extends keyof CardFilters>(key: K) =>
    (value: string) =>
      onChange({ ...filters, [key]: value });
  const anyTheme = { value: '', label: t('filter.any') };

  return (
    <div id={id} className="board-search-filters">
      <Choice
        label={t('filter.kind')}
        value={filters.kind}
        onChange={set('kind')}
        options={[
          { value: '', label: t('filter.any') },
          ...searchableKinds.map((kind) => ({ value: kind, label: t(kindKey(kind)) })),
        ]}
      />
      <Choice
        label={t('filter.source')}
        value={filters.source}
        onChange={set('source')}
        options={[
          { value: '', label: t('filter.anyFeminine') },
          ...observationSources.map((source) => ({ value: source, label: t(sourceKey(source)) })),
        ]}
      />
      <Choice
        label={t('filter.public')}
        value={filters.public}
        onChange={set('public')}
        options={[{ value: '', label: t('filter.any') }, ...publicOptions(index)]}
      />
      <Choice
        label={t('filter.commune')}
        value={filters.commune}
        onChange={set('commune')}
        options={[{ value: '', label: t('filter.anyFeminine') }, ...communeOptions(index)]}
      />
      <Labelled label={t('filter.from')}>
        {(inputId) => (
          <input
            id={inputId}
            type="date"
            value={filters.from}
            max={filters.to || undefined}
            onChange={(e) => set('from')(e.target.value)}
          />
        )}
      </Labelled>
      <Labelled label={t('filter.to')}>
        {(inputId) => (
          <input
            id={inputId}
            type="date"
            value={filters.to}
            min={filters.from || undefined}
            onChange={(e) => set('to')(e.target.value)}
          />
        )}
      </Labelled>
      <Choice
        label={t('filter.theme')}
        value={filters.theme}
        onChange={set('theme')}
        options={[
          anyTheme,
          { value: unthemed, label: t('filter.unthemed') },
          ...themeOptions(index, t('filter.untitledTheme')),
        ]}
      />
      <Choice
        label={t('filter.status')}
        value={filters.status}
        onChange={set('status')}
        options={[
          { value: '', label: t('filter.any') },
          ...hypothesisStatuses.map((status) => ({ value: status, label: t(statusKey(status)) })),
        ]}
      />
    </div>
  );
}

/**
 * A label tied to its control by id rather than wrapped around it: wrapped, a select's name
 * would include its chosen option (« Commune Toutes »).
 */
function Labelled({ label, children }: { label: string; children(id: string): ReactNode }) {
  const id = useId();
  return (
    <div className="board-search-filter">
      <label htmlFor={id}>{label}</label>
      {children(id)}
    </div>
  );
}

function Choice(props: {
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange(value: string): void;
}) {
  const { label, value, options, onChange } = props;
  // A value chosen before the board changed stays offered, so the select never lies about it.
  const shown = options.some((o) => o.value === value)
    ? options
    : [...options, { value, label: value }];
  return (
    <Labelled label={label}>
      {(id) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {shown.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Labelled>
  );
}
