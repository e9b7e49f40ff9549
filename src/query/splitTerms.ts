/** One whitespace-separated term of the filter input, with where it stands in the input. */
export interface RawTerm {
  /** The term as typed, without the leading `-`. */
  body: string;
  negate: boolean;
  start: number;
  end: number;
}

const isSpace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r';

/**
 * Splits filter input at whitespace outside double quotes. A `-` before a term negates it (a lone `-` is
 * text). A quote left open runs to the end of the input.
 */
export function splitTerms(text: string): RawTerm[] {
  const terms: RawTerm[] = [];
  let i = 0;
  while (i < text.length) {
    if (isSpace(text[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let quoted = false;
    while (i < text.length && (quoted || !isSpace(text[i]!))) {
      if (text[i] === '\\' && quoted) i++;
      else if (text[i] === '"') quoted = !quoted;
      i++;
    }
    const raw = text.slice(start, Math.min(i, text.length));
    const negate = raw.length > 1 && raw.startsWith('-');
    terms.push({ body: negate ? raw.slice(1) : raw, negate, start, end: start + raw.length });
  }
  return terms;
}

/** A value without its surrounding quotes, `\"` and `\\` unescaped; an unquoted value as it is. */
export function unquote(value: string): string {
  if (!value.startsWith('"')) return value;
  const closed = value.length > 1 && value.endsWith('"') && !value.endsWith('\\"');
  return value.slice(1, closed ? -1 : undefined).replace(/\\(["\\])/g, '$1');
}
