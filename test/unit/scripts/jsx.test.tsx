import { isValidElement } from 'preact';
import { describe, expect, it } from 'vitest';

function Badge(props: { label: string }) {
  return <b class="badge">{props.label}</b>;
}

describe('JSX in unit tests (test/vitest.config.ts: oxc)', () => {
  it('compiles to Preact elements through preact/jsx-runtime, the transform the build ships', () => {
    const element = <Badge label="ok" />;
    expect(isValidElement(element)).toBe(true);
    expect(element.type).toBe(Badge);
    expect(element.props).toEqual({ label: 'ok' });
    // The dev runtime (Vite's pick from tsconfig when the config's JSX options are ignored) adds these.
    expect(element).not.toHaveProperty('__source');
    expect(element).not.toHaveProperty('__self');
    const rendered = Badge({ label: 'ok' });
    expect(isValidElement(rendered) && rendered.type).toBe('b');
    expect(rendered.props).toEqual({ class: 'badge', children: 'ok' });
  });
});
