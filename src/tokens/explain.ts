import { CLAIM_GROUPS, groupOf, isDeprecatedClaim, meaningOf, OTHER_GROUP, type ClaimTokenType } from './claimMeanings';

/** A token's claims grouped and explained in plain words, for the panel's Token tab. */
export interface ClaimRow {
  key: string;
  value: string;
  meaning: string;
  /** A claim that names a newer one to read instead (app.license.isActive → active). */
  deprecated: boolean;
}

export interface ClaimGroup {
  group: string;
  rows: ClaimRow[];
}

/** Objects (and arrays of objects) are opened this deep (app.installation.contexts[0].cloudId); what is below shows as JSON. */
const MAX_KEY_DEPTH = 4;
const MAX_ARRAY_ENTRIES = 20;
const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp']);

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function flatten(value: unknown, key: string, out: [string, unknown][]): void {
  const roomy = key === '' || key.split('.').length < MAX_KEY_DEPTH;
  if (roomy && isObject(value)) {
    for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out);
    return;
  }
  // An array of objects (installation contexts) opens entry by entry; a list of values stays one row.
  if (roomy && key !== '' && Array.isArray(value) && value.length > 0 && value.length <= MAX_ARRAY_ENTRIES && value.every(isObject)) {
    value.forEach((v, i) => flatten(v, `${key}[${i}]`, out));
    return;
  }
  out.push([key, value]);
}

/** "1700175174 (2023-11-16T22:52:54.000Z, in 20 s)": the NumericDate, as ISO, and relative to now. */
function timeText(seconds: unknown, now: number): string {
  if (typeof seconds !== 'number' || !Number.isFinite(seconds)) return JSON.stringify(seconds) ?? String(seconds);
  const deltaSec = Math.round((seconds * 1000 - now) / 100) / 10;
  const relative = deltaSec === 0 ? 'now' : deltaSec > 0 ? `in ${deltaSec} s` : `${-deltaSec} s ago`;
  return `${seconds} (${new Date(seconds * 1000).toISOString()}, ${relative})`;
}

function valueText(key: string, value: unknown, now: number): string {
  if (TIME_CLAIMS.has(key)) return timeText(value, now);
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}

/**
 * Claims by group (identity, timing, environment, module, installation, license, app, extension, context,
 * principal, Isolated Cloud, other), each explained for the token's type (a FIT's aud is not an FCT's).
 */
export function explainClaims(claims: Record<string, unknown>, now: number = Date.now(), type: ClaimTokenType = 'FIT'): ClaimGroup[] {
  const flat: [string, unknown][] = [];
  flatten(claims, '', flat);
  const rowsOf = new Map<string, ClaimRow[]>();
  for (const [key, value] of flat) {
    const group = groupOf(key);
    const rows = rowsOf.get(group) ?? [];
    rows.push({ key, value: valueText(key, value, now), meaning: meaningOf(key, type), deprecated: isDeprecatedClaim(key) });
    rowsOf.set(group, rows);
  }
  const order = [...CLAIM_GROUPS.map((g) => g.group), OTHER_GROUP];
  return order.flatMap((group) => {
    const rows = rowsOf.get(group);
    return rows ? [{ group, rows }] : [];
  });
}
