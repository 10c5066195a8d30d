import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';

/**
 * Props migrations of the card shapes. Every change to a card's props (cards.ts) must add a
 * step here, or boards saved before the change stop loading. Each card starts with one step so
 * the upgrade path is exercised from the first release: version 0 is the layout without the
 * field that version 1 adds with its neutral default.
 */

type Props = Record<string, unknown>;

function addField(field: string, value: unknown) {
  return {
    up: (props: Props): Props => ({ ...props, [field]: structuredClone(value) }),
    down: (props: Props): Props => {
      const { [field]: _removed, ...rest } = props;
      return rest;
    },
  };
}

export const observationVersions = createShapePropsMigrationIds('observation', { AddDate: 1 });
export const observationShapeMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: observationVersions.AddDate, ...addField('date', '') }],
});

export const hypothesisVersions = createShapePropsMigrationIds('hypothesis', {
  AddStatus: 1,
  AddEvidenceLinks: 2,
});
export const hypothesisShapeMigrations = createShapePropsMigrationSequence({
  sequence: [
    { id: hypothesisVersions.AddStatus, ...addField('status', 'a_verifier') },
    // Its links to evidence on any board (cardLinks.ts); older Boussoles refuse the field, so
    // the version tells them to reload rather than reject the card.
    { id: hypothesisVersions.AddEvidenceLinks, ...addField('evidenceIds', []) },
  ],
});

export const indicatorVersions = createShapePropsMigrationIds('indicator', { AddYear: 1 });
export const indicatorShapeMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: indicatorVersions.AddYear, ...addField('year', null) }],
});

export const themeVersions = createShapePropsMigrationIds('theme', { AddLabel: 1 });
export const themeShapeMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: themeVersions.AddLabel, ...addField('label', '') }],
});

export const recommendationVersions = createShapePropsMigrationIds('recommendation', {
  AddHypothesisLinks: 1,
});
export const recommendationShapeMigrations = createShapePropsMigrationSequence({
  sequence: [{ id: recommendationVersions.AddHypothesisLinks, ...addField('hypothesisIds', []) }],
});
