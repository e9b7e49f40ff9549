// src/redact/formats.ts as it was before the fourth speed pass (main 02e4bae), kept as the oracle of test/unit/redact/fastPaths.test.ts.
import { ALNUM, B64, B64URL, DASH, DIGIT, DOT, EQUALS, SLASH, UNDERSCORE, UPPER, runEnd } from './chars';

/**
 * Credential formats recognised anywhere in text by their fixed prefix (the vendors' documented token
 * prefixes, the same ones secretlint's recommended preset and GitHub secret scanning use). Matching is a
 * prefix test at a word start, then one run over the body: linear, nothing to backtrack.
 */
interface Format {
  name: string;
  prefixes: string[];
  /** The body's character classes (chars.ts bits). */
  body: number;
  /**
   * Least whole length (prefix and body) for a match; the most, when the format is fixed. The least is below
   * the vendors' real lengths on purpose: a value cut short or mistyped is still that vendor's credential.
   */
  min: number;
  max?: number;
}

const upperDigit = UPPER | DIGIT;
const slackBody = ALNUM | DASH;
const atlassianBody = B64URL | EQUALS;
const dottedB64Url = B64URL | DOT;
const webhookBody = B64URL | SLASH;

const FORMATS: Format[] = [
  { name: 'Atlassian API token', prefixes: ['ATATT'], body: atlassianBody, min: 24 },
  { name: 'Bitbucket app password', prefixes: ['ATBB'], body: ALNUM, min: 30 },
  { name: 'AWS access key', prefixes: ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ABIA', 'ACCA'], body: upperDigit, min: 20, max: 20 },
  { name: 'AWS session token', prefixes: ['IQoJb3JpZ2lu', 'FwoGZXIvYXdz', 'FQoGZXIvYXdz'], body: B64, min: 100 },
  { name: 'GitHub token', prefixes: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_'], body: ALNUM, min: 24 },
  { name: 'GitHub token', prefixes: ['github_pat_'], body: ALNUM | UNDERSCORE, min: 32 },
  { name: 'GitLab token', prefixes: ['glpat-'], body: B64URL, min: 22 },
  { name: 'Slack token', prefixes: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-', 'xapp-'], body: slackBody, min: 20 },
  { name: 'Slack webhook', prefixes: ['hooks.slack.com/services/'], body: webhookBody, min: 50 },
  { name: 'Google API key', prefixes: ['AIza'], body: B64URL, min: 30, max: 39 },
  { name: 'Google OAuth token', prefixes: ['ya29.'], body: dottedB64Url, min: 30 },
  { name: 'Google OAuth token', prefixes: ['1//0'], body: B64URL, min: 40 },
  { name: 'Google client secret', prefixes: ['GOCSPX-'], body: B64URL, min: 30 },
  { name: 'Stripe key', prefixes: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'whsec_'], body: ALNUM, min: 24 },
  { name: 'npm token', prefixes: ['npm_'], body: ALNUM, min: 24 },
  { name: 'SendGrid key', prefixes: ['SG.'], body: dottedB64Url, min: 60 },
  { name: 'OpenAI or Anthropic key', prefixes: ['sk-proj-', 'sk-ant-'], body: B64URL, min: 40 },
];

/** The formats whose prefix starts with a character, by its code (all prefixes are ASCII). */
const BY_FIRST: ({ format: Format; prefix: string }[] | undefined)[] = new Array(128).fill(undefined);
for (const format of FORMATS) {
  for (const prefix of format.prefixes) (BY_FIRST[prefix.charCodeAt(0)] ??= []).push({ format, prefix });
}

/** A known credential starting at `at`: its format's name and where it ends, or null. */
export function knownFormatAt(text: string, at: number): { name: string; end: number } | null {
  const c = text.charCodeAt(at);
  const candidates = c < 128 ? BY_FIRST[c] : undefined;
  if (!candidates) return null;
  for (const { format, prefix } of candidates) {
    if (!text.startsWith(prefix, at)) continue;
    // A fixed-length format reads no further than its length: a long run holding many is read once each.
    const end = runEnd(text, at + prefix.length, format.body, format.max === undefined ? text.length : at + format.max);
    if (end - at >= format.min) return { name: format.name, end };
  }
  return null;
}

const PEM_BEGIN = '-----BEGIN ';
const PEM_END = '-----END ';
const PEM_MASK = '[redacted private key]';

/**
 * Every PEM private key block's body replaced (its BEGIN and END lines stay, so a reader sees what was
 * there); a block cut short loses everything after its BEGIN line. Linear: one forward search.
 */
export function maskPrivateKeys(text: string, onRemoved: () => void): string {
  if (!text.includes(PEM_BEGIN)) return text;
  let out = '';
  let last = 0;
  let at = text.indexOf(PEM_BEGIN);
  while (at !== -1) {
    const labelEnd = text.indexOf('-----', at + PEM_BEGIN.length);
    if (labelEnd === -1) break;
    const label = text.slice(at + PEM_BEGIN.length, labelEnd);
    const bodyStart = labelEnd + 5;
    if (label.length > 40 || !label.includes('PRIVATE KEY') || text.startsWith(PEM_MASK, bodyStart)) {
      at = text.indexOf(PEM_BEGIN, bodyStart);
      continue;
    }
    const endAt = text.indexOf(PEM_END, bodyStart);
    const bodyEnd = endAt === -1 ? text.length : endAt;
    out += text.slice(last, bodyStart) + PEM_MASK;
    last = bodyEnd;
    onRemoved();
    at = endAt === -1 ? -1 : text.indexOf(PEM_BEGIN, bodyEnd);
  }
  return last === 0 ? text : out + text.slice(last);
}
