import type { CallRecord, FrameRecord } from '../protocol/model';
import type { CallPhases } from '../protocol/tokens';

const BLOCK_CHARS = 2048;

function block(value: unknown): string {
  const text = JSON.stringify(value, null, 2) ?? 'undefined';
  const cut = text.length > BLOCK_CHARS;
  return `\`\`\`json\n${cut ? text.slice(0, BLOCK_CHARS) : text}\n\`\`\`${cut ? `\n_(cut at ${BLOCK_CHARS} characters of ${text.length})_` : ''}`;
}

/** A call as Markdown for an issue: what, where, outcome, timing, and request/response (bounded). */
export function callAsMarkdown(call: CallRecord, frame: FrameRecord | null, extras: { phases?: CallPhases | null } = {}): string {
  const duration = call.endedAt === null ? 'pending' : `${(call.endedAt - call.startedAt).toFixed(1)} ms`;
  const lines = [
    `### ${call.summary}`,
    '',
    `- **Command:** \`${call.command}\` (${call.kind})`,
    `- **Frame:** ${frame ? `\`${frame.url}\`` : `\`${call.frameKey}\``}`,
    `- **Outcome:** ${call.status}`,
    `- **Started:** ${new Date(call.startedAt).toISOString()} · **Duration:** ${duration}`,
  ];
  const p = extras.phases;
  if (p?.network) {
    const parts = [
      ['bridge out', p.bridgeOutMs], ['token', p.tokenFetchMs], ['wait', p.network.wait], ['receive', p.network.receive], ['bridge back', p.bridgeBackMs], ['app time', p.appTimeMs], ['platform', p.platformOverheadMs],
    ].filter(([, v]) => typeof v === 'number') as [string, number][];
    lines.push(`- **Timing:** ${parts.map(([k, v]) => `${k} ${v.toFixed(1)} ms`).join(', ')}`);
  }
  lines.push('', '**Request**', '', block(call.request.value));
  if (call.status === 'ok' && call.response) lines.push('', '**Response**', '', block(call.response.value));
  if (call.status === 'error' && call.error) lines.push('', '**Error**', '', block(call.error.value));
  return lines.join('\n');
}
