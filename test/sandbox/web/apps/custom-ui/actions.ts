import { events, invoke, invokeRemote, Modal, realtime, requestConfluence, requestJira, requestRemote, router, showFlag, view } from '@forge/bridge';
import { FINDING_SCENARIOS } from './scenarioNames';

/** Every bridge command the sandbox app exercises, by name: what tests run and people click. */
export const ACTIONS: Record<string, (args?: unknown) => Promise<unknown>> = {
  getContext: () => view.getContext(),
  invoke: (args) => invoke('echo', (args as object) ?? { hello: 'sandbox' }),
  invokeGetIssues: () => invoke('getIssues'),
  invokeFail: () => invoke('fail', { reason: 'asked to fail' }),
  invokeUnknown: () => invoke('noSuchFunction'),
  invokeSlow: (args) => invoke('slow', (args as object) ?? { ms: 1500 }),
  invokeRemote: () => invokeRemote({ path: '/tasks', method: 'GET' }),
  invokeRemotePost: () => invokeRemote({ path: '/tasks', method: 'POST', body: { title: 'From the sandbox' } }),
  invokeRemote404: () => invokeRemote({ path: '/status/404', method: 'GET' }),
  invokeRemote500NoBody: () => invokeRemote({ path: '/status/500?body=none', method: 'GET' }),
  requestRemote: () => requestRemote('remote-a', { path: '/tasks', method: 'GET' }),
  requestRemotePost: () => requestRemote('remote-a', { path: '/tasks', method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'direct' }) }),
  requestRemote404: () => requestRemote('remote-a', { path: '/status/404', method: 'GET' }),
  requestRemoteText: () => requestRemote('remote-a', { path: '/text', method: 'GET' }),
  requestRemoteUpload: () => {
    const form = new FormData();
    form.append('file', new Blob(['hello from the sandbox'], { type: 'text/plain' }), 'hello.txt');
    form.append('note', 'an upload');
    return requestRemote('remote-a', { path: '/upload', method: 'POST', body: form });
  },
  requestRemoteDownload: () => requestRemote('remote-a', { path: '/download', method: 'GET' }),
  requestJira: () => requestJira('/rest/api/3/myself'),
  requestJiraIssue: () => requestJira('/rest/api/3/issue/SBX-1'),
  requestConfluence: () => requestConfluence('/wiki/rest/api/content'),
  emit: () => events.emit('sandbox-event', { from: 'custom-ui', n: 1 }),
  on: async () => {
    const received = new Promise((resolve) => {
      void events.on('sandbox-ping', (payload: unknown) => resolve(payload));
    });
    await events.emit('sandbox-ping', { ping: true });
    return received;
  },
  realtime: async () => {
    const received = new Promise((resolve) => {
      void realtime.subscribe('sandbox-channel', (payload: unknown) => resolve(payload));
    });
    await new Promise((r) => setTimeout(r, 10));
    await realtime.publish('sandbox-channel', 'hello realtime');
    return received;
  },
  showFlag: async () => {
    const flag = showFlag({ id: 'sandbox-flag', title: 'Saved', description: 'From the sandbox', type: 'success', isAutoDismiss: false });
    await flag.close();
    return 'shown and closed';
  },
  openModal: () => new Modal({ resource: 'modal', size: 'small', title: 'Sandbox modal' }).open(),
  navigate: () => router.navigate('/browse/SBX-2'),
  getUrl: () => router.getUrl({ target: 'issue', issueKey: 'SBX-2' } as never).then(String),
  createHistory: async () => {
    const history = await view.createHistory();
    return { pathname: history.location.pathname };
  },
  changeWindowTitle: () => view.changeWindowTitle('Sandbox title'),
  emitReadyEvent: () => view.emitReadyEvent(),
  theming: () => view.theme.enable(),
  // Scenarios for the extension's findings (test/e2e/insights.e2e.ts): each shows one problem an app can have.
  invokeMisnamed: () => invoke('getIssue'),
  repeatGetContext: () => Promise.all([view.getContext(), view.getContext(), view.getContext()]),
  chain: async () => {
    await invoke('slow', { ms: 150 });
    await invoke('slow', { ms: 160 });
    return invoke('slow', { ms: 170 });
  },
};


/** The order of `scenario('all')`: every action once, deterministic. */
export const SCENARIO_ALL = Object.keys(ACTIONS).filter((name) => name !== 'openModal' && name !== 'navigate' && !FINDING_SCENARIOS.has(name));
