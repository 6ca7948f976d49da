import type { IncomingMessage } from 'node:http';
import { clientAddress, ConnectionsPerAddress } from './connections-per-address';

const request = (remoteAddress: string, forwardedFor?: string | string[]) =>
  ({
    headers: forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor },
    socket: { remoteAddress },
  }) as unknown as IncomingMessage;

describe('ConnectionsPerAddress', () => {
  it('admits up to the limit per address, and a released slot is free again', () => {
    const slots = new ConnectionsPerAddress(2);
    expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.tryAcquire('a')).toBe(false);
    expect(slots.tryAcquire('b')).toBe(true);
    slots.release('a');
    expect(slots.count('a')).toBe(1);
    expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.tryAcquire('a')).toBe(false);
  });

  it('forgets an address with no open connection and ignores extra releases', () => {
    const slots = new ConnectionsPerAddress(1);
    slots.tryAcquire('a');
    slots.release('a');
    slots.release('a');
    expect(slots.count('a')).toBe(0);
    expect(slots.tryAcquire('a')).toBe(true);
  });

  it('counts nothing when the limit is 0', () => {
    const slots = new ConnectionsPerAddress(0);
    for (let i = 0; i < 10; i++) expect(slots.tryAcquire('a')).toBe(true);
    expect(slots.count('a')).toBe(0);
  });
});

describe('clientAddress', () => {
  it('is the peer unless TRUST_PROXY, then the first X-Forwarded-For entry', () => {
    expect(clientAddress(request('10.0.0.1', '203.0.113.5, 10.0.0.2'), false)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1', '203.0.113.5, 10.0.0.2'), true)).toBe('203.0.113.5');
    expect(clientAddress(request('10.0.0.1', ['198.51.100.7', '10.0.0.3']), true)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.1', ' '), true)).toBe('10.0.0.1');
    expect(clientAddress(request('10.0.0.1'), true)).toBe('10.0.0.1');
  });
});
