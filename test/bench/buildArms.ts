/**
 * The builds a side-by-side bench tool compares, from its `name=extensionDir` arguments (`name=` alone: no
 * extension); without any, the page without the extension and dist/chrome.
 */
export function buildArms(args: readonly string[]): (readonly [name: string, extensionDir: string])[] {
  const named = args.map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] as const);
  return named.length > 0 ? named : [['without', ''], ['with', 'dist/chrome']];
}
