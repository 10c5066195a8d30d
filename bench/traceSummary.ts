/**
 * Sums a Chromium trace's main-thread events by name (bench/boardRender.ts --trace): where the
 * time a CPU profile calls "(program)" goes (style, layout, paint, layerize, parsing…).
 * Self time: an event's duration minus its children's on the same thread.
 *
 * Run: node --import tsx bench/traceSummary.ts <trace.json> [--top 30]
 */
import fs from 'node:fs';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

const args = process.argv.slice(2);
const file = args[0];
if (!file) throw new Error('usage: traceSummary.ts <trace.json> [--top n]');
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as
  TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(raw) ? raw : raw.traceEvents;

// The renderer's main thread: the thread named CrRendererMain with the most complete events.
const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const count = (pid: number, tid: number) =>
  events.filter((e) => e.pid === pid && e.tid === tid && e.ph === 'X').length;
const main = mains.sort((a, b) => count(b.pid, b.tid) - count(a.pid, a.tid))[0];
if (!main) throw new Error('no renderer main thread in the trace');
const complete = events
  .filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur !== undefined)
  .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));

const self = new Map<string, number>();
const total = new Map<string, number>();
const stack: { end: number; name: string }[] = [];
for (const event of complete) {
  const dur = event.dur ?? 0;
  while (stack.length > 0 && (stack.at(-1)?.end ?? 0) <= event.ts) stack.pop();
  const parent = stack.at(-1);
  if (parent) self.set(parent.name, (self.get(parent.name) ?? 0) - dur / 1000);
  self.set(event.name, (self.get(event.name) ?? 0) + dur / 1000);
  if (!stack.some((s) => s.name === event.name))
    total.set(event.name, (total.get(event.name) ?? 0) + dur / 1000);
  stack.push({ end: event.ts + dur, name: event.name });
}
for (const [title, map] of [
  ['self ms', self],
  ['total ms', total],
] as const) {
  process.stdout.write(`\n## main thread, ${title}\n`);
  for (const [name, ms] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${ms.toFixed(1).padStart(9)}  ${name}\n`);
}
