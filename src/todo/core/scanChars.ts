// Character tests and text helpers the comment scanner, the TODO parser and the lazily loaded extras
// (syntaxExtras.ts) share: one definition, copied into the lazy bundle by esbuild. No vscode import.

export const NL = 10;
export const CR = 13;

export function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === CR || code === 12 || code === 11 || code === 0xa0 || code === 0xfeff;
}

/** `value` as a literal inside a regular expression. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Only blanks between the start of the line (or `from`, the start of the region) and `i`. */
export function onlyBlanksBefore(text: string, i: number, from: number): boolean {
  for (let k = i - 1; k >= from; k--) {
    const c = text.charCodeAt(k);
    if (c === NL) {
      return true;
    }
    if (!isSpace(c)) {
      return false;
    }
  }
  return true;
}
