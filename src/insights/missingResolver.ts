import { errorMessageOf } from '../bridge/errorMessage';
import type { Finding } from '../protocol/findings';
import type { CallRecord } from '../protocol/model';
import { isDescription, SNAPSHOT_MARKER } from '../protocol/snapshot';
import { durationOf } from '../protocol/model';
import { functionKeyOf } from './callLabel';
import { closestName } from './closestName';
import { DOCS } from './docs';
import { groupInRuns } from './groupInRuns';
import type { FrameRule } from './types';
import { plural } from './words';

/** @forge/resolver's "Resolver has no definition for 'x'." and the other ways a missing function is worded. */
const NOT_DEFINED = /no definition for|is not defined|not (?:been )?defined|function[^.]* (?:was )?not found|does not exist|no such function|unknown function/i;

const returnedUndefined = (call: CallRecord) => call.status === 'ok' && isDescription(call.response?.value) && call.response!.value[SNAPSHOT_MARKER] === 'undefined';
const notDefined = (call: CallRecord) => call.status === 'error' && NOT_DEFINED.test(errorMessageOf(call.error?.value));

/**
 * A resolver `invoke` whose function does not exist: it failed with "no definition", or it returned
 * `undefined` every time (forge-facts §6: "invoke() returns undefined, no errors in logs" when the name does
 * not match a `resolver.define`). Names the functions that did answer in the same frame, nearest first.
 */
export const missingResolver: FrameRule = {
  scope: 'frame',
  run(frame, calls) {
    const byKey = groupInRuns(calls, (call) => (call.kind !== 'resolver' || call.status === 'pending' ? null : functionKeyOf(call)));
    const answered = [...byKey].filter(([, list]) => list.some((c) => c.status === 'ok' && !returnedUndefined(c))).map(([key]) => key);
    const out: Finding[] = [];
    for (const [key, list] of byKey) {
      const missing = list.every(notDefined);
      const silent = !missing && list.every(returnedUndefined);
      if (!missing && !silent) continue;
      const guess = closestName(key, answered);
      const others = answered.length ? `Functions that answered in this frame: ${answered.map((k) => `'${k}'`).join(', ')}.` : 'No resolver function answered in this frame.';
      out.push({
        id: `missing-resolver:${frame?.key ?? ''}:${key}`,
        rule: 'missing-resolver',
        severity: missing ? 'error' : 'warning',
        title: missing ? `invoke('${key}') failed: no resolver function is defined under that name` : `invoke('${key}') returned undefined every time: the name may not match a resolver.define`,
        numbers: `${plural(list.length, 'call')}, ${missing ? 'each failing with "no definition"' : 'each resolving to undefined'}. ${others}`,
        fix: guess
          ? `Call invoke('${guess}') or define resolver.define('${key}', …) in the app's resolver.`
          : `Define resolver.define('${key}', …) in the app's resolver (the key must match exactly), or call a name that is defined.`,
        docs: DOCS.resolver,
        callIds: list.map((c) => c.id),
        costMs: list.reduce((sum, c) => sum + (durationOf(c) ?? 0), 0),
      });
    }
    return out;
  },
};
