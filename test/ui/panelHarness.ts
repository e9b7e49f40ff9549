import { afterAll, beforeAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { callRecord, push, sessionMessage, startHarness } from './page';

/** A few calls of every kind: a context read, a resolver, a 404 requestRemote, a failed invokeRemote, a pending subscription. */
export function sample() {
  return [
    callRecord({ command: 'getContext', kind: 'context', summary: 'getContext' }),
    callRecord({ command: 'invoke', kind: 'resolver', summary: 'invoke getIssues', request: { value: { functionKey: 'getIssues', payload: { page: 1, query: 'project = SBX' } }, bytes: 60, truncated: false }, response: { value: { issues: [{ key: 'SBX-1', fields: { summary: 'First' } }] }, bytes: 70, truncated: false } }),
    callRecord({ command: 'fetchRemote', kind: 'requestRemote', summary: 'requestRemote remote-a GET /tasks → 404', request: { value: { remoteKey: 'remote-a', fetchRequestInit: { path: '/tasks', method: 'GET' } }, bytes: 60, truncated: false }, response: { value: { status: 404 }, bytes: 20, truncated: false } }),
    callRecord({ command: 'invoke', kind: 'invokeRemote', summary: 'invokeRemote POST /tasks → error', status: 'error', response: null, error: { value: { $fbdt: 'error', text: 'Invalid response from remote' }, bytes: 40, truncated: false } }),
    callRecord({ command: 'on', kind: 'events', summary: 'on sandbox-ping', endedAt: null, status: 'pending', response: null, deliveries: [{ seq: 1, at: 1_700_000_000_100, key: 'callback', args: { value: [{ n: 1 }], bytes: 9, truncated: false } }] }),
  ];
}

/** The panel's harness for a file's tests (started before them, closed after), and `openWith(calls)`: a page showing them. */
export function useHarness() {
  let started: Awaited<ReturnType<typeof startHarness>> | undefined;
  beforeAll(async () => {
    started = await startHarness();
  });
  afterAll(() => started?.close());
  const harness = { open: (query = '', beforeLoad?: (page: Page) => Promise<unknown>) => started!.open(query, beforeLoad) };
  const openWith = async (calls = sample(), query = ''): Promise<Page> => {
    const page = await harness.open(query);
    await push(page, [sessionMessage(calls)]);
    await page.waitForSelector('[role="row"][data-call-id]');
    return page;
  };
  return { harness, openWith };
}
