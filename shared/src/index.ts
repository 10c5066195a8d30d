export * from './closeCodes.js';
export * from './docId.js';
export * from './protocol.js';
export * from './api/boards.js';
export * from './import/csv.js';
