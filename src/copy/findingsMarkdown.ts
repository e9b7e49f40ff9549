import type { Finding } from '../protocol/findings';
import { newPass, redactString } from '../redact';
import { escapeMarkdown } from './markdownText';

const SEVERITY: Record<Finding['severity'], string> = { error: 'Error', warning: 'Warning', info: 'Note' };

/** One finding as a Markdown list item: severity and title, then the numbers, the fix and the docs link. */
function findingItem(f: Finding, text: (t: string) => string): string {
  return [
    `- **${SEVERITY[f.severity]}: ${escapeMarkdown(text(f.title))}**`,
    `  ${escapeMarkdown(text(f.numbers))}`,
    `  Fix: ${escapeMarkdown(text(f.fix))}`,
    `  Docs: [${escapeMarkdown(f.docs.title)}](${f.docs.url.replace(/[()\s]/g, encodeURIComponent)}) · ${f.callIds.length} ${f.callIds.length === 1 ? 'call' : 'calls'} as evidence`,
  ].join('\n');
}

/**
 * Findings as a Markdown section for an issue, most costly first as given, redacted like a shared trace
 * (JWT signatures stripped) unless `redact: false`. Empty string when there are none.
 */
export function findingsAsMarkdown(findings: readonly Finding[], options: { redact?: boolean; heading?: string } = {}): string {
  if (findings.length === 0) return '';
  const pass = options.redact === false ? null : newPass();
  const text = (t: string) => (pass ? redactString(t, pass) : t);
  return [`#### ${options.heading ?? 'Findings'}`, '', ...findings.map((f) => findingItem(f, text))].join('\n');
}
