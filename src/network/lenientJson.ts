/**
 * JSON.parse for bodies that may have been cut (LIMITS.networkBodyChars) or be broken: the whole value when
 * the text parses, otherwise everything read before the text ended or went wrong. Objects and arrays open at
 * that point are kept with the members finished so far; a string, number or literal cut short is left out
 * (its value is unknown). Never throws.
 */
export interface LenientJson {
  value: unknown;
  /** False when the text did not parse as a whole: `value` is then what could be read of it. */
  complete: boolean;
}

const INCOMPLETE = Symbol('incomplete');
const MAX_DEPTH = 256;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function parseJsonLenient(text: string | null | undefined): LenientJson {
  if (typeof text !== 'string' || text.trim() === '') return { value: null, complete: false };
  try {
    return { value: JSON.parse(text) as unknown, complete: true };
  } catch {
    const value = new PartialReader(text).read();
    return { value: value === INCOMPLETE ? null : value, complete: false };
  }
}

class PartialReader {
  private pos = 0;
  /** Set where the text ended early or went wrong; everything open is then closed as it stands. */
  private stopped = false;

  constructor(private readonly text: string) {}

  read(): unknown {
    return this.value(0);
  }

  private stop(): typeof INCOMPLETE {
    this.stopped = true;
    return INCOMPLETE;
  }

  private skipSpace(): void {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos]!)) this.pos++;
  }

  private value(depth: number): unknown {
    this.skipSpace();
    if (this.pos >= this.text.length || depth > MAX_DEPTH) return this.stop();
    const c = this.text[this.pos]!;
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    if (c === 't') return this.literal('true', true);
    if (c === 'f') return this.literal('false', false);
    if (c === 'n') return this.literal('null', null);
    return this.number();
  }

  /** Reads `item, item, …` up to `close` (the opening bracket is at pos); stops where the text ends or goes wrong. */
  private sequence(close: '}' | ']', item: () => void): void {
    this.pos++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] === close) {
        this.pos++;
        return;
      }
      item();
      if (this.stopped) return;
      this.skipSpace();
      if (this.text[this.pos] === ',') this.pos++;
      else if (this.text[this.pos] !== close) return void this.stop();
    }
  }

  private object(depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    this.sequence('}', () => {
      const key = this.text[this.pos] === '"' ? this.string() : this.stop();
      this.skipSpace();
      if (key === INCOMPLETE || this.text[this.pos] !== ':') return void this.stop();
      this.pos++;
      const item = this.value(depth + 1);
      // defineProperty: a "__proto__" member is data, as JSON.parse makes it, never the prototype.
      if (item !== INCOMPLETE) Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    });
    return out;
  }

  private array(depth: number): unknown[] {
    const out: unknown[] = [];
    this.sequence(']', () => {
      const item = this.value(depth + 1);
      if (item !== INCOMPLETE) out.push(item);
    });
    return out;
  }

  private string(): string | typeof INCOMPLETE {
    let end = this.pos + 1;
    while (end < this.text.length && this.text[end] !== '"') end += this.text[end] === '\\' ? 2 : 1;
    if (end >= this.text.length) return this.stop();
    try {
      const out = JSON.parse(this.text.slice(this.pos, end + 1)) as string;
      this.pos = end + 1;
      return out;
    } catch {
      return this.stop();
    }
  }

  private literal<T>(word: string, value: T): T | typeof INCOMPLETE {
    if (!this.text.startsWith(word, this.pos)) return this.stop();
    this.pos += word.length;
    return value;
  }

  private number(): number | typeof INCOMPLETE {
    NUMBER.lastIndex = this.pos;
    const match = NUMBER.exec(this.text);
    // A number that reaches the end of the text may have been cut mid-digits: its value is unknown.
    if (!match || NUMBER.lastIndex >= this.text.length) return this.stop();
    this.pos = NUMBER.lastIndex;
    return Number(match[0]);
  }
}
