import ipaddr from 'ipaddr.js';

// Where webhooks may not go (SSRF, CWE-918): loopback, link-local (cloud metadata 169.254.169.254),
// private, carrier-grade NAT, unique-local, multicast, unspecified, reserved and documentation
// ranges, and IPv6 forms that embed such an IPv4 address (mapped ::ffff:, NAT64 64:ff9b::/96,
// 6to4 2002::/16), as FeatBit's modules/back-end/src/Domain/Webhooks/WebhookTargetValidator.cs.
// Only ordinary unicast addresses pass, unless the operator's allow-list (WEBHOOK_ALLOWED_HOSTS)
// names the host or a range holding the address.

/** Why an address is refused, or null when a webhook may reach it. */
export function forbiddenAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return 'not an IP address';
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const embedded = embeddedIpv4(parsed as ipaddr.IPv6);
    if (embedded) parsed = embedded;
  }
  const range = parsed.range();
  return range === 'unicast' ? null : `${range} address`;
}

function embeddedIpv4(address: ipaddr.IPv6): ipaddr.IPv4 | null {
  const bytes = address.toByteArray();
  switch (address.range()) {
    case 'ipv4Mapped':
    case 'rfc6052':
      return new ipaddr.IPv4(bytes.slice(12, 16));
    case '6to4':
      return new ipaddr.IPv4(bytes.slice(2, 6));
    default:
      return null;
  }
}

/** The operator's exceptions: host names (exact, case-insensitive) and addresses or CIDR ranges. */
export class WebhookAllowList {
  private readonly hosts = new Set<string>();
  private readonly ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase();
      if (!entry) continue;
      if (entry.includes('/')) this.ranges.push(ipaddr.parseCIDR(entry));
      else if (ipaddr.isValid(entry)) {
        const address = ipaddr.parse(entry);
        this.ranges.push([address, address.kind() === 'ipv4' ? 32 : 128]);
      } else this.hosts.add(entry);
    }
  }

  /** Whether an entry is a host name, an address or a CIDR range (the configuration's check). */
  static isValidEntry(entry: string): boolean {
    const e = entry.trim();
    if (e.includes('/')) return ipaddr.isValidCIDR(e);
    return ipaddr.isValid(e) || /^[A-Za-z0-9.-]{1,253}$/.test(e);
  }

  allowsHost(hostname: string): boolean {
    return this.hosts.has(stripBrackets(hostname).toLowerCase());
  }

  allowsAddress(address: string): boolean {
    if (!ipaddr.isValid(address)) return false;
    const parsed = ipaddr.process(address);
    return this.ranges.some(([base, bits]) => parsed.kind() === base.kind() && parsed.match(base, bits));
  }
}

/** `[::1]` as URL.hostname gives it, without the brackets. */
export function stripBrackets(hostname: string): string {
  return hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
}

/**
 * Whether a webhook may connect to `address` (one the URL's host resolved to). Allow-listed hosts
 * and ranges pass; otherwise the reason it is refused.
 */
export function addressRefusal(hostname: string, address: string, allow: WebhookAllowList): string | null {
  if (allow.allowsHost(hostname) || allow.allowsAddress(address)) return null;
  const reason = forbiddenAddressReason(address);
  return reason === null ? null : `${stripBrackets(hostname)} resolves to a ${reason} (${address})`;
}
