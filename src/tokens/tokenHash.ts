const TWO_32 = 4_294_967_296;

/**
 * A token's record id: `h:` and the 64-bit FNV-1a of the compact JWT, 16 hex digits. Synchronous (the
 * panel derives tokens in render), and the same token gives the same id in every pass and every trace.
 * Not a security hash; the id only has to tell apart the tokens of one session. Hashes the low byte of each
 * UTF-16 unit, i.e. the bytes of an ASCII string, which a compact JWT always is.
 */
export function tokenHash(jwt: string): string {
  // The 64-bit state as two 32-bit halves; offset basis 0xcbf29ce484222325.
  let hi = 0xcbf29ce4;
  let lo = 0x84222325;
  for (let i = 0; i < jwt.length; i++) {
    lo = (lo ^ (jwt.charCodeAt(i) & 0xff)) >>> 0;
    // × prime 0x100000001b3 = × 0x1b3 + × 2^40; lo × 0x1b3 stays below 2^41, exact in a double.
    const low = lo * 0x1b3;
    hi = (Math.imul(hi, 0x1b3) + Math.floor(low / TWO_32) + (lo << 8)) >>> 0;
    lo = low >>> 0;
  }
  return `h:${hi.toString(16).padStart(8, '0')}${lo.toString(16).padStart(8, '0')}`;
}
