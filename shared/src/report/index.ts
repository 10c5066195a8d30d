export * from './reportDocLayout.js';
export * from './prosemirrorJson.js';
export * from './reportTemplate.js';
export * from './boardExcerpt.js';
export * from './comments.js';
