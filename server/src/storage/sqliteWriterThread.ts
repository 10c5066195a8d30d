/**
 * The writer thread's program (started by WorkerSqliteWriter): its own connection to the
 * store's file, answering one request at a time with the writes of sqliteWrites.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import {
  openSqlite,
  sqliteWrites,
  type WriterOps,
  type WriterReply,
  type WriterRequest,
  type WriterSettings,
} from './sqliteWrites.js';

const port = parentPort;
if (!port) throw new Error('sqliteWriterThread runs as a worker thread');
const settings = workerData as WriterSettings;
// Throws here if the file cannot be opened: the thread's 'error' event fails the writer.
const db = openSqlite(settings.file, settings);
const ops: WriterOps = { ...sqliteWrites(db), close: () => db.close() };

port.on('message', (request: WriterRequest) => {
  let reply: WriterReply;
  try {
    const op = ops[request.op] as (...args: unknown[]) => unknown;
    reply = { id: request.id, ok: true, result: op(...request.args) };
  } catch (error) {
    const failure = error as { message?: unknown; code?: unknown } | undefined;
    reply = {
      id: request.id,
      ok: false,
      error: {
        message: String(failure?.message),
        code: typeof failure?.code === 'string' ? failure.code : undefined,
      },
    };
  }
  port.postMessage(reply);
});
