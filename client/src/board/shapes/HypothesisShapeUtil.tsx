import { useIsEditing } from 'tldraw';
import { cardKindLabels, hypothesisStatusDisplay, hypothesisStatuses } from '@boussole/shared';
import { LinkedTitles } from '../links/LinkedTitles.js';
import type { HypothesisShape } from './cardShapeTypes.js';
import { CardShell, ChoiceField, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';

function HypothesisCard({ shape }: { shape: HypothesisShape }) {
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const { statement, topic, public: targetPublic, status } = shape.props;
  const status_ = hypothesisStatusDisplay[status];
  const context = [topic, targetPublic].filter((part) => part !== '').join(' · ');
  return (
    <CardShell
      editing={editing}
      shape={shape}
      kindLabel={cardKindLabels.hypothesis}
      accent={status_.color}
      badge={status_.label}
    >
      <TextField
        label="Énoncé"
        value={statement}
        editing={editing}
        multiline
        placeholder="Double-cliquez pour formuler l’hypothèse"
        onChange={(value) => update({ statement: value })}
      />
      <ChoiceField
        label="Statut"
        value={status}
        options={hypothesisStatuses}
        optionLabel={(value) => hypothesisStatusDisplay[value].label}
        editing={editing}
        onChange={(value) => update({ status: value })}
      />
      {editing ? (
        <>
          <TextField
            label="Thématique"
            value={topic}
            editing
            onChange={(value) => update({ topic: value })}
          />
          <TextField
            label="Public"
            value={targetPublic}
            editing
            onChange={(value) => update({ public: value })}
          />
        </>
      ) : context !== '' ? (
        <small style={{ color: '#4a4a4a' }}>{context}</small>
      ) : null}
      {!editing && <LinkedTitles refs={shape.props.evidenceIds ?? []} />}
    </CardShell>
  );
}

export const HypothesisShapeUtil = cardShapeUtil({
  type: 'hypothesis',
  defaultProps: {
    w: 240,
    h: 160,
    statement: '',
    topic: '',
    public: '',
    status: 'a_verifier',
    evidenceIds: [],
  },
  getText: (shape) => shape.props.statement,
  Card: HypothesisCard,
});
