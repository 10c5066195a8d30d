export * from './boardDocLayout.js';
export * from './cardLabels.js';
export * from './cards.js';
