/**
 * CSV cells that cannot carry a spreadsheet formula (OWASP "CSV Injection"). Kept in this library
 * because both the API's exports and the web app's example import file write CSV, and both must
 * write it the same way (docs/csv.md § "Formulas in exported files").
 */

/**
 * What makes a spreadsheet read a cell as a formula: `=`, `+`, `-`, `@`, a tab or a carriage
 * return first (after any spaces, which some spreadsheets skip), or their full-width forms.
 */
const FORMULA_START = /^[ ]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A plain number as the exports write it (`74,5` in Spanish, `74.5` in English, `-3`). */
const PLAIN_NUMBER = /^-?\d+(?:[.,]\d+)?$/;

/**
 * One cell as written to a CSV file. A number stays a bare number, so the spreadsheet reads it as
 * one. Any other text is quoted (inner quotes doubled, so the delimiter, quotes and line breaks
 * stay inside the cell) and, when it would start a formula, prefixed with a single quote, which
 * spreadsheets show as text and never evaluate. The text itself is otherwise unchanged.
 */
export function csvCell(value: string | number | null | undefined, delimiter: string): string {
  if (value === null || value === undefined || value === '') return '';
  const text = String(value);
  if (PLAIN_NUMBER.test(text) && !text.includes(delimiter)) return text;
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One CSV record (every cell through {@link csvCell}), ended by CRLF as RFC 4180 says. */
export function csvRecord(cells: ReadonlyArray<string | number | null | undefined>, delimiter: string): string {
  return cells.map((cell) => csvCell(cell, delimiter)).join(delimiter) + '\r\n';
}
