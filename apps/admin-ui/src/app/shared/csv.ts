// CSV export of what a page shows (RFC 4180: comma separated, CRLF line ends, a field with a comma,
// quote or line break is quoted and its quotes doubled).

export type CsvCell = string | number | null | undefined;

function csvField(value: CsvCell): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A header row then one line per row. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Offers the text as a file download from the browser. */
export function downloadCsv(fileName: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has started the download synchronously; the URL is no longer needed.
  URL.revokeObjectURL(url);
}
