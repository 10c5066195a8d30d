import { useIsEditing } from 'tldraw';
import { cardKindLabels } from '@boussole/shared';
import type { IndicatorShape } from './cardShapeTypes.js';
import { CardShell, NumberField, TextField, useCardUpdater } from './CardView.js';
import { cardShapeUtil } from './cardShapeUtil.js';

function IndicatorCard({ shape }: { shape: IndicatorShape }) {
  const editing = useIsEditing(shape.id);
  const update = useCardUpdater(shape);
  const { label, value, unit, territory, year, source } = shape.props;
  const where = [territory, year === null ? '' : String(year)]
    .filter((part) => part !== '')
    .join(', ');
  return (
    <CardShell
      editing={editing}
      shape={shape}
      kindLabel={cardKindLabels.indicator}
      accent="#e3e3e3"
      badge={where || undefined}
    >
      <TextField
        label="Indicateur"
        value={label}
        editing={editing}
        placeholder="Double-cliquez pour choisir l’indicateur"
        onChange={(next) => update({ label: next })}
      />
      {editing ? (
        <>
          <NumberField
            label="Valeur"
            value={value}
            editing
            onChange={(next) => update({ value: next })}
          />
          <TextField
            label="Unité"
            value={unit}
            editing
            onChange={(next) => update({ unit: next })}
          />
          <TextField
            label="Territoire"
            value={territory}
            editing
            onChange={(next) => update({ territory: next })}
          />
          <NumberField
            label="Année"
            value={year}
            editing
            integer
            onChange={(next) => update({ year: next })}
          />
          <TextField
            label="Source"
            value={source}
            editing
            onChange={(next) => update({ source: next })}
          />
        </>
      ) : (
        <>
          {value === null ? null : (
            <strong style={{ fontSize: 22 }}>
              {value.toLocaleString('fr-FR')} {displayedUnit(unit)}
            </strong>
          )}
          {source === '' ? null : <small style={{ color: '#4a4a4a' }}>Source : {source}</small>}
        </>
      )}
    </CardShell>
  );
}

/** A count needs no unit after it: "3", not "3 nombre" (spreadsheets often say "nombre"). */
export function displayedUnit(unit: string): string {
  return /^(nombre|nb|count)$/i.test(unit.trim()) ? '' : unit;
}

export const IndicatorShapeUtil = cardShapeUtil({
  type: 'indicator',
  defaultProps: {
    w: 220,
    h: 140,
    label: '',
    value: null,
    unit: '',
    territory: '',
    year: null,
    source: '',
  },
  getText: (shape) => {
    const { label, value, unit } = shape.props;
    return value === null ? label : `${label} : ${value} ${displayedUnit(unit)}`.trim();
  },
  Card: IndicatorCard,
});
