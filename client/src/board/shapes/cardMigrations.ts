/** The card migrations live in shared: the server migrates and validates records with them. */
export {
  hypothesisShapeMigrations,
  hypothesisVersions,
  indicatorShapeMigrations,
  indicatorVersions,
  observationShapeMigrations,
  observationVersions,
  recommendationShapeMigrations,
  recommendationVersions,
  themeShapeMigrations,
  themeVersions,
} from '@boussole/shared';
