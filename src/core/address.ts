/**
 * A1-style addresses. Columns are letters as Excel shows them ("A", "Z", "AA", … "XFD").
 */

/**
 * Column number (1-based) to its letters.
 * @example columnLetter(1) // "A"
 * @example columnLetter(28) // "AB"
 */
export function columnLetter(col: number): string {
  let n = Math.floor(col);
  if (!(n >= 1)) return "";
  let s = "";
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/**
 * Column letters to the 1-based number; 0 for anything that is not a column.
 * @example columnNumber("AB") // 28
 */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) {
    const c = letters.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) return 0;
    n = n * 26 + (c - 96);
  }
  return n;
}

/**
 * "C12" from row 12, column 3.
 * @example cellAddress(12, 3) // "C12"
 */
export function cellAddress(row: number, col: number): string {
  return `${columnLetter(col)}${row}`;
}

/**
 * Parse "C12" (or "$C$12") to `{ row, col }`; undefined when it is not a cell address.
 * @example parseCellAddress("AB7") // { row: 7, col: 28 }
 */
export function parseCellAddress(a1: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(a1);
  if (!m) return undefined;
  const col = columnNumber(m[1]);
  const row = Number(m[2]);
  if (col < 1 || row < 1) return undefined;
  return { row, col };
}

/**
 * A sheet-qualified reference for a hyperlink or a formula: quotes the name when needed.
 * @example sheetReference("DS CBCC", "C12") // "'DS CBCC'!C12"
 */
export function sheetReference(sheetName: string, a1: string): string {
  const plain = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName);
  return plain ? `${sheetName}!${a1}` : `'${sheetName.replace(/'/g, "''")}'!${a1}`;
}
