/**
 * Reads a CDP CPU profile (bench/boardRender.ts --profile) and prints where the time went: the
 * functions with the most self time and the most total time, and the source files with the most
 * self time. Bundle positions are mapped to their source files with the build's sourcemaps (build
 * the client with `npx vite build --minify false --sourcemap --outDir <dir>`, serve it with
 * --client-dist <dir> and pass the same dir here).
 *
 * Run: node --import tsx bench/profileSummary.ts <file.cpuprofile> [--dist <client build>] [--top 40]
 */
import fs from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const args = process.argv.slice(2);
const flag = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? (args[i + 1] as string) : fallback;
};
const file = args[0];
if (!file) throw new Error('usage: profileSummary.ts <file.cpuprofile> [--dist dir] [--top n]');
const dist = flag('dist', '');
const top = Number(flag('top', '40'));

// --- sourcemaps: a minimal VLQ decoder, enough to find a generated position's source file.
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decodeVlq(segment: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = B64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      out.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return out;
}

/** For each generated line, [column, source index] pairs in column order. */
type LineMap = [number, number][][];
const maps = new Map<string, { sources: string[]; lines: LineMap } | null>();

function loadMap(url: string) {
  if (maps.has(url)) return maps.get(url) ?? null;
  let result: { sources: string[]; lines: LineMap } | null = null;
  const pathname = url.startsWith('http') ? new URL(url).pathname : '';
  const mapFile = dist && pathname ? path.join(dist, `${pathname}.map`) : '';
  if (mapFile && fs.existsSync(mapFile)) {
    const raw = JSON.parse(fs.readFileSync(mapFile, 'utf8')) as {
      sources: string[];
      mappings: string;
    };
    const lines: LineMap = [];
    let source = 0;
    for (const line of raw.mappings.split(';')) {
      const segments: [number, number][] = [];
      let column = 0;
      for (const segment of line.split(',')) {
        if (!segment) continue;
        const fields = decodeVlq(segment);
        column += fields[0] ?? 0;
        if (fields.length >= 4) {
          source += fields[1] ?? 0;
          segments.push([column, source]);
        }
      }
      lines.push(segments);
    }
    result = { sources: raw.sources, lines };
  }
  maps.set(url, result);
  return result;
}

/** A short name for the source a frame's code comes from. */
function sourceOf(frame: CallFrame): string {
  if (!frame.url) return `(${frame.functionName || 'native'})`;
  const map = loadMap(frame.url);
  if (!map) return frame.url.replace(/^https?:\/\/[^/]+/, '');
  const segments = map.lines[frame.lineNumber] ?? [];
  let found: number | undefined;
  for (const [column, source] of segments) {
    if (column > frame.columnNumber) break;
    found = source;
  }
  if (found === undefined) found = segments[0]?.[1];
  const source = found === undefined ? '?' : (map.sources[found] ?? '?');
  return source
    .replace(/^(\.\.\/)+/, '')
    .replace(/.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, '')
    .replace(/^.*\/client\/src\//, 'client/src/');
}

const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const selfTime = new Map<number, number>();
profile.samples.forEach((id, i) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
});

const label = (frame: CallFrame) =>
  `${frame.functionName || '(anonymous)'} ${sourceOf(frame)}:${frame.lineNumber + 1}`;

const selfByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
const totalByFunction = new Map<string, number>();
let all = 0;
for (const [id, ms] of selfTime) {
  const node = byId.get(id);
  if (!node) continue;
  all += ms;
  const key = label(node.callFrame);
  selfByFunction.set(key, (selfByFunction.get(key) ?? 0) + ms);
  const source = sourceOf(node.callFrame);
  selfByFile.set(source, (selfByFile.get(source) ?? 0) + ms);
  // Total time: each function on the stack once (recursion counted once).
  const seen = new Set<string>();
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
    const frame = byId.get(at)?.callFrame;
    if (!frame) break;
    const name = label(frame);
    if (seen.has(name)) continue;
    seen.add(name);
    totalByFunction.set(name, (totalByFunction.get(name) ?? 0) + ms);
  }
}

function print(title: string, entries: Map<string, number>) {
  process.stdout.write(`\n## ${title}\n`);
  for (const [key, ms] of [...entries].sort((a, b) => b[1] - a[1]).slice(0, top))
    process.stdout.write(`${ms.toFixed(1).padStart(9)} ms  ${key}\n`);
}

process.stdout.write(`${file}: ${all.toFixed(0)} ms sampled\n`);
print('self time by source file', selfByFile);
print('self time by function', selfByFunction);
print('total time by function', totalByFunction);
