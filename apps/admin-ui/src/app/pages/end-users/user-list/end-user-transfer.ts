import type { ImportResultDto } from '../../../api/generated/models';

/** Offers a downloaded file to the user as a save (an object URL on a temporary link). */
export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click starts the download synchronously; the URL can go once it has been handed over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/**
 * "Imported 13 users, 2 new or changed (1 skipped: …)": the import's answer in one line. Users
 * already stored unchanged are read but not written, so both counts are shown.
 */
export function importSummary(result: ImportResultDto): string {
  const total = result.totalCount;
  const written = result.writtenCount;
  const head =
    total === 1
      ? $localize`Imported ${total}:count: user, ${written}:written: new or changed`
      : $localize`Imported ${total}:count: users, ${written}:written: new or changed`;
  if (result.skippedCount === 0) return head;
  const skipped = result.skippedCount;
  const first = result.errors[0];
  return first
    ? $localize`${head}:summary: (${skipped}:skipped: skipped: ${first}:error:)`
    : $localize`${head}:summary: (${skipped}:skipped: skipped)`;
}
