import { useIsEditing } from 'tldraw';
import { cardKindLabels, observationSourceLabels, observationSources } from '@boussole/shared';
import type { ObservationShape } from './cardShapeTypes.js';
import { CardShell, ChoiceField, DateField, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';

/** `2026-04-02` → `02/04/2026`, the way a French reader writes a day. */
function frenchDay(isoDay: string): string {
  const [year, month, day] = isoDay.split('-');
  return isoDay === '' ? '' : `${day}/${month}/${year}`;
}

function ObservationCard({ shape }: { shape: ObservationShape }) {
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const { verbatim, source, public: targetPublic, commune, date } = shape.props;
  const context = [targetPublic, commune, frenchDay(date)]
    .filter((part) => part !== '')
    .join(' · ');
  return (
    <CardShell
      editing={editing}
      shape={shape}
      kindLabel={cardKindLabels.observation}
      accent="#d7e3f4"
      badge={observationSourceLabels[source]}
    >
      <TextField
        label="Verbatim"
        value={verbatim}
        editing={editing}
        multiline
        placeholder="Double-cliquez pour saisir le verbatim"
        onChange={(value) => update({ verbatim: value })}
      />
      <ChoiceField
        label="Source"
        value={source}
        options={observationSources}
        optionLabel={(value) => observationSourceLabels[value]}
        editing={editing}
        onChange={(value) => update({ source: value })}
      />
      {editing ? (
        <>
          <TextField
            label="Public"
            value={targetPublic}
            editing
            onChange={(value) => update({ public: value })}
          />
          <TextField
            label="Commune"
            value={commune}
            editing
            onChange={(value) => update({ commune: value })}
          />
          <DateField label="Date" value={date} onChange={(value) => update({ date: value })} />
        </>
      ) : context !== '' ? (
        <small style={{ color: '#4a4a4a' }}>{context}</small>
      ) : null}
    </CardShell>
  );
}

export const ObservationShapeUtil = cardShapeUtil({
  type: 'observation',
  defaultProps: {
    w: 240,
    h: 160,
    verbatim: '',
    source: 'entretien',
    public: '',
    commune: '',
    date: '',
  },
  getText: (shape) => shape.props.verbatim,
  Card: ObservationCard,
});
