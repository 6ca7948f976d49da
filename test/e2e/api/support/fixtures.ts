import { randomUUID } from 'node:crypto';

/** A boolean flag creation body with fresh variation ids. */
export function boolFlag(key: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  const on = randomUUID();
  const off = randomUUID();
  return {
    name: key,
    key,
    description: '',
    isEnabled: false,
    variationType: 'boolean',
    variations: [
      { id: on, name: 'On', value: 'true' },
      { id: off, name: 'Off', value: 'false' },
    ],
    enabledVariationId: on,
    disabledVariationId: off,
    tags: [],
    ...extra,
  };
}

/** Polls `check` until it holds (or fails after `timeoutMs`). */
export async function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A multipart/form-data body with one file field. */
export function multipartFile(
  content: string | Buffer,
  filename = 'users.json',
  field = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----featbit${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    payload: Buffer.concat([head, Buffer.isBuffer(content) ? content : Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
