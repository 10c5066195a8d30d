import { Worker } from 'node:worker_threads';
import type { GroupCommand, GroupReply, WithoutId } from './groupProtocol.js';

type Command = WithoutId<GroupCommand>;
type ReplyOf<T extends GroupReply['type']> = Extract<GroupReply, { type: T }>;

/** The main thread's handle on one client-group worker thread, reused across scenarios. */
export class GroupHandle {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly pending = new Map<
    number,
    { resolve: (reply: GroupReply) => void; reject: (error: Error) => void }
  >();
  private ended: Error | undefined;

  constructor() {
    this.worker = new Worker(new URL('./clientWorker.mjs', import.meta.url), {
      workerData: { entry: new URL('./clientGroupWorker.ts', import.meta.url).href },
    });
    this.worker.on('message', (reply: GroupReply) => {
      const waiter = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (reply.type === 'failed') waiter?.reject(new Error(`client group: ${reply.message}`));
      else waiter?.resolve(reply);
    });
    const fail = (error: Error) => {
      this.ended ??= error;
      for (const waiter of this.pending.values()) waiter.reject(error);
      this.pending.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`client group exited with ${code}`)));
  }

  /** Send a command and wait, at most `timeoutMs`, for its reply of type `expect`. */
  async request<T extends GroupReply['type']>(
    command: Command,
    expect: T,
    timeoutMs = 30_000,
  ): Promise<ReplyOf<T>> {
    if (this.ended) throw this.ended;
    const id = this.nextId++;
    const reply = await new Promise<GroupReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`client group: no reply to ${command.type} after ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.worker.postMessage({ ...command, id });
    });
    if (reply.type !== expect)
      throw new Error(`client group: expected ${expect}, got ${reply.type}`);
    return reply as ReplyOf<T>;
  }

  /** Close this scenario's clients, if the thread still answers. */
  async closeClients(): Promise<void> {
    if (!this.ended) await this.request({ type: 'close' }, 'ok', 5_000).catch(() => undefined);
  }

  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
