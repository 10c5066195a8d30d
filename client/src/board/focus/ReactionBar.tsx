import { useValue, type Editor } from 'tldraw';
import { REACTION_EMOJIS, type ReactionEmoji } from '@boussole/shared';
import { useFocusT } from './focusMessages.js';

/** 👍 ❤️ 💡 ❓ 👏 — on the selected card, or on the board when none is selected. */
export function ReactionBar({
  editor,
  onReact,
}: {
  editor: Editor;
  onReact(emoji: ReactionEmoji): void;
}) {
  const t = useFocusT();
  const onCard = useValue('reaction target', () => !!editor.getOnlySelectedShapeId(), [editor]);
  const where = t(onCard ? 'reactions.onCard' : 'reactions.onBoard');
  return (
    <div className="reaction-bar" role="group" aria-label={`${t('reactions.label')} (${where})`}>
      {REACTION_EMOJIS.map((emoji) => (
        <button
          key={emoji}
          type="button"
          aria-label={`${t('reactions.react', { emoji })} ${where}`}
          onClick={() => onReact(emoji)}
        >
          {emoji}
        </button>
      ))}
    </div>
  );
}
