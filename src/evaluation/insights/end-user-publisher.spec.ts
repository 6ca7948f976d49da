import type { AppConfig } from '../../config/app-config';
import { type BusMessage, type MessageBus, TOPICS } from '../../core/ports/message-bus.port';
import { silentLogger } from '../../core/ports/logger.port';
import { createInProcessMessageBus } from '../../infrastructure/mq/inprocess/in-process-message.bus';
import { EndUserPublisher } from './end-user-publisher';

const config = { evaluation: { endUserDedupeSeconds: 180 } } as AppConfig;

describe('EndUserPublisher', () => {
  let bus: MessageBus;
  let published: unknown[];

  beforeEach(async () => {
    bus = createInProcessMessageBus();
    published = [];
    await bus.consume(TOPICS.endUsers, (batch: BusMessage[]) => {
      published.push(...batch.map((m) => m.payload));
      return Promise.resolve();
    });
  });

  afterEach(() => bus.close());

  it('claims a user once per environment within the window, again after it', () => {
    const publisher = new EndUserPublisher(bus, config, silentLogger);
    expect(publisher.claim('env-1', 'u1', 0)).toBe('env-1:u1');
    expect(publisher.claim('env-1', 'u1', 179_999)).toBeNull();
    expect(publisher.claim('env-2', 'u1', 1)).toBe('env-2:u1');
    expect(publisher.claim('env-1', 'u1', 180_000)).toBe('env-1:u1');
  });

  it('forgets released claims and expired entries', () => {
    const publisher = new EndUserPublisher(bus, config, silentLogger);
    publisher.claim('e', 'a', 0);
    publisher.release(['e:a']);
    expect(publisher.claim('e', 'a', 1)).not.toBeNull();
    publisher.sweep(500_000);
    expect(publisher.claim('e', 'a', 500_001)).not.toBeNull();
  });

  it('batches users seen on streaming connections into end-user messages', async () => {
    const publisher = new EndUserPublisher(bus, config, silentLogger);
    publisher.enqueueSeen('env', {
      keyId: 'u1',
      name: 'One',
      customizedProperties: [{ name: 'c', value: 'nl' }],
    });
    publisher.enqueueSeen('env', { keyId: 'u1', name: 'One again' });
    publisher.enqueueSeen('env', { keyId: 'u2' });
    await publisher.flush();
    await new Promise((r) => setTimeout(r, 50));
    expect(published).toEqual([
      { envId: 'env', keyId: 'u1', name: 'One', customizedProperties: [{ name: 'c', value: 'nl' }] },
      { envId: 'env', keyId: 'u2', name: '', customizedProperties: [] },
    ]);
  });

  it('releases the claims when the broker refuses, so the next sighting retries', async () => {
    const publisher = new EndUserPublisher(bus, config, silentLogger);
    await bus.close();
    const key = publisher.claim('env', 'u1')!;
    await expect(
      publisher.publish([
        { key, message: { envId: 'env', keyId: 'u1', name: '', customizedProperties: [] } },
      ]),
    ).rejects.toThrow();
    expect(publisher.claim('env', 'u1')).toBe(key);
  });
});
