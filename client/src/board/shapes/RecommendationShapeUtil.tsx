import { BaseBoxShapeUtil, useIsEditing } from 'tldraw';
import {
  cardKindLabels,
  cardShapeSchemas,
  recommendationPriorities,
  recommendationPriorityDisplay,
} from '@boussole/shared';
import type { RecommendationShape } from './cardShapeTypes.js';
import {
  CardShell,
  ChoiceField,
  TextField,
  cardIndicatorPath,
  useCardUpdater,
} from './CardView.js';

function linkedHypothesesLabel(count: number): string {
  if (count === 0) return 'Aucune hypothèse liée';
  return count === 1 ? '1 hypothèse liée' : `${count} hypothèses liées`;
}

function RecommendationCard({ shape }: { shape: RecommendationShape }) {
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const { title, description, leadOrganisation, priority, hypothesisIds } = shape.props;
  const priority_ = recommendationPriorityDisplay[priority];
  return (
    <CardShell
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
      <small style={{ color: '#4a4a4a' }}>{linkedHypothesesLabel(hypothesisIds.length)}</small>
    </CardShell>
  );
}

export class RecommendationShapeUtil extends BaseBoxShapeUtil<RecommendationShape> {
  static override type = 'recommendation' as const;
  static override props = cardShapeSchemas.recommendation.props;
  static override migrations = cardShapeSchemas.recommendation.migrations;

  override getDefaultProps(): RecommendationShape['props'] {
    return {
      w: 260,
      h: 180,
      title: '',
      description: '',
      leadOrganisation: '',
      priority: 'moyenne',
      hypothesisIds: [],
    };
  }

  override canEdit(): boolean {
    return true;
  }

  override getText(shape: RecommendationShape): string {
    return [shape.props.title, shape.props.description].filter((part) => part !== '').join('\n');
  }

  override component(shape: RecommendationShape) {
    return <RecommendationCard shape={shape} />;
  }

  override getIndicatorPath(shape: RecommendationShape): Path2D {
    return cardIndicatorPath(shape);
  }
}
