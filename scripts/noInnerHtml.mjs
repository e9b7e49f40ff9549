// A Vite plugin: the one HTML sink in the bundle is Preact's support for dangerouslySetInnerHTML, which this
// extension never uses. It is replaced with a throw, so no page data can ever become markup, and AMO's linter
// (UNSAFE_VAR_ASSIGNMENT) has nothing to flag. The build fails if Preact's code changes shape, rather than
// silently keeping the sink.
const SINK = /\((\w+)\.innerHTML=(\w+)\.__html\)/g;

export function noInnerHtml() {
  return {
    name: 'fbdt-no-inner-html',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]preact[\\/]dist[\\/]preact\.m?js$/.test(id.split('?')[0])) return null;
      const replaced = code.replace(SINK, () => '(()=>{throw new Error("dangerouslySetInnerHTML is not used by Forge Bridge DevTools")})()');
      if (replaced === code) this.error(`${id}: Preact's innerHTML sink was not found; check scripts/noInnerHtml.mjs against this Preact version`);
      if (/\.innerHTML\s*=/.test(replaced)) this.error(`${id}: an innerHTML assignment is left`);
      return { code: replaced, map: null };
    },
  };
}
