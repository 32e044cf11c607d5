/**
 * CSV that spreadsheets open cleanly and safely (RFC 4180):
 *  - UTF-8 with a byte-order mark, so Excel reads non-ASCII text correctly;
 *  - every row ends with CRLF; a cell holding a double quote, comma, CR or LF is wrapped in
 *    double quotes, with inner quotes doubled;
 *  - formula injection: a text cell whose first character is `=`, `+`, `-`, `@`, a tab or a CR
 *    would be run as a formula by a spreadsheet, so it gets a leading single quote (`'=1+1`);
 *  - numbers stay numbers: a cell given as a JS number is written as the number, unquoted and
 *    never neutralised, negative ones included (`-3`). Its text can only be digits, a sign, a
 *    dot or an exponent, which no spreadsheet runs as a formula. The same characters given as
 *    text (`"-3"`) are neutralised, since text is what people type;
 *  - NaN and infinities, null and undefined are empty cells; booleans are `true` / `false`.
 */
export type CsvCell = string | number | boolean | null | undefined;

/** The characters that make a spreadsheet read a cell as a formula. */
export const FORMULA_LEADING_CHARACTERS = ['=', '+', '-', '@', '\t', '\r'] as const;

export const BOM = '\uFEFF';
export const ROW_END = '\r\n';

/** Prefixes text that a spreadsheet would run as a formula with a single quote. */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && (FORMULA_LEADING_CHARACTERS as readonly string[]).includes(text[0]) ? `'${text}` : text;
}

/** One cell, encoded. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One row, with its CRLF. */
export function csvRow(cells: readonly CsvCell[]): string {
  return cells.map(csvCell).join(',') + ROW_END;
}

/** A whole file: BOM, header row, data rows. Rows shorter than the header are padded with empty cells. */
export function csvFile(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  let out = BOM + csvRow(header);
  for (const row of rows) {
    if (row.length > header.length) throw new RangeError(`a row has ${row.length} cells for ${header.length} columns`);
    out += csvRow(row.length === header.length ? row : [...row, ...Array(header.length - row.length).fill('')]);
  }
  return out;
}
