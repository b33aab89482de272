/**
 * Whether a character code is one that /\s/ matches: the white space and line terminators of
 * ECMAScript. Asked of character codes, it builds no one-character string and runs no regex.
 */
export function isSpaceCode(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
