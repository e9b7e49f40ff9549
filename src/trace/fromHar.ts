import type { TraceV2 } from '../protocol/model';
import type { Har } from '../network/har';
import { traceFromOwnHar } from './harOwn';
import { traceFromBrowserHar } from './harRebuild';
import { SchemaCompiler, type Report } from './schemaCheck';

/** The parts of a HAR that import reads; anything else in a HAR is ignored. */
const HAR_INPUT_SCHEMA = {
  $id: 'har-input.json',
  type: 'object',
  required: ['log'],
  properties: {
    log: {
      type: 'object',
      required: ['entries'],
      properties: {
        pages: { type: 'array', items: { type: 'object', required: ['id', 'startedDateTime'], properties: { id: { type: 'string' }, startedDateTime: { type: 'string' }, title: { type: 'string' } } } },
        entries: { type: 'array', items: { $ref: '#/definitions/entry' } },
      },
    },
  },
  definitions: {
    headers: { type: 'array', items: { type: 'object', required: ['name', 'value'], properties: { name: { type: 'string' }, value: { type: 'string' } } } },
    entry: {
      type: 'object',
      required: ['startedDateTime', 'request', 'response'],
      properties: {
        startedDateTime: { type: 'string' },
        time: { type: 'number' },
        request: {
          type: 'object',
          required: ['method', 'url', 'headers'],
          properties: { method: { type: 'string' }, url: { type: 'string' }, headers: { $ref: '#/definitions/headers' }, postData: { type: 'object', properties: { text: { type: 'string' } } } },
        },
        response: {
          type: 'object',
          required: ['status', 'headers', 'content'],
          properties: { status: { type: 'number' }, headers: { $ref: '#/definitions/headers' }, content: { type: 'object', properties: { text: { type: 'string' }, encoding: { type: 'string' } } } },
        },
        timings: { type: 'object' },
      },
    },
  },
};

let checkHar: ((value: unknown, report: Report) => void) | null = null;

function harProblems(value: unknown, max = 5): string[] {
  const problems: string[] = [];
  checkHar ??= new SchemaCompiler().add(HAR_INPUT_SCHEMA).checker('har-input.json');
  checkHar(value, (path, message) => problems.push(`${path}: ${message}`) < max);
  return problems;
}

/**
 * A trace from a HAR file: one this tool saved comes back exactly; a browser's gets its Forge calls rebuilt
 * from the traffic. An error names what is wrong: a damaged HAR, or one without Forge traffic.
 */
export function traceFromHar(value: unknown, now: number): { trace: TraceV2; notes: string[] } | { error: string } {
  const problems = harProblems(value);
  if (problems.length > 0) return { error: `The HAR file is damaged: ${problems.join('; ')}.` };
  const har = value as Har;
  const own = traceFromOwnHar(har);
  if (own === null) return traceFromBrowserHar(har, now);
  return 'error' in own ? own : { trace: own.trace, notes: ['Opened a HAR saved by Forge Bridge DevTools.'] };
}
