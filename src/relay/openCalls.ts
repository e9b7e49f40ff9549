import type { HookEvent } from '../protocol';

/** Calls tracked one by one (open, or ended before their start came); beyond, open calls are only counted. */
const TRACKED = 10_000;

/**
 * The calls whose start the relay has seen and whose end it has not: what pagehide counts as lost to the
 * navigation. An end can come before its start: what the hook hands over at exit (src/relay/exitHandoff.ts)
 * is a synchronous DOM event, and it overtakes the start still on the port (Firefox: the hook's 'navigate'
 * handed 50 ends over 20 ms before pagehide, the starts came after them, and pagehide counted 50 open calls
 * whose ends the recorder had). Such an end is remembered (the TRACKED most recent), and its start opens nothing.
 * A `call` event (start and end joined by the hook) opens nothing either.
 */
export class OpenCalls {
  private readonly open = new Set<number>();
  private beyond = 0;
  private readonly endedFirst = new Set<number>();

  see(e: HookEvent): void {
    if (e.type === 'call-start') {
      if (this.endedFirst.delete(e.id)) return;
      if (this.open.size < TRACKED) this.open.add(e.id);
      else this.beyond++;
    } else if (e.type === 'call-end') {
      if (this.open.delete(e.id)) return;
      if (this.beyond > 0) this.beyond--;
      else this.endedFirst.add(e.id);
      if (this.endedFirst.size > TRACKED) this.endedFirst.delete(this.endedFirst.values().next().value as number);
    }
  }

  /** How many calls are open now; they count as lost once and are forgotten (a restored page counts anew). */
  takeCount(): number {
    const count = this.open.size + this.beyond;
    this.open.clear();
    this.beyond = 0;
    return count;
  }
}
