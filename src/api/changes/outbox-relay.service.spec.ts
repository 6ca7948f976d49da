import type { FlagCache } from '../../core/ports/flag-cache.port';
import type { DataStore } from '../../core/ports/data-store.port';
import { silentLogger } from '../../core/ports/logger.port';
import { type MessageBus, type OutboxMessage, TOPICS } from '../../core/ports/message-bus.port';
import { RawJson } from '../../core/messages/raw-json';
import { OutboxRelay } from './outbox-relay.service';

function relayOf(rows: OutboxMessage[]) {
  const published: { topic: string; payload: unknown }[] = [];
  const removed: string[] = [];
  const store = {
    outbox: {
      listPending: () => Promise.resolve(rows.filter((r) => !removed.includes(r.id))),
      remove: (id: string) => Promise.resolve(void removed.push(id)),
      recordAttempt: () => Promise.resolve(),
    },
  } as unknown as DataStore;
  const bus = {
    publish: (topic: string, payload: unknown) => Promise.resolve(void published.push({ topic, payload })),
  } as unknown as MessageBus;
  const cache = { enabled: false } as FlagCache;
  return { relay: new OutboxRelay(store, bus, cache, silentLogger), published, removed };
}

const row = (id: string, topic: OutboxMessage['topic'], payload: string): OutboxMessage => ({
  id,
  topic,
  payload,
  attempts: 0,
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('OutboxRelay', () => {
  it("publishes the outbox row's JSON as it is, serialized once", async () => {
    // Spacing and key order JSON.stringify would not reproduce: the text must reach the bus untouched.
    const json = '{"updatedAt":"2024-01-01T00:00:00.000Z", "key":"k","envId":"e","id":"f1"}';
    const { relay, published, removed } = relayOf([row('m1', TOPICS.flagChange, json)]);
    relay.kick();
    await relay.idle();
    expect(published).toEqual([{ topic: TOPICS.flagChange, payload: new RawJson(json) }]);
    expect((published[0].payload as RawJson).json).toBe(json);
    expect(removed).toEqual(['m1']);
  });

  it('drops a row its topic cannot read instead of publishing it', async () => {
    const { relay, published, removed } = relayOf([
      row('bad-json', TOPICS.flagChange, '{'),
      row('bad-removal', TOPICS.removal, '{"kind":"project"}'),
      row('ok', TOPICS.removal, '{"kind":"environment","envIds":["e"]}'),
    ]);
    relay.kick();
    await relay.idle();
    expect(published.map((p) => (p.payload as RawJson).json)).toEqual([
      '{"kind":"environment","envIds":["e"]}',
    ]);
    expect(removed).toEqual(['bad-json', 'bad-removal', 'ok']);
  });
});
