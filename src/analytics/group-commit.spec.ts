import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('writes at once when idle and groups what arrives during a write', async () => {
    const writes: number[][] = [];
    let release: () => void = () => undefined;
    const writer = new GroupCommit<number>(async (items) => {
      writes.push(items);
      if (writes.length === 1) await new Promise<void>((r) => (release = r));
    }, 100);
    const first = writer.add([1]);
    const second = writer.add([2, 3]);
    const third = writer.add([4]);
    await new Promise((r) => setImmediate(r));
    expect(writes).toEqual([[1]]);
    release();
    await Promise.all([first, second, third]);
    expect(writes).toEqual([[1], [2, 3, 4]]);
  });

  it('never writes more than maxBatch items at once', async () => {
    const sizes: number[] = [];
    const writer = new GroupCommit<number>((items) => {
      sizes.push(items.length);
      return Promise.resolve();
    }, 3);
    await writer.add([1, 2, 3, 4, 5, 6, 7]);
    expect(sizes).toEqual([3, 3, 1]);
  });

  it('rejects the callers of a failed write and keeps serving later ones', async () => {
    let fail = true;
    const writer = new GroupCommit<string>(
      () => (fail ? Promise.reject(new Error('db down')) : Promise.resolve()),
      10,
    );
    await expect(writer.add(['a'])).rejects.toThrow('db down');
    fail = false;
    await expect(writer.add(['b'])).resolves.toBeUndefined();
  });
});
