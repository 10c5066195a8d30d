import { useIsEditing } from 'tldraw';
import {
  cardKindLabels,
  recommendationPriorities,
  recommendationPriorityDisplay,
} from '@boussole/shared';
import { LinkedTitles } from '../links/LinkedTitles.js';
import type { RecommendationShape } from './cardShapeTypes.js';
import { CardShell, ChoiceField, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';

function RecommendationCard({ shape }: { shape: RecommendationShape }) {
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const { title, description, leadOrganisation, priority, hypothesisIds } = shape.props;
  const priority_ = recommendationPriorityDisplay[priority];
  return (
    <CardShell
      editing={editing}
      shape={shape}
      kindLabel={cardKindLabels.recommendation}
      accent={priority_.color}
      badge={`Priorité ${priority_.label.toLowerCase()}`}
    >
      <TextField
        label="Titre"
        value={title}
        editing={editing}
        placeholder="Double-cliquez pour nommer la préconisation"
        onChange={(value) => update({ title: value })}
      />
      <TextField
        label="Description"
        value={description}
        editing={editing}
        multiline
        onChange={(value) => update({ description: value })}
      />
      <ChoiceField
        label="Priorité"
        value={priority}
        options={recommendationPriorities}
        optionLabel={(value) => recommendationPriorityDisplay[value].label}
        editing={editing}
        onChange={(value) => update({ priority: value })}
      />
      <TextField
        label="Porteur"
        value={leadOrganisation}
        editing={editing}
        onChange={(value) => update({ leadOrganisation: value })}
      />
      <LinkedTitles refs={hypothesisIds} />
    </CardShell>
  );
}

export const RecommendationShapeUtil = cardShapeUtil({
  type: 'recommendation',
  defaultProps: {
    w: 260,
    h: 180,
    title: '',
    description: '',
    leadOrganisation: '',
    priority: 'moyenne',
    hypothesisIds: [],
  },
  getText: (shape) =>
    [shape.props.title, shape.props.description].filter((part) => part !== '').join('\n'),
  Card: RecommendationCard,
});
