import { addressRefusal, forbiddenAddressReason, WebhookAllowList } from './webhook-address';

describe('webhook target addresses (SSRF)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.8.9.10', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.3.4', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['192.0.2.10', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:a9fe:a9fe', 'linkLocal'],
    ['64:ff9b::7f00:1', 'loopback'],
    ['2002:a00:1::', 'private'],
  ])('refuses %s (%s)', (address, range) => {
    expect(forbiddenAddressReason(address)).toBe(`${range} address`);
  });

  it.each(['8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '2002:808:808::'])(
    'lets %s through',
    (address) => {
      expect(forbiddenAddressReason(address)).toBeNull();
    },
  );

  it('treats something that is not an address as forbidden', () => {
    expect(forbiddenAddressReason('example.com')).toBe('not an IP address');
  });

  it('lets the allow-list open hosts, single addresses and ranges (also in mapped form)', () => {
    const allow = new WebhookAllowList(['receiver.internal', '127.0.0.1', '10.20.0.0/16', 'fd00::/8']);
    expect(addressRefusal('receiver.internal', '10.9.9.9', allow)).toBeNull();
    expect(addressRefusal('localhost', '127.0.0.1', allow)).toBeNull();
    expect(addressRefusal('localhost', '::ffff:127.0.0.1', allow)).toBeNull();
    expect(addressRefusal('x', '10.20.3.4', allow)).toBeNull();
    expect(addressRefusal('x', 'fd00::5', allow)).toBeNull();
    expect(addressRefusal('x', '10.21.3.4', allow)).toBe('x resolves to a private address (10.21.3.4)');
    expect(addressRefusal('[::1]', '::1', allow)).toBe('::1 resolves to a loopback address (::1)');
  });

  it('checks allow-list entries', () => {
    expect(WebhookAllowList.isValidEntry('10.0.0.0/8')).toBe(true);
    expect(WebhookAllowList.isValidEntry('hooks.example.com')).toBe(true);
    expect(WebhookAllowList.isValidEntry('10.0.0.0/99')).toBe(false);
    expect(WebhookAllowList.isValidEntry('http://x')).toBe(false);
  });
});
