import { useId, useState } from 'react';
import type { Editor } from 'tldraw';
import {
  cardLabelsByLanguage,
  cardLinkFields,
  formatCardRef,
  maxCardLinks,
  type CardLabelLanguage,
  type LinkableCard,
  type LinkingCardKind,
} from '@boussole/shared';
import { LinkChips } from './LinkChips.js';
import { linkText } from './linkText.js';
import { useCardSearch } from './useCardSearch.js';
import { useLinkedCards } from './useLinkedCards.js';
import './cardLinks.css';

/** Search results by board, in the order the server gave them. */
function byBoard(
  cards: LinkableCard[],
): { boardId: string; title: string; cards: LinkableCard[] }[] {
  const groups = new Map<string, { boardId: string; title: string; cards: LinkableCard[] }>();
  for (const card of cards) {
    const group = groups.get(card.boardId) ?? {
      boardId: card.boardId,
      title: card.boardTitle,
      cards: [],
    };
    group.cards.push(card);
    groups.set(card.boardId, group);
  }
  return [...groups.values()];
}

/**
 * The side panel's field for a card's links (a recommendation's hypotheses, a hypothesis's
 * evidence): its links as chips, each removable, and a search over the cards of every board
 * of the workspace to add more.
 */
export function CardLinksField({
  editor,
  boardId,
  workspaceId,
  kind,
  label,
  value,
  language,
  onChange,
}: {
  editor: Editor;
  boardId: string;
  workspaceId: string | null | undefined;
  kind: LinkingCardKind;
  label: string;
  value: unknown;
  language: CardLabelLanguage;
  onChange: (refs: string[]) => void;
}) {
  const t = linkText[language];
  const refs = Array.isArray(value)
    ? value.filter((ref): ref is string => typeof ref === 'string')
    : [];
  const links = useLinkedCards(editor, boardId, workspaceId, refs);
  const [query, setQuery] = useState('');
  const kinds = cardLinkFields[kind].kinds;
  const search = useCardSearch(editor, boardId, workspaceId, kinds, query);
  const searchId = useId();
  const kindNames = cardLabelsByLanguage[language].kinds;

  return (
    <fieldset className="card-links">
      <legend>{label}</legend>
      <LinkChips
        editor={editor}
        boardId={boardId}
        links={links}
        language={language}
        text={t}
        onRemove={(ref) => onChange(refs.filter((r) => r !== ref))}
      />
      <label htmlFor={searchId}>{t.search}</label>
      <input
        id={searchId}
        type="search"
        value={query}
        placeholder={t.searchPlaceholder}
        onChange={(e) => setQuery(e.target.value)}
      />
      {search.state === 'failed' && <p role="alert">{t.searchFailed}</p>}
      {search.state === 'done' && (
        <div className="card-links__results" aria-live="polite">
          {search.cards.length === 0 && <p className="muted">{t.noResult}</p>}
          {byBoard(search.cards).map((group) => (
            <section
              key={group.boardId}
              aria-label={t.boardGroup(group.boardId === boardId ? t.thisBoard : group.title)}
            >
              <h3>{group.boardId === boardId ? t.thisBoard : group.title}</h3>
              <ul>
                {group.cards.map((card) => {
                  const ref = formatCardRef(boardId, card.boardId, card.cardId);
                  const linked = refs.includes(ref);
                  const words = `${kindNames[card.kind]} — ${card.label || t.untitled}`;
                  return (
                    <li key={ref}>
                      <span>{words}</span>
                      <button
                        type="button"
                        disabled={linked || refs.length >= maxCardLinks}
                        aria-label={t.linkAria(words)}
                        onClick={() => onChange([...refs, ref])}
                      >
                        {linked ? t.linked : t.link}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </section>
          ))}
          {search.truncated && <p className="muted">{t.truncated}</p>}
        </div>
      )}
    </fieldset>
  );
}
