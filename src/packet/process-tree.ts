import { readdirSync, readFileSync } from 'node:fs';

/**
 * Resident memory and CPU time of a process and all its descendants, read from Linux's /proc:
 * how the packet keeps Chromium's memory in bounds, and what the benchmark reports. Null where
 * there is no /proc (macOS, Windows) or the process is gone.
 */

export interface TreeUsage {
  rss: number;
  /** User and system CPU time so far of the processes alive now. */
  cpuSeconds: number;
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux build Node runs on. */
const ticks = 100;

export function processTree(root: number): TreeUsage | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const children = new Map<number, number[]>();
  const usage = new Map<number, TreeUsage>();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // The command name may hold spaces and parentheses; the fields after its closing one do not.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(pid)]);
      const kib = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      usage.set(Number(pid), { rss: Number(kib ?? 0) * 1024, cpuSeconds: (Number(fields[11]) + Number(fields[12])) / ticks });
    } catch {
      // The process ended while being read: it holds no memory any more.
    }
  }
  if (!usage.has(root)) return null;
  const total = { rss: 0, cpuSeconds: 0 };
  for (const stack = [root]; stack.length > 0;) {
    const pid = stack.pop()!;
    total.rss += usage.get(pid)?.rss ?? 0;
    total.cpuSeconds += usage.get(pid)?.cpuSeconds ?? 0;
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}
