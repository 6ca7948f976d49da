import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EdgeInsightBuffer } from '../../../src/infrastructure/edge/edge-insight-buffer';

// The edge's insight buffer: appended to disk as insights arrive, read back after a restart,
// rewritten without what was forwarded, and bounded (the oldest dropped and counted).

describe('EdgeInsightBuffer', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'edge-buffer-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const entry = (n: number) => ({ envId: 'env', items: [{ user: { keyId: `u${n}` } }] });

  it('survives a restart and forgets what was forwarded', () => {
    const buffer = new EdgeInsightBuffer(dir, 1_000_000);
    for (let n = 0; n < 3; n++) buffer.add(entry(n));
    const again = new EdgeInsightBuffer(dir, 1_000_000);
    expect(again.peek(10)).toEqual([entry(0), entry(1), entry(2)]);
    again.remove(2);
    expect(new EdgeInsightBuffer(dir, 1_000_000).peek(10)).toEqual([entry(2)]);
  });

  it('drops the oldest entries past its byte bound and counts them', () => {
    const lineBytes = JSON.stringify(entry(0)).length + 1;
    const buffer = new EdgeInsightBuffer(dir, lineBytes * 2);
    for (let n = 0; n < 5; n++) buffer.add(entry(n));
    expect(buffer.dropped).toBe(3);
    expect(buffer.peek(10)).toEqual([entry(3), entry(4)]);
    buffer.rewrite();
    expect(readFileSync(join(dir, 'insights.ndjson'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('returns unreadable lines as null so that they are dropped', () => {
    const buffer = new EdgeInsightBuffer(dir, 1_000_000);
    buffer.add(entry(1));
    const file = join(dir, 'insights.ndjson');
    appendFileSync(file, 'garbage\n');
    expect(new EdgeInsightBuffer(dir, 1_000_000).peek(10)).toEqual([entry(1), null]);
  });
});
