import { invoke, view } from '@forge/bridge';
import { ACTIONS, SCENARIO_ALL } from './actions';
import { FAILS_ON_PURPOSE } from './scenarioNames';
import { normalise, observe, type Outcome } from './outcome';

/**
 * The sandbox's Custom UI app. Loaded as a synchronous <script> in <head>, so its first calls are made
 * while the page parses. window.__sandboxApp is the test API: run(name, args), burst(n, name), scenario('all').
 */
const log: { name: string; outcome: Outcome }[] = [];

async function run(name: string, args?: unknown): Promise<Outcome> {
  const action = ACTIONS[name];
  const outcome = action ? await observe(() => action(args)) : { ok: false as const, error: { name: 'Error', message: `no action ${name}`, ctor: 'Error', keys: [] } };
  log.push({ name, outcome });
  return outcome;
}

async function burst(n: number, name: string): Promise<{ ok: number; error: number }> {
  const action = ACTIONS[name];
  if (!action) throw new Error(`no action ${name}`);
  const results = await Promise.allSettled(Array.from({ length: n }, () => action()));
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  return { ok, error: n - ok };
}

async function scenario(name: string): Promise<unknown[]> {
  if (name !== 'all') throw new Error(`no scenario ${name}`);
  const outcomes: unknown[] = [];
  for (const action of SCENARIO_ALL) outcomes.push({ action, outcome: normalise(await run(action)) });
  return outcomes;
}

// Made while the page parses: the extension must already be listening. With ?startDelayMs=N (the slow-start
// scenario) the first calls wait N ms instead.
const startDelayMs = Number(new URLSearchParams(location.search).get('startDelayMs')) || 0;
const firstCalls = () => Promise.all([observe(() => view.getContext()), observe(() => invoke('getText'))]);
const parseTime = startDelayMs > 0 ? new Promise((resolve) => setTimeout(resolve, startDelayMs)).then(firstCalls) : firstCalls();

(window as unknown as Record<string, unknown>).__sandboxApp = { ready: parseTime.then(() => true), run, burst, scenario, log, actions: Object.keys(ACTIONS) };

document.addEventListener('DOMContentLoaded', () => {
  const list = document.getElementById('actions');
  const out = document.getElementById('output');
  if (!list || !out) return;
  if (new URLSearchParams(location.search).get('modal') === '1') {
    const close = document.createElement('button');
    close.textContent = 'Close modal';
    close.onclick = () => void view.close({ closedBy: 'sandbox' });
    list.append(close);
  }
  for (const name of Object.keys(ACTIONS)) {
    const button = document.createElement('button');
    const why = FAILS_ON_PURPOSE[name];
    button.textContent = why ? `${name} (fails on purpose)` : name;
    if (why) button.title = `Fails on purpose: ${why}`;
    button.onclick = async () => {
      out.textContent = JSON.stringify(await run(name), null, 2).slice(0, 2000);
    };
    list.append(button);
  }
});
