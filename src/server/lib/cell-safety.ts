/**
 * Spreadsheet formula injection (OWASP "CSV injection"): a cell that begins with = + - @ tab or
 * carriage return may run as a formula when the file is opened in Excel or LibreOffice. Every CSV
 * and .xlsx the product writes passes its text cells through `safeCell`, which prefixes such a
 * cell with an apostrophe; readers of our own sheets take that apostrophe off again (ADR 027).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEUTRALISED = /^'[=+\-@\t\r]/;

/** Text that could start a formula gets a leading apostrophe; anything else is returned as is. */
export function safeCell<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The inverse for a cell read back from one of our own sheets. */
export function restoreCell(value: string): string {
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}
