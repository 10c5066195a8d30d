import { useEditor, useValue, type TLShapeId } from 'tldraw';
import { cardLinkLabel, isCardKind, parseCardRef } from '@boussole/shared';
import { useUiStore } from '../../stores/uiStore.js';
import { linkText } from './linkText.js';

/**
 * What a card's face says of its links: the linked cards of this board by name (a deleted one
 * as broken), and how many sit on other boards — their chips, in the side panel, name them. The
 * face asks the server nothing: a board of hundreds of cards would ask hundreds of times.
 */
/** A card is small: the rest of its links are counted. */
const MAX_SHOWN = 4;

export function LinkedTitles({ refs }: { refs: readonly string[] }) {
  const editor = useEditor();
  const t = linkText[useUiStore((s) => s.language)];
  const key = refs.join('\n');
  const shown = useValue(
    'linked titles',
    () => {
      const here: string[] = [];
      let elsewhere = 0;
      for (const ref of key === '' ? [] : key.split('\n')) {
        const parsed = parseCardRef(ref);
        if (parsed?.boardId) {
          elsewhere++;
          continue;
        }
        const shape = parsed ? editor.getShape(parsed.cardId as TLShapeId) : undefined;
        here.push(
          shape && isCardKind(shape.type)
            ? `→ ${cardLinkLabel(shape.type, shape.props as Record<string, unknown>) || t.untitled}`
            : t.broken,
        );
      }
      return JSON.stringify({ here, elsewhere });
    },
    [editor, key, t],
  );
  const { here, elsewhere } = JSON.parse(shown) as { here: string[]; elsewhere: number };
  if (here.length === 0 && elsewhere === 0) return null;
  return (
    <small className="linked-titles" style={{ color: '#4a4a4a', display: 'block' }}>
      {here.slice(0, MAX_SHOWN).map((title, i) => (
        <span key={i} style={{ display: 'block' }}>
          {title}
        </span>
      ))}
      {here.length > MAX_SHOWN && (
        <span style={{ display: 'block' }}>{`+ ${here.length - MAX_SHOWN}`}</span>
      )}
      {elsewhere > 0 && <span style={{ display: 'block' }}>{t.crossBoard(elsewhere)}</span>}
    </small>
  );
}
