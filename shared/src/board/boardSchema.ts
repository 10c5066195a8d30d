import {
  createTLSchema,
  defaultShapeSchemas,
  type SchemaPropsInfo,
  type TLSchema,
} from '@tldraw/tlschema';
import {
  hypothesisShapeMigrations,
  indicatorShapeMigrations,
  observationShapeMigrations,
  recommendationShapeMigrations,
  themeShapeMigrations,
} from './cardMigrations.js';
import {
  hypothesisCardPropsSchema,
  indicatorCardPropsSchema,
  observationCardPropsSchema,
  recommendationCardPropsSchema,
  themeCardPropsSchema,
  type CardKind,
} from './cards.js';
import { tldrawPropsFromZod } from './tldrawPropsFromZod.js';

/**
 * The tldraw props validators and migrations of each card shape: what the client's ShapeUtil
 * classes declare, and what the server validates board content with.
 */
export const cardShapeSchemas = {
  observation: {
    props: tldrawPropsFromZod(observationCardPropsSchema),
    migrations: observationShapeMigrations,
  },
  hypothesis: {
    props: tldrawPropsFromZod(hypothesisCardPropsSchema),
    migrations: hypothesisShapeMigrations,
  },
  indicator: {
    props: tldrawPropsFromZod(indicatorCardPropsSchema),
    migrations: indicatorShapeMigrations,
  },
  theme: { props: tldrawPropsFromZod(themeCardPropsSchema), migrations: themeShapeMigrations },
  recommendation: {
    props: tldrawPropsFromZod(recommendationCardPropsSchema),
    migrations: recommendationShapeMigrations,
  },
} as const satisfies Record<CardKind, SchemaPropsInfo>;

/**
 * The schema of a board's records without React or the DOM: tldraw's default shapes, bindings
 * and records plus the ABS cards. It equals the schema of the client's store, created from
 * `[...defaultShapeUtils, ...boussoleShapeUtils]` (a client test checks that they serialize
 * alike), so both sides accept and migrate exactly the same records.
 */
export function createBoardSchema(): TLSchema {
  return createTLSchema({ shapes: { ...defaultShapeSchemas, ...cardShapeSchemas } });
}
