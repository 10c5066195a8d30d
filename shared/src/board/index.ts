export * from './boardDocLayout.js';
export * from './boardSchema.js';
export * from './cardLabels.js';
export * from './cardMigrations.js';
export * from './cards.js';
export * from './storedBoardSchema.js';
export * from './tldrawPropsFromZod.js';
export * from './yRecordCodec.js';
