/**
 * Plain-words meanings of Forge token claims, per token type (forge-facts §3, §8.2, §8.3), and the group each
 * claim is shown under. A FIT and an FCT share claim names with different meanings (aud is the app ARI in a
 * FIT, "forge" in an FCT), so each type has its own table over a shared one. Array entries are looked up
 * with `[]` for their index: `app.installation.contexts[].cloudId`.
 */

import MEANINGS from './claimMeanings.json';

export type ClaimTokenType = 'FIT' | 'FCT' | 'JWT';

// The tables are data (claimMeanings.json: "shared" plus one per token type). Maps, not objects: claim names
// come from tokens anyone can write ('constructor', '__proto__').
const asMap = (table: Record<string, string>): ReadonlyMap<string, string> => new Map(Object.entries(table));
const SHARED = asMap(MEANINGS.shared);
const BY_TYPE: Readonly<Record<ClaimTokenType, ReadonlyMap<string, string>>> = { FIT: asMap(MEANINGS.FIT), FCT: asMap(MEANINGS.FCT), JWT: asMap(MEANINGS.JWT) };

/** Claims that name something newer to read instead. */
const DEPRECATED = new Set(['app.license.isActive', 'app.version']);

/** Groups in display order; a claim belongs to the first group whose prefix it has (exact key or key + '.' / '['). */
export const CLAIM_GROUPS: readonly { group: string; prefixes: readonly string[] }[] = [
  { group: 'Identity', prefixes: ['iss', 'aud', 'jti', 'sub'] },
  { group: 'Timing', prefixes: ['iat', 'nbf', 'exp'] },
  { group: 'Environment', prefixes: ['app.environment'] },
  { group: 'Module', prefixes: ['app.module'] },
  { group: 'Installation', prefixes: ['app.installation', 'app.installationId'] },
  { group: 'License', prefixes: ['app.license', 'unlicensed'] },
  { group: 'App', prefixes: ['app', 'appId', 'appVersion'] },
  { group: 'Extension', prefixes: ['extensionId', 'extensionType', 'contextIds'] },
  { group: 'Context', prefixes: ['context'] },
  { group: 'Principal', prefixes: ['principal', 'accountId'] },
  { group: 'Isolated Cloud', prefixes: ['icLabel'] },
];

export const OTHER_GROUP = 'Other';

const hasPrefix = (key: string, prefix: string) => key === prefix || key.startsWith(`${prefix}.`) || key.startsWith(`${prefix}[`);

export function groupOf(key: string): string {
  return CLAIM_GROUPS.find((g) => g.prefixes.some((p) => hasPrefix(key, p)))?.group ?? OTHER_GROUP;
}

/** `a.b[3].c` → `a.b[].c`: array entries share a meaning. */
const generic = (key: string) => key.replace(/\[\d+\]/g, '[]');

/** The parent of a claim path: `a.b[].c` → `a.b[]` → `a.b` → `a` → ''. */
function parentOf(key: string): string {
  if (key.endsWith('[]')) return key.slice(0, -2);
  const dot = key.lastIndexOf('.');
  const bracket = key.lastIndexOf('[');
  const cut = Math.max(dot, bracket);
  return cut === -1 ? '' : key.slice(0, cut);
}

/** The meaning of a claim for a token type, else of its nearest documented parent ('' when none). */
export function meaningOf(key: string, type: ClaimTokenType = 'FIT'): string {
  const table = BY_TYPE[type] ?? BY_TYPE.JWT;
  for (let k = generic(key); k !== ''; k = parentOf(k)) {
    const meaning = table.get(k) ?? SHARED.get(k);
    if (meaning !== undefined) return meaning;
  }
  return '';
}

export function isDeprecatedClaim(key: string): boolean {
  return DEPRECATED.has(generic(key));
}
