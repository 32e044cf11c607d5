/**
 * CSV that spreadsheets open cleanly and safely, built in the browser with the same rules as the
 * server's exports (server/exports/csv.ts): UTF-8 with a byte-order mark, CRLF row ends, RFC 4180
 * quoting, and text starting with `=`, `+`, `-`, `@`, a tab or a carriage return prefixed with a
 * single quote so a spreadsheet never runs it as a formula (a team called `=HYPERLINK(…)` stays
 * text).
 */
export const BOM = '\uFEFF';
export const ROW_END = '\r\n';
export const FORMULA_LEADING_CHARACTERS = ['=', '+', '-', '@', '\t', '\r'] as const;

export function neutraliseFormula(text: string): string {
  return text.length > 0 && (FORMULA_LEADING_CHARACTERS as readonly string[]).includes(text[0]) ? `'${text}` : text;
}

export function csvCell(text: string): string {
  const safe = neutraliseFormula(text);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A whole file: BOM, the header row, then the rows; every row ends with CRLF. */
export function csvFile(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return BOM + [header, ...rows].map((row) => `${row.map(csvCell).join(',')}${ROW_END}`).join('');
}
