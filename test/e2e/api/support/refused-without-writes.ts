/**
 * Runs `probe`, which sends bad requests and lists those not refused as they should be, then
 * requires that none were listed and that the store's fingerprint is unchanged: a refused request
 * writes nothing.
 */
export async function refusedWithoutWrites(
  fingerprint: () => Promise<string>,
  probe: (wrong: string[]) => Promise<void>,
): Promise<void> {
  const before = await fingerprint();
  const wrong: string[] = [];
  await probe(wrong);
  expect(wrong).toEqual([]);
  expect(await fingerprint()).toBe(before);
}
