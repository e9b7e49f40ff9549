/** A token's claims grouped and explained in plain words (forge-facts §3), for the panel's Token tab. */
export interface ClaimRow {
  key: string;
  value: string;
  meaning: string;
}

export interface ClaimGroup {
  group: string;
  rows: ClaimRow[];
}

const MEANINGS: Record<string, string> = {
  iss: 'Issuer. A Forge Invocation Token says forge/invocation-token; a remote must check it.',
  aud: "Audience: the app's id (ARI). A remote must check it is its own app.",
  jti: 'Token id, unique per token.',
  iat: 'Issued at.',
  nbf: 'Not valid before.',
  exp: 'Expires at. FITs live 25 s; the bridge renews them for requestRemote.',
  principal: 'The Atlassian account id of the user (UI modules only).',
  'app.id': "The app's id (ARI).",
  'app.installationId': 'The installation (site and app) the call comes from.',
  'app.apiBaseUrl': 'Where to call Atlassian APIs for this installation; also tells production from staging.',
  'app.appVersion': 'The deployed app version.',
  'app.version': 'Deprecated: use app.appVersion.',
  'app.environment.type': 'DEVELOPMENT, STAGING or PRODUCTION.',
  'app.environment.id': "The environment's id (ARI).",
  'app.module.type': 'The module kind: xen:macro or similar for frontend calls, core:endpoint otherwise.',
  'app.module.key': "The module's key in the manifest.",
  'app.license': 'Licence details: only for paid production Marketplace apps; requestRemote FITs never carry it.',
  context: 'The module context the call came from (frontend invocations only).',
};

const GROUPS: [string, (key: string) => boolean][] = [
  ['Identity', (k) => ['iss', 'aud', 'jti', 'sub'].includes(k)],
  ['Timing', (k) => ['iat', 'nbf', 'exp'].includes(k)],
  ['App', (k) => k.startsWith('app.') && !k.startsWith('app.environment') && !k.startsWith('app.module') && !k.startsWith('app.license') && !k.startsWith('app.installation')],
  ['Environment', (k) => k.startsWith('app.environment')],
  ['Module', (k) => k.startsWith('app.module')],
  ['Installation', (k) => k.startsWith('app.installation')],
  ['Licence', (k) => k.startsWith('app.license')],
  ['Context', (k) => k.startsWith('context')],
  ['Principal', (k) => k === 'principal'],
];

function flatten(value: unknown, prefix: string, out: [string, unknown][]): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value) && prefix.split('.').length < 3) {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else {
    out.push([prefix, value]);
  }
}

function timeText(seconds: unknown, now: number): string {
  if (typeof seconds !== 'number') return String(seconds);
  const ms = seconds * 1000;
  const delta = Math.round((ms - now) / 100) / 10;
  return `${seconds} (${new Date(ms).toISOString()}, ${delta >= 0 ? `in ${delta} s` : `${-delta} s ago`})`;
}

function meaningOf(key: string): string {
  if (MEANINGS[key]) return MEANINGS[key];
  const parent = Object.keys(MEANINGS).find((k) => key.startsWith(`${k}.`));
  return parent ? MEANINGS[parent]! : '';
}

export function explainClaims(claims: Record<string, unknown>, now: number = Date.now()): ClaimGroup[] {
  const flat: [string, unknown][] = [];
  flatten(claims, '', flat);
  const groups = new Map<string, ClaimRow[]>();
  for (const [key, value] of flat) {
    const group = GROUPS.find(([, test]) => test(key))?.[0] ?? 'Other';
    const text = ['iat', 'nbf', 'exp'].includes(key) ? timeText(value, now) : typeof value === 'string' ? value : JSON.stringify(value);
    const rows = groups.get(group) ?? [];
    rows.push({ key, value: text, meaning: meaningOf(key) });
    groups.set(group, rows);
  }
  const order = [...GROUPS.map(([g]) => g), 'Other'];
  return order.filter((g) => groups.has(g)).map((group) => ({ group, rows: groups.get(group)! }));
}
