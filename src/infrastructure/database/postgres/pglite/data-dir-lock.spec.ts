import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataDirInUseError, lockDataDir } from './data-dir-lock';

describe('lockDataDir', () => {
  it('refuses a second opener while the first holds the lock, and frees it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    // A live foreign owner: the parent of this test process.
    writeFileSync(join(dir, 'featbit-ts.lock'), String(process.ppid));
    expect(() => lockDataDir(dir)).toThrow(DataDirInUseError);
  });

  it('takes over a lock left by a dead process and removes it on release', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lock-'));
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid;
    writeFileSync(join(dir, 'featbit-ts.lock'), String(dead));
    const release = lockDataDir(dir);
    expect(existsSync(join(dir, 'featbit-ts.lock'))).toBe(true);
    release();
    expect(existsSync(join(dir, 'featbit-ts.lock'))).toBe(false);
    lockDataDir(dir)();
  });
});
