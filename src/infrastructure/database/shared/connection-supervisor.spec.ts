import { StoreUnavailableError } from '../../../core/shared/errors';
import { ConnectionSupervisor } from './connection-supervisor';
import { silentStoreLogger, type StoreLogger } from './store-logger';

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
}

function supervisor(connect: () => Promise<void>, logger: StoreLogger = silentStoreLogger) {
  const disconnects: number[] = [];
  const s = new ConnectionSupervisor({
    service: 'TestDB',
    logger,
    connect,
    disconnect: () => {
      disconnects.push(Date.now());
      return Promise.resolve();
    },
    initialDelayMs: 5,
    maxDelayMs: 40,
  });
  return { s, disconnects };
}

describe('ConnectionSupervisor', () => {
  it('retries with exponential backoff until connected, reporting why meanwhile', async () => {
    const delays: number[] = [];
    let calls = 0;
    const logger: StoreLogger = {
      ...silentStoreLogger,
      warn: (_msg, meta) => delays.push((meta as { retryInMs: number }).retryInMs),
    };
    const { s } = supervisor(() => (++calls < 6 ? Promise.reject(refused()) : Promise.resolve()), logger);
    expect(() => s.assertReady()).toThrow(StoreUnavailableError);
    s.start();
    await s.whenReady();
    expect(calls).toBe(6);
    expect(delays).toEqual([5, 10, 20, 40, 40]);
    expect(s.isReady).toBe(true);
    expect(s.detail()).toBe('ready');
    expect(() => s.assertReady()).not.toThrow();
  });

  it('describes the last failure with the attempt number and the next delay, without credentials', async () => {
    const { s } = supervisor(() => Promise.reject(new Error('bad url postgres://admin:secret@db:5432/x')));
    s.start();
    await new Promise((r) => setTimeout(r, 30));
    expect(s.detail()).toMatch(
      /^connecting: bad url postgres:\/\/\*\*\*@db:5432\/x \(attempt \d+, retry in \d+s\)$/,
    );
    expect(s.detail()).not.toContain('secret');
    await s.close();
  });

  it('close() stops the retries, rejects whenReady and disconnects once more', async () => {
    let calls = 0;
    const { s, disconnects } = supervisor(() => {
      calls++;
      return Promise.reject(refused());
    });
    s.start();
    await new Promise((r) => setTimeout(r, 20));
    await s.close();
    const callsAtClose = calls;
    await expect(s.whenReady()).rejects.toBeInstanceOf(StoreUnavailableError);
    await new Promise((r) => setTimeout(r, 100));
    expect(calls).toBe(callsAtClose);
    expect(s.detail()).toBe('closed');
    expect(disconnects.length).toBe(callsAtClose + 1);
    await s.close();
  });

  it('close() during a successful attempt leaves the store closed, not ready', async () => {
    let finish!: () => void;
    const { s, disconnects } = supervisor(() => new Promise<void>((resolve) => (finish = resolve)));
    s.start();
    const closing = s.close();
    finish();
    await closing;
    expect(s.isReady).toBe(false);
    expect(s.isClosed).toBe(true);
    expect(disconnects.length).toBe(1);
  });
});
