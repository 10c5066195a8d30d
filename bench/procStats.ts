import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

/** Clock ticks per second for /proc/<pid>/stat times (100 on every common Linux). */
const clockTicks = (() => {
  try {
    const value = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(value) && value > 0 ? value : 100;
  } catch {
    return 100;
  }
})();

/** User + system CPU time a process has used so far, in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  // The command name (field 2) may contain spaces and parentheses: count fields after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // Fields 14 (utime) and 15 (stime) of stat(5), i.e. indexes 11 and 12 after the state field.
  const ticks = Number(fields[11]) + Number(fields[12]);
  return (ticks * 1000) / clockTicks;
}

/** Peak resident set size (VmHWM) of a process, in bytes. */
export function peakRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmHWM:\s+(\d+)\s+kB$/m.exec(status);
  if (!match?.[1]) throw new Error(`no VmHWM in /proc/${pid}/status`);
  return Number(match[1]) * 1024;
}

/**
 * CPU time every core of the machine has spent busy so far, in milliseconds (from /proc/stat):
 * what the server and the harness did not use of it was used by other processes.
 */
export function machineBusyCpuMs(): number {
  const line = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
  // cpu  user nice system idle iowait irq softirq steal …: idle, waiting for I/O and time
  // the hypervisor gave to other machines are not work done here.
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  const busy = user + nice + system + irq + softirq;
  return (busy * 1000) / clockTicks;
}

/** CPU used between two samples as a percentage of one core. */
export function cpuPercent(cpuMsDelta: number, wallMs: number): number {
  return wallMs > 0 ? (100 * cpuMsDelta) / wallMs : 0;
}
