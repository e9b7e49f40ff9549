import type { CpuProfile } from './burst';

export interface ProfileLine {
  name: string;
  selfMs: number;
  share: number;
}

const place = (url: string, line: number) => (url ? `${url.replace(/^chrome-extension:\/\/[^/]+\//, '')}:${line + 1}` : '');

/** Self time per function of a V8 CPU profile, largest first; idle time ("(idle)") is left out of the shares. */
export function selfTimes(profile: CpuProfile): { busyMs: number; lines: ProfileLine[] } {
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byNode.get(profile.samples[i]!);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const name = `${functionName || '(anonymous)'} ${place(url, lineNumber)}`.trim();
    self.set(name, (self.get(name) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  self.delete('(idle)');
  let busyMs = 0;
  for (const ms of self.values()) busyMs += ms;
  const lines = [...self].map(([name, selfMs]) => ({ name, selfMs, share: selfMs / busyMs })).sort((a, b) => b.selfMs - a.selfMs);
  return { busyMs, lines };
}

/** Markdown table of the top `limit` functions by self time, with µs per call. */
export function profileTable(profile: CpuProfile, calls: number, limit = 25): string {
  const { busyMs, lines } = selfTimes(profile);
  const rows = lines.slice(0, limit).map((l) => `| ${l.name.replace(/\|/g, '\\|')} | ${l.selfMs.toFixed(1)} | ${(l.share * 100).toFixed(1)} % | ${((l.selfMs * 1000) / calls).toFixed(1)} |`);
  return [
    `Worker busy ${busyMs.toFixed(0)} ms over ${calls.toLocaleString('en')} calls: ${((busyMs * 1000) / calls).toFixed(1)} µs per call.`,
    '',
    '| function (self time) | ms | share of busy | µs per call |',
    '|---|---|---|---|',
    ...rows,
  ].join('\n');
}
