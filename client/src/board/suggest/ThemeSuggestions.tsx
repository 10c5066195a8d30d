import { useEffect, useId, useRef, useState, type RefObject } from 'react';
import type { Editor, TLShapeId } from 'tldraw';
import { cardTextLimits, suggestThemes } from '@boussole/shared';
import { acceptSuggestion } from './acceptSuggestion.js';
import { useSuggestT, type SuggestT } from './suggestStrings.js';
import { unthemedObservations } from './unthemedObservations.js';
import './themeSuggestions.css';

interface SuggestedCard {
  id: TLShapeId;
  verbatim: string;
}

interface Suggestion {
  key: string;
  suggestedLabel: string;
  /** What the facilitator typed, starting from the suggested label. */
  label: string;
  cards: SuggestedCard[];
}

type Computed =
  | { status: 'idle' }
  | { status: 'ready'; suggestions: Suggestion[]; unthemed: number; ungrouped: number };

/** Verbatims shown before « Afficher les N verbatims ». */
const FIRST_VERBATIMS = 3;

function computeSuggestions(editor: Editor): Computed {
  const observations = unthemedObservations(editor);
  const verbatimOf = new Map(observations.map((o) => [o.id as string, o.verbatim]));
  const { suggestions, ungrouped } = suggestThemes(
    observations.map((o) => ({ id: o.id, text: o.verbatim })),
  );
  return {
    status: 'ready',
    unthemed: observations.length,
    ungrouped: ungrouped.length,
    suggestions: suggestions.map((s, i) => ({
      key: `${i}-${s.ids[0] ?? ''}`,
      suggestedLabel: s.label,
      label: s.label,
      cards: s.ids.map((id) => ({ id: id as TLShapeId, verbatim: verbatimOf.get(id) ?? '' })),
    })),
  };
}

/**
 * « Suggérer des thèmes »: groups of the board's observations that are in no theme, by shared
 * vocabulary (computed in the browser by @boussole/shared's suggestThemes; no text leaves the
 * device). Each group can be renamed, created as a theme holding its cards, or dismissed.
 * A non-modal dialog: Escape closes it and gives the focus back to its button.
 */
export function ThemeSuggestions({ editor }: { editor: Editor }) {
  const t = useSuggestT();
  const panelId = useId();
  const titleId = useId();
  const [open, setOpen] = useState(false);
  const [computed, setComputed] = useState<Computed>({ status: 'idle' });
  const [announcement, setAnnouncement] = useState('');
  const opener = useRef<HTMLButtonElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLOListElement>(null);

  function compute(): void {
    setAnnouncement('');
    setComputed(computeSuggestions(editor));
  }

  function close(): void {
    setOpen(false);
    opener.current?.focus();
  }

  useEffect(() => {
    if (open) title.current?.focus();
  }, [open]);

  /** Takes a suggestion off the list and puts the focus on the next one (or the title). */
  function remove(key: string, message: string): void {
    if (computed.status !== 'ready') return;
    const index = computed.suggestions.findIndex((s) => s.key === key);
    const rest = computed.suggestions.filter((s) => s.key !== key);
    setComputed({ ...computed, suggestions: rest });
    setAnnouncement(message);
    const next = rest[Math.min(index, rest.length - 1)];
    requestAnimationFrame(() => {
      const field =
        next && list.current?.querySelector<HTMLInputElement>(`[data-key="${next.key}"] input`);
      (field ?? title.current)?.focus();
    });
  }

  function accept(suggestion: Suggestion): void {
    const label = suggestion.label.trim() || suggestion.suggestedLabel;
    const accepted = acceptSuggestion(editor, {
      label,
      cardIds: suggestion.cards.map((c) => c.id),
    });
    if (!accepted) {
      setAnnouncement(t('suggest.stale'));
      return;
    }
    remove(suggestion.key, t('suggest.accepted', { label, n: accepted.cardIds.length }));
  }

  function rename(key: string, label: string): void {
    if (computed.status !== 'ready') return;
    setComputed({
      ...computed,
      suggestions: computed.suggestions.map((s) => (s.key === key ? { ...s, label } : s)),
    });
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => {
          if (open) return close();
          setOpen(true);
          compute();
        }}
      >
        {t('suggest.open')}
      </button>
      {open && (
        <section
          id={panelId}
          className="theme-suggestions"
          role="dialog"
          aria-modal="false"
          aria-labelledby={titleId}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            }
          }}
        >
          <div className="theme-suggestions-head">
            <h2 id={titleId} ref={title} tabIndex={-1}>
              {t('suggest.title')}
            </h2>
            <button type="button" onClick={compute}>
              {t('suggest.recompute')}
            </button>
            <button type="button" onClick={close}>
              {t('suggest.close')}
            </button>
          </div>
          <p className="muted">{t('suggest.intro')}</p>
          <p role="status" className="theme-suggestions-status">
            {announcement}
          </p>
          {computed.status === 'ready' && (
            <SuggestionList
              t={t}
              computed={computed}
              listRef={list}
              onRename={rename}
              onAccept={accept}
              onDismiss={(s) => remove(s.key, t('suggest.dismissed', { label: s.label }))}
            />
          )}
        </section>
      )}
    </>
  );
}

