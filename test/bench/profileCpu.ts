import { readdir, readFile } from 'node:fs/promises';

/** Clock ticks per second of /proc's utime and stime (USER_HZ: 100 on Linux). */
const TICKS_PER_SECOND = 100;

async function stat(pid: string): Promise<{ ppid: number; ticks: number } | null> {
  try {
    const text = await readFile(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces: the fields after it start past its closing parenthesis.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null; // gone meanwhile
  }
}

/**
 * CPU time (ms, user + system) used so far by a process and all its descendants (a browser: its renderers,
 * GPU and utility processes, the extension's service worker). Linux only; null elsewhere. Children that
 * exited are not counted (Chromium's stay up while a page is open).
 */
export async function treeCpuMs(rootPid: number | undefined): Promise<number | null> {
  if (rootPid === undefined || process.platform !== 'linux') return null;
  const pids = (await readdir('/proc')).filter((n) => /^\d+$/.test(n));
  const all = new Map<number, { ppid: number; ticks: number }>();
  await Promise.all(pids.map(async (p) => {
    const s = await stat(p);
    if (s) all.set(Number(p), s);
  }));
  const inTree = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, s] of all) if (!inTree.has(pid) && inTree.has(s.ppid)) (inTree.add(pid), (grew = true));
  }
  let ticks = 0;
  for (const pid of inTree) ticks += all.get(pid)?.ticks ?? 0;
  return (ticks * 1000) / TICKS_PER_SECOND;
}
