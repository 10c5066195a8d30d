import { parentPort } from 'node:worker_threads';
import { ClientGroup } from './clientGroup.js';
import type { GroupCommand, GroupReply } from './groupProtocol.js';

// The entry of a client-group worker thread (started through clientWorker.mjs). The thread
// lives for the whole run, so its code is warm for every scenario after the first.
const port = parentPort;
if (!port) throw new Error('clientGroupWorker runs in a worker thread');
let group: ClientGroup | undefined;

async function handle(command: GroupCommand) {
  if (command.type === 'setup') {
    group?.close();
    group = new ClientGroup(command.setup);
    return { type: 'ok' as const };
  }
  if (!group) throw new Error(`${command.type} before setup`);
  return group.handle(command);
}

port.on('message', (command: GroupCommand) => {
  handle(command).then(
    (reply) => {
      const message = { ...reply, id: command.id } as GroupReply;
      // Sends and receipts can be megabytes: move them instead of copying.
      const transfer: ArrayBuffer[] = [];
      if (message.type === 'windowEnded') transfer.push(message.sends.buffer as ArrayBuffer);
      if (message.type === 'report') transfer.push(message.receipts.buffer as ArrayBuffer);
      port.postMessage(message, transfer);
    },
    (error: unknown) => {
      port.postMessage({ id: command.id, type: 'failed', message: String(error) });
    },
  );
});
