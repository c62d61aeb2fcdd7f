/**
 * Which peers are trusted proxies (ADR 027). `TRUST_PROXY` unset trusts nobody: the client address
 * is the socket's and `X-Forwarded-For` is ignored. A hop count trusts that many proxies in front
 * of the server; a comma list of addresses, CIDR ranges or the names loopback / linklocal /
 * uniquelocal trusts exactly those peers.
 */
import net from 'node:net';

export type TrustProxySetting = false | number | string[];

const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Why one entry of the list is not an address, a CIDR range or a known name (null when fine). */
export function trustEntryProblem(entry: string): string | null {
  if (NAMED[entry]) return null;
  const [addr, bits, extra] = entry.split('/');
  const family = net.isIP(addr ?? '');
  if (!family || extra !== undefined) return `"${entry}" is not an IP address or CIDR range`;
  if (bits === undefined) return null;
  const n = Number(bits);
  const max = family === 4 ? 32 : 128;
  if (!/^\d+$/.test(bits) || n > max) return `"${entry}" has a prefix length outside 0..${max}`;
  return null;
}

/** Parse the environment value; throws with a clear message when it is not valid. */
export function parseTrustProxy(raw: string | undefined): TrustProxySetting {
  const v = (raw ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return false;
  if (/^\d+$/.test(v)) {
    const n = Number(v);
    if (n > 10) throw new Error('a hop count must be between 0 and 10');
    return n;
  }
  const entries = v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (v === 'true' || v === '*')
    throw new Error('trusting every peer lets any client forge its address; give a hop count or addresses');
  const problems = entries.map(trustEntryProblem).filter((p): p is string => p !== null);
  if (problems.length) throw new Error(problems.join('; '));
  return entries;
}

/** `::ffff:10.0.0.1` is the IPv4 peer 10.0.0.1. */
function normalise(addr: string): string {
  const m = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(addr);
  return m ? m[1] : addr;
}

/**
 * The trust function Fastify (proxy-addr) calls for the socket peer (hop 0) and then each
 * forwarded address in turn, nearest first.
 */
export function trustFunction(setting: TrustProxySetting): (addr: string, hop: number) => boolean {
  if (setting === false) return () => false;
  if (typeof setting === 'number') return (_addr, hop) => hop < setting;
  const list = new net.BlockList();
  for (const entry of setting.flatMap((e) => NAMED[e] ?? [e])) {
    const [addr, bits] = entry.split('/');
    const type = net.isIP(addr) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(addr, type);
    else list.addSubnet(addr, Number(bits), type);
  }
  return (raw) => {
    const addr = normalise(raw);
    const family = net.isIP(addr);
    if (!family) return false;
    return list.check(addr, family === 6 ? 'ipv6' : 'ipv4');
  };
}

/** A request id from a trusted proxy is kept only when it is short and plain (no log injection). */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Fastify's genReqId: the server's own id unless a trusted proxy sent `x-request-id`. */
export function requestIdGenerator(setting: TrustProxySetting) {
  const trusted = trustFunction(setting);
  return (raw: {
    headers: Record<string, string | string[] | undefined>;
    socket?: { remoteAddress?: string };
  }) => {
    const sent = raw.headers['x-request-id'];
    const peer = raw.socket?.remoteAddress;
    if (typeof sent === 'string' && REQUEST_ID.test(sent) && peer && trusted(peer, 0)) return sent;
    return crypto.randomUUID();
  };
}
