import { CLAIM_GROUPS, groupOf, meaningOf, OTHER_GROUP } from './claimMeanings';

/** A token's claims grouped and explained in plain words, for the panel's Token tab. */
export interface ClaimRow {
  key: string;
  value: string;
  meaning: string;
}

export interface ClaimGroup {
  group: string;
  rows: ClaimRow[];
}

/** Objects are opened this deep (app.environment.type); what is below shows as JSON. */
const MAX_KEY_DEPTH = 3;
const TIME_CLAIMS = new Set(['iat', 'nbf', 'exp']);

function flatten(value: unknown, key: string, out: [string, unknown][]): void {
  const open = value !== null && typeof value === 'object' && !Array.isArray(value) && (key === '' || key.split('.').length < MAX_KEY_DEPTH);
  if (!open) {
    out.push([key, value]);
    return;
  }
  for (const [k, v] of Object.entries(value)) flatten(v, key ? `${key}.${k}` : k, out);
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

/** Claims by group (identity, timing, app, environment, module, installation, license, context, principal, other). */
export function explainClaims(claims: Record<string, unknown>, now: number = Date.now()): ClaimGroup[] {
  const flat: [string, unknown][] = [];
  flatten(claims, '', flat);
  const rowsOf = new Map<string, ClaimRow[]>();
  for (const [key, value] of flat) {
    const group = groupOf(key);
    const rows = rowsOf.get(group) ?? [];
    rows.push({ key, value: valueText(key, value, now), meaning: meaningOf(key) });
    rowsOf.set(group, rows);
  }
  const order = [...CLAIM_GROUPS.map((g) => g.group), OTHER_GROUP];
  return order.flatMap((group) => {
    const rows = rowsOf.get(group);
    return rows ? [{ group, rows }] : [];
  });
}
