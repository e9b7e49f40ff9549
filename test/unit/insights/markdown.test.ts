import { describe, expect, it } from 'vitest';
import { callAsMarkdown, findingsAsMarkdown } from '../../../src/copy';
import { findInsights } from '../../../src/insights';
import { jwt } from '../tokens/fixtures';
import { input, made, resolver } from './fixtures';

const PLANTED = jwt({ iss: 'forge/invocation-token', aud: 'ari:cloud:ecosystem::app/1', exp: 2_000_000_000 });

describe('findings as Markdown', () => {
  const missing = resolver('getIsue', 0, 100, { error: new Error("Resolver has no definition for 'getIsue'.") });
  const calls = [missing, resolver('getIssues', 10, 80), made('getContext', null, 200, 220), made('getContext', null, 300, 330)];
  const findings = findInsights(input(calls));

  it('lists each finding with its severity, numbers, fix and docs link, Markdown syntax taken literally', () => {
    const text = findingsAsMarkdown(findings);
    expect(text.split('\n').slice(0, 6)).toEqual([
      '#### Findings',
      '',
      "- **Error: invoke\\('getIsue'\\) failed: no resolver function is defined under that name**",
      "  1 call, each failing with \"no definition\". Functions that answered in this frame: 'getIssues'.",
      "  Fix: Call invoke\\('getIssues'\\) or define resolver.define\\('getIsue', …\\) in the app's resolver.",
      '  Docs: [@forge/resolver: resolver.define](https://developer.atlassian.com/platform/forge/runtime-reference/forge-resolver/) · 1 call as evidence',
    ]);
    expect(findingsAsMarkdown([])).toBe('');
  });

  it('puts the findings about a call into that call\'s Markdown, and only those', () => {
    expect(callAsMarkdown(missing, null, { findings })).toContain('#### Findings about this call');
    expect(callAsMarkdown(missing, null, { findings })).not.toContain('getContext made');
    expect(callAsMarkdown(calls[1]!, null, { findings })).not.toContain('Findings about this call');
  });

  it('strips a JWT signature from finding text unless asked not to', () => {
    const f = { ...findings[0]!, numbers: `Seen with ${PLANTED}.` };
    expect(findingsAsMarkdown([f])).not.toContain(PLANTED);
    expect(findingsAsMarkdown([f], { redact: false })).toContain(PLANTED);
  });
});
