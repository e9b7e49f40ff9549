import { render } from 'preact';
import type { CallRecord, FrameRecord } from '../protocol';
import { CallTable } from './CallTable';
import { buildRows, sortRows, type Row } from './listModel';

const T0 = Date.UTC(2026, 0, 1);
const FRAME: FrameRecord = {
  key: 'warm:frame', frameId: 1, docId: 'warm', url: 'https://warm.invalid/app/index.html?moduleKey=warm-up', isTop: false, parentUrl: 'https://warm.invalid/', firstSeenAt: T0,
  hookReady: true, bridge: null, transport: 'post-robot', segment: 0,
};

function call(i: number, over: Partial<CallRecord>): CallRecord {
  return {
    id: `warm:frame#${i}`, frameKey: FRAME.key, callId: i, segment: 0, command: 'invoke', kind: 'resolver', summary: 'invoke warmUp',
    startedAt: T0 + i * 5, endedAt: T0 + i * 5 + 3, status: 'ok', request: { value: { functionKey: 'warmUp' }, bytes: 20, truncated: false },
    response: { value: { ok: true }, bytes: 11, truncated: false }, error: null, deliveries: [], deliveriesDropped: 0, ...over,
  };
}

const remote = (status: number): Partial<CallRecord> => ({
  command: 'fetchRemote', kind: 'requestRemote', summary: `requestRemote warm GET /w → ${status}`,
  request: { value: { remoteKey: 'warm', fetchRequestInit: { path: '/w', method: 'GET' } }, bytes: 60, truncated: false },
  response: { value: { status, body: '{}' }, bytes: 20, truncated: false },
});

/** A call of each shape a row takes: settled, HTTP ok and failed, rejected, pending, with and without a call site. */
function warmCalls(): CallRecord[] {
  return [
    call(1, {}),
    call(2, remote(200)),
    call(3, remote(404)),
    call(4, { status: 'error', response: null, error: { value: { message: 'no' }, bytes: 15, truncated: false }, initiator: { frames: [{ fn: 'load', url: 'https://warm.invalid/app/main.js', line: 1, column: 2 }] } }),
    call(5, { status: 'pending', endedAt: null, response: null }),
    call(6, { status: 'pending', endedAt: null, response: null, ...remote(200), summary: 'requestRemote warm GET /w' }),
  ];
}

const noop = () => undefined;

/** The user-timing measure the warm-up leaves (a profile shows it; the UI tests wait for it). */
export const WARMUP_MEASURE = 'fbdt call list warm-up';

/**
 * Draws the call list once with a row of each shape, then again with every slot given another call (the
 * in-place rewrite that settling and scrolling take), each laid out, then removes it, all in one task. The
 * element is in the document only within that task, out of view, `visibility: hidden`, `inert` and
 * `aria-hidden`: it is never painted, focused, hit or read out. Laying it out loads the list's fonts (the
 * Summary column's monospace, bold and italic statuses) and shapes its text: the first update of a live
 * stream, its slowest, spent as long waiting on those as computing (test/bench/profilePanelStreamFirst.ts).
 * The panel calls it while idle before its first call, so the first real rows also run code already compiled.
 */
export function warmCallList(): void {
  const start = performance.now();
  const host = document.createElement('div');
  host.setAttribute('aria-hidden', 'true');
  host.inert = true;
  host.style.cssText = 'position:fixed;left:-20000px;top:0;width:1200px;height:400px;visibility:hidden;pointer-events:none;contain:strict';
  const calls = warmCalls();
  const rows = sortRows(buildRows(calls, [FRAME], []), { key: 'time', descending: false });
  const settled = calls.map((c) => (c.status === 'pending' ? { ...c, status: 'ok' as const, endedAt: c.startedAt + 4, response: { value: { status: 200, body: '{}' }, bytes: 20, truncated: false } } : c));
  const draw = (list: Row[], selectedId: string | null) =>
    render(<CallTable rows={list} hidden={new Set()} sort={{ key: 'time', descending: false }} onSort={noop} selectedId={selectedId} onSelect={noop} onOpen={noop} now={T0 + 100} />, host);
  const laidOut = () => void host.offsetHeight;
  document.body.append(host);
  try {
    draw(rows, null);
    laidOut();
    draw(buildRows(settled, [FRAME], []), rows[0]!.call.id);
    laidOut();
    draw([...rows.slice(1), rows[0]!], null);
    laidOut();
  } finally {
    render(null, host);
    host.remove();
  }
  performance.measure(WARMUP_MEASURE, { start, end: performance.now() });
}

/** warmCallList once the browser is idle (within a second). Returns a cancel. */
export function warmCallListWhenIdle(): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(warmCallList, { timeout: 1000 });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(warmCallList, 50);
  return () => clearTimeout(handle);
}
