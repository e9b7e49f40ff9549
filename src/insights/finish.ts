/** A generator's value, every step taken at once (for work that also runs a step per task). */
export function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}
