/** One figure of a run held against its target (lower is better for every target the bench has). */
interface Checked {
  name: string;
  value: number;
  limit: number;
  text: string;
}

/** The targets a run checked, in the order it printed them, for its closing summary. */
export class Targets {
  private readonly checked: Checked[] = [];

  /** Notes `value` against `limit` (met when value ≤ limit); `text` is how the value reads (with its unit). */
  check(name: string, value: number, limit: number, text: string): void {
    this.checked.push({ name, value, limit, text });
  }

  /** Lines saying how many targets the run met, then each one missed with its figure and target. */
  summary(): string[] {
    if (this.checked.length === 0) return [];
    const missed = this.checked.filter((c) => !(c.value <= c.limit));
    return [
      `Targets: ${this.checked.length - missed.length} of ${this.checked.length} met${missed.length ? '; missed:' : ''}`,
      ...missed.map((c) => `  ${c.name}: ${c.text} (target ≤ ${c.limit})`),
    ];
  }
}
