import type { TraceV2 } from '../protocol/model';
import type { Har } from '../network/har';
import { traceFromOwnHar } from './harOwn';
import { traceFromBrowserHar } from './harRebuild';
import { validateHarInput } from './schema/validators.js';
import { problemsOf } from './schemaProblems';

/**
 * A trace from a HAR file: one this tool saved comes back exactly; a browser's gets its Forge calls rebuilt
 * from the traffic. An error names what is wrong: a damaged HAR, or one without Forge traffic.
 */
export function traceFromHar(value: unknown, now: number): { trace: TraceV2; notes: string[] } | { error: string } {
  const problems = problemsOf(validateHarInput, value); // schema/har-input.schema.json: the parts import reads
  if (problems.length > 0) return { error: `The HAR file is damaged: ${problems.join('; ')}.` };
  const har = value as Har;
  const own = traceFromOwnHar(har);
  if (own === null) return traceFromBrowserHar(har, now);
  return 'error' in own ? own : { trace: own.trace, notes: ['Opened a HAR saved by Forge Bridge DevTools.'] };
}
