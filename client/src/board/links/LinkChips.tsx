import type { Editor } from 'tldraw';
import { cardLabelsByLanguage, type CardLabelLanguage } from '@boussole/shared';
import { followLink } from './followLink.js';
import type { LinkText } from './linkText.js';
import type { LinkedCard } from './useLinkedCards.js';

/** The words of a working chip: "→ Hypothèse « … » — tableau Hypothèses". */
export function chipLabel(
  link: LinkedCard & { state: 'ok' },
  language: CardLabelLanguage,
  t: LinkText,
) {
  return t.chip(cardLabelsByLanguage[language].kinds[link.kind], link.label, link.boardTitle);
}

/**
 * A card's links as chips: each opens its card (on this board or another); a broken one says
 * so and, for whoever may edit, offers to remove it.
 */
export function LinkChips({
  editor,
  boardId,
  links,
  language,
  text: t,
  onRemove,
}: {
  editor: Editor;
  boardId: string;
  links: LinkedCard[];
  language: CardLabelLanguage;
  text: LinkText;
  onRemove?: ((ref: string) => void) | undefined;
}) {
  if (links.length === 0) return <p className="muted">{t.none}</p>;
  return (
    <ul className="link-chips">
      {links.map((link) => {
        const words =
          link.state === 'ok'
            ? chipLabel(link, language, t)
            : link.state === 'broken'
              ? t.broken
              : t.loading;
        return (
          <li key={link.ref} className={`link-chip link-chip--${link.state}`} data-ref={link.ref}>
            {link.state === 'ok' ? (
              <button
                type="button"
                className="link-chip__open"
                title={t.openChip(cardLabelsByLanguage[language].kinds[link.kind], link.boardTitle)}
                onClick={() => followLink(editor, boardId, link)}
              >
                {words}
              </button>
            ) : (
              <span
                className="link-chip__text"
                role={link.state === 'broken' ? 'status' : undefined}
              >
                {words}
              </span>
            )}
            {onRemove && (
              <button
                type="button"
                className="link-chip__remove"
                aria-label={t.removeAria(words)}
                title={t.remove}
                onClick={() => onRemove(link.ref)}
              >
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
