/** Character classes by code, for the linear scanners (no regular expression runs over a value). */
export const isDigit = (c: number) => c >= 48 && c <= 57;
export const isUpper = (c: number) => c >= 65 && c <= 90;
export const isLower = (c: number) => c >= 97 && c <= 122;
export const isAlnum = (c: number) => isDigit(c) || isUpper(c) || isLower(c);
/** base64url alphabet: letters, digits, `-`, `_`. */
export const isB64Url = (c: number) => isAlnum(c) || c === 45 || c === 95;
/** base64 alphabet and padding: letters, digits, `+`, `/`, `=`. */
export const isB64 = (c: number) => isAlnum(c) || c === 43 || c === 47 || c === 61;
/** Either base64 alphabet without padding (the body of a run a decoder may try). */
export const isB64Any = (c: number) => isAlnum(c) || c === 43 || c === 47 || c === 45 || c === 95;
export const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;
export const isHex = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
/** Characters of a name in `name=value` and `name: value`. */
export const isNameChar = (c: number) => isB64Url(c) || c === 46;

/** The end of the run of characters of a class starting at `from`. */
export function runEnd(text: string, from: number, inClass: (c: number) => boolean): number {
  let i = from;
  while (i < text.length && inClass(text.charCodeAt(i))) i++;
  return i;
}
