// Worker threads do not inherit the TypeScript loader of `node --import tsx`: register it
// here, then load the TypeScript entry named by the main thread.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
