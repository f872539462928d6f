// CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a guard against formula injection (a cell that a
// spreadsheet would evaluate, e.g. `=HYPERLINK(...)` in a VM tag or an Azure error message, is prefixed with a
// single quote so it is shown as text). No Electron imports.

/** Characters that make Excel, LibreOffice and Google Sheets treat a cell as a formula (OWASP's list). */
const formulaStart = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | undefined): string {
  if (value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number | undefined)[])[]): string {
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
