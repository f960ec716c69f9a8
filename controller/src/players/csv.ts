/**
 * RFC 4180 CSV, one line at a time. Cells that a spreadsheet would run as a formula (=, +, -, @, tab,
 * carriage return at the start) are prefixed with an apostrophe: values that came from players are
 * data, never formulas (OWASP, "CSV injection").
 */
export function csvLine(cells: readonly (string | number)[]): string {
  return (
    cells
      .map((cell) => {
        if (typeof cell === 'number') return String(cell);
        const safe = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
        return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
      })
      .join(',') + '\r\n'
  );
}
