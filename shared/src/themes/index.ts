export { foldAccents } from './foldAccents.js';
export { stemFrench } from './frenchStemmer.js';
export { frenchStopWords } from './frenchStopWords.js';
export { tokenizeFrench, type FrenchToken } from './frenchText.js';
export { adjustedRandIndex, purity } from './clusterQuality.js';
export {
  defaultSuggestionThreshold,
  suggestThemes,
  type SuggestThemesOptions,
  type TextToGroup,
  type ThemeSuggestion,
  type ThemeSuggestions,
} from './suggestThemes.js';
