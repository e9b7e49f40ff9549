import { RESOLVER_FUNCTIONS, SITE } from '../app-manifest';
import { sleep } from './http';

/**
 * The app's resolver functions (app-manifest RESOLVER_FUNCTIONS), run in-process for `invoke(functionKey)`.
 * Like @forge/resolver: the function gets `{ payload: payload || {}, context }`, an unknown key throws
 * "Resolver has no definition for '<key>'.", and object results are JSON round-tripped.
 */

export type ResolverFunctionKey = (typeof RESOLVER_FUNCTIONS)[number];

export interface ResolverRequest {
  payload: Record<string, unknown>;
  context: Record<string, unknown>;
}

type ResolverFn = (req: ResolverRequest, signal: AbortSignal) => unknown;

const MAX_SLOW_MS = 120_000;
const MAX_BIG_KB = 20 * 1024;

function num(v: unknown, fallback: number): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

const FUNCTIONS: Record<ResolverFunctionKey, ResolverFn> = {
  getText: () => `Hello from the sandbox resolver (${SITE.issueKey})`,
  getIssues: () => [
    { key: 'SBX-1', summary: 'Bridge calls are invisible', status: 'In Progress' },
    { key: 'SBX-2', summary: 'FIT expiry surprises', status: 'To Do' },
    { key: 'SBX-3', summary: 'invokeRemote 401 handling', status: 'Done' },
  ],
  echo: (req) => req.payload,
  fail: (req) => {
    throw new Error(typeof req.payload.message === 'string' ? req.payload.message : 'Resolver failed on purpose');
  },
  slow: async (req, signal) => {
    const ms = Math.min(Math.max(num(req.payload.ms, 1000), 0), MAX_SLOW_MS);
    await sleep(ms, signal);
    return { sleptMs: ms };
  },
  big: (req) => {
    const kb = Math.min(Math.max(num(req.payload.kb, 100), 0), MAX_BIG_KB);
    return { kb, data: 'x'.repeat(Math.round(kb * 1024)) };
  },
};

export class ResolverNotFound extends Error {
  override readonly name = 'ResolverNotFound';
}

export async function runResolver(functionKey: string, payload: unknown, context: Record<string, unknown>, signal: AbortSignal): Promise<unknown> {
  const fn = Object.prototype.hasOwnProperty.call(FUNCTIONS, functionKey) ? FUNCTIONS[functionKey as ResolverFunctionKey] : undefined;
  if (!fn) throw new ResolverNotFound(`Resolver has no definition for '${functionKey}'.`);
  const req: ResolverRequest = {
    payload: typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {},
    context,
  };
  const result = await fn(req, signal);
  return typeof result === 'object' && result !== null ? JSON.parse(JSON.stringify(result)) : result;
}
