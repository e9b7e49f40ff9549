import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../src/protocol/model';
import { matchCall, parseFilter } from '../../../src/query';
import { call, requestRemote } from '../network/fixtures';

const frame = { url: 'http://localhost:8000/main/index.html?moduleKey=issue-panel' } as never;
const rows = (): { call: CallRecord; frame: never }[] => [
  { call: call('invoke', { functionKey: 'getIssues' }, 0, 30, { kind: 'resolver', summary: 'invoke getIssues' }), frame },
  { call: call('fetchRemote', requestRemote('/tasks'), 0, 900, { kind: 'requestRemote', summary: 'requestRemote remote-a GET /tasks → 404', response: { value: { status: 404 }, bytes: 20_000, truncated: false } }), frame },
  { call: call('getContext', null, 0, null, { kind: 'context', summary: 'getContext' }), frame },
  { call: call('invoke', { path: '/tasks', method: 'POST', invokeType: 'ui-remote-fetch' }, 0, 600, { kind: 'invokeRemote', summary: 'invokeRemote POST /tasks → error', status: 'error' }), frame },
];
const names = (text: string) => rows().filter((r) => matchCall(parseFilter(text), r)).map((r) => r.call.summary.split(' ')[0] + (r.call.kind === 'invokeRemote' ? '*' : ''));

describe('parseFilter / matchCall', () => {
  it('matches free text against summary, command and frame, case-insensitively', () => {
    expect(names('GETISSUES')).toEqual(['invoke']);
    expect(names('issue-panel')).toHaveLength(4);
    expect(names('')).toHaveLength(4);
  });

  it('understands kind:, command:, status:, remote:, path:, is:, duration and size, with negation', () => {
    expect(names('kind:requestRemote')).toEqual(['requestRemote']);
    expect(names('kind:"UI Kit"')).toEqual([]);
    expect(names('command:invoke')).toEqual(['invoke', 'invokeRemote*']);
    expect(names('status:404')).toEqual(['requestRemote']);
    expect(names('status:4xx')).toEqual(['requestRemote']);
    expect(names('remote:remote-a')).toEqual(['requestRemote']);
    expect(names('path:/tasks -kind:invokeRemote')).toEqual(['requestRemote']);
    // A 404 answer is a failed call (issue 16: one definition, the one Compare counts).
    expect(names('is:error')).toEqual(['requestRemote', 'invokeRemote*']);
    expect(names('is:pending')).toEqual(['getContext']);
    expect(names('duration>500')).toEqual(['requestRemote', 'invokeRemote*']);
    expect(names('duration<=30')).toEqual(['invoke']);
    expect(names('size>10k')).toEqual(['requestRemote']);
    expect(names('-getContext -is:error')).toEqual(['invoke']);
  });

  it('reports what it did not understand and treats it as text', () => {
    const parsed = parseFilter('colour:red duration>fast is:done');
    expect(parsed.problems.map((p) => p.term)).toEqual(['colour:red', 'duration>fast', 'is:done']);
    expect(parsed.problems[0]!.message).toBe('unknown filter "colour" (known: kind, command, status, frame, remote, path, is, duration, size)');
    expect(parsed.problems.slice(1).map((p) => p.message)).toEqual(['duration needs a number in ms (500, 2s)', 'is: takes error, pending or ok']);
    expect(parsed.terms).toEqual(['colour:red', 'duration>fast', 'is:done'].map((value) => ({ type: 'text', value, negate: false })));
  });

  it('filters 100,000 rows correctly', () => {
    const many = Array.from({ length: 100_000 }, (_, i) => ({ call: call('invoke', { functionKey: `f${i % 10}` }, 0, i % 1000, { kind: 'resolver', summary: `invoke f${i % 10}` }) }));
    const filter = parseFilter('f3 duration>900');
    expect(many.filter((r) => matchCall(filter, r))).toHaveLength(many.filter((r) => r.call.summary === 'invoke f3' && r.call.endedAt! > 900).length);
  });
});
