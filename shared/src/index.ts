export * from './closeCodes.js';
export * from './docId.js';
export * from './protocol.js';
export * from './api/boards.js';
export * from './import/csv.js';
export * from './board/index.js';
export * from './api/clientConfig.js';