function SuggestionList({
  t,
  computed,
  listRef,
  onRename,
  onAccept,
  onDismiss,
}: {
  t: SuggestT;
  computed: Extract<Computed, { status: 'ready' }>;
  listRef: RefObject<HTMLOListElement | null>;
  onRename: (key: string, label: string) => void;
  onAccept: (s: Suggestion) => void;
  onDismiss: (s: Suggestion) => void;
}) {
  if (computed.unthemed === 0) return <p>{t('suggest.none')}</p>;
  return (
    <>
      <p>
        {computed.suggestions.length === 0
          ? t('suggest.noGroup')
          : t('suggest.summary', {
              groups: computed.suggestions.length,
              cards: computed.unthemed,
            })}
      </p>
      <ol ref={listRef} className="theme-suggestion-list" aria-label={t('suggest.list')}>
        {computed.suggestions.map((s) => (
          <SuggestionItem
            key={s.key}
            t={t}
            suggestion={s}
            onRename={(label) => onRename(s.key, label)}
            onAccept={() => onAccept(s)}
            onDismiss={() => onDismiss(s)}
          />
        ))}
      </ol>
      {computed.ungrouped > 0 && (
        <p className="muted">{t('suggest.ungrouped', { n: computed.ungrouped })}</p>
      )}
    </>
  );
}

function SuggestionItem({
  t,
  suggestion,
  onRename,
  onAccept,
  onDismiss,
}: {
  t: SuggestT;
  suggestion: Suggestion;
  onRename: (label: string) => void;
  onAccept: () => void;
  onDismiss: () => void;
}) {
  const labelId = useId();
  const nameId = useId();
  const verbatimsId = useId();
  const [expanded, setExpanded] = useState(false);
  const count = suggestion.cards.length;
  const countText = count === 1 ? t('suggest.count.one') : t('suggest.count.many', { n: count });
  const shown = expanded ? suggestion.cards : suggestion.cards.slice(0, FIRST_VERBATIMS);
  return (
    <li className="theme-suggestion" data-key={suggestion.key} aria-labelledby={nameId}>
      {/* Names the item and its buttons for screen readers: « Créer ce thème » says which. */}
      <span id={nameId} className="visually-hidden">
        {`${suggestion.label.trim() || suggestion.suggestedLabel} — ${countText}`}
      </span>
      <div className="theme-suggestion-name">
        <label htmlFor={`${labelId}-input`} id={labelId}>
          {t('suggest.label')}
        </label>
        <input
          id={`${labelId}-input`}
          type="text"
          value={suggestion.label}
          maxLength={cardTextLimits.short}
          placeholder={suggestion.suggestedLabel}
          onChange={(e) => onRename(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') onAccept();
          }}
        />
        <span className="theme-suggestion-count" aria-hidden="true">
          {countText}
        </span>
      </div>
      <ul id={verbatimsId} className="theme-suggestion-verbatims">
        {shown.map((card) => (
          <li key={card.id}>{card.verbatim.trim() || t('suggest.emptyVerbatim')}</li>
        ))}
      </ul>
      {count > FIRST_VERBATIMS && (
        <button
          type="button"
          className="theme-suggestion-more"
          aria-expanded={expanded}
          aria-controls={verbatimsId}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? t('suggest.showFewer') : t('suggest.showAll', { n: count })}
        </button>
      )}
      <div className="theme-suggestion-actions">
        <button type="button" aria-describedby={nameId} onClick={onDismiss}>
          {t('suggest.dismiss')}
        </button>
        <button type="button" className="primary" aria-describedby={nameId} onClick={onAccept}>
          {t('suggest.accept')}
        </button>
      </div>
    </li>
  );
}
