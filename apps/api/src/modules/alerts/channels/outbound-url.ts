import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Where alert channels may send (anti-SSRF): https only, and never to a private, loopback,
 * link-local or otherwise non-public address, unless the host is on ALERT_ALLOWED_HOSTS
 * ("hooks.internal", "127.0.0.1:9000"), which then may also use http. Checked twice: on the URL
 * when a channel is saved, and on every address the name resolves to when a request connects
 * (so a name that later resolves to 10.0.0.1 is still refused: no DNS rebinding).
 */
export class OutboundPolicy {
  private readonly allowed: ReadonlySet<string>;

  constructor(allowedHosts: readonly string[]) {
    this.allowed = new Set(allowedHosts.map((host) => host.trim().toLowerCase()).filter(Boolean));
  }

  /** The URL if a channel may use it; otherwise an OutboundRefusal saying why. */
  check(raw: string): URL {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      throw new OutboundRefusal('not a valid URL');
    }
    if (url.username || url.password) throw new OutboundRefusal('credentials in the URL are not allowed (use a header)');
    const allowed = this.allows(url);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && allowed)) {
      throw new OutboundRefusal(`${url.protocol.replace(':', '')} is not allowed: use https (or list the host in ALERT_ALLOWED_HOSTS)`);
    }
    const literal = hostAddress(url.hostname);
    if (literal && !allowed && !isPublic(literal)) {
      throw new OutboundRefusal(`${url.hostname} is a ${rangeOf(literal)} address: not allowed unless listed in ALERT_ALLOWED_HOSTS`);
    }
    return url;
  }

  /** True when the host (or host:port) is allow-listed. */
  allows(url: URL): boolean {
    const host = url.hostname.toLowerCase().replace(/^\[|\]$/g, '');
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    return this.allowed.has(host) || this.allowed.has(`${host}:${port}`) || this.allowed.has(`[${host}]:${port}`);
  }

  /** A dns lookup for http(s).request that refuses non-public addresses for hosts not allow-listed. */
  lookupFor(url: URL): LookupFunction {
    const allowed = this.allows(url);
    return (hostname, options, callback) => {
      dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
        if (error) return callback(error, '', 0);
        const refused = allowed ? undefined : addresses.find((a) => !isPublic(a.address));
        if (refused) {
          return callback(
            new OutboundRefusal(`${hostname} resolves to ${refused.address} (${rangeOf(refused.address)}): not allowed`),
            '',
            0,
          );
        }
        if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
        const first = addresses[0];
        if (!first) return callback(new OutboundRefusal(`${hostname} has no address`), '', 0);
        return callback(null, first.address, first.family);
      });
    };
  }
}

export class OutboundRefusal extends Error {
  readonly code = 'OUTBOUND_REFUSED';
  constructor(message: string) {
    super(message);
    this.name = 'OutboundRefusal';
  }
}

function hostAddress(hostname: string): string | null {
  const bare = hostname.replace(/^\[|\]$/g, '');
  return ipaddr.isValid(bare) ? bare : null;
}

/** Only globally routable unicast addresses are public (IPv4-mapped IPv6 judged as its IPv4). */
export function isPublic(address: string): boolean {
  return rangeOf(address) === 'unicast';
}

function rangeOf(address: string): string {
  try {
    let parsed = ipaddr.parse(address);
    if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
    return parsed.range();
  } catch {
    return 'invalid';
  }
}
