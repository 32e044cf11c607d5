import type { IncomingMessage } from 'node:http';
import { isIPv6 } from 'node:net';

/** Requests another node of the cluster passed on, with the client address it vouched for (signed). */
const vouchedAddresses = new WeakMap<IncomingMessage, string>();

/**
 * Distributed mode: the address of the client a request was passed on for, as the node that
 * passed it on saw it (server/cluster/forwarding.ts checked its signature); clientAddress
 * returns it for this request.
 */
export function vouchForAddress(req: IncomingMessage, address: string): void {
  vouchedAddresses.set(req, address);
}

/**
 * The address a request comes from, as the key of per-address limits: the socket's peer, or
 * with `trustProxy` the last address of X-Forwarded-For (the one your proxy added). IPv6
 * addresses count per /64 (one home or office network gets one of those); IPv4-mapped IPv6 is
 * the IPv4 address.
 */
export function clientAddress(req: IncomingMessage, trustProxy = false): string {
  const vouched = vouchedAddresses.get(req);
  if (vouched !== undefined) return vouched;
  let address = req.socket.remoteAddress ?? '';
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').at(-1)?.trim();
    if (last) address = last;
  }
  if (address.startsWith('::ffff:')) address = address.slice(7);
  if (isIPv6(address)) return `${ipv6Prefix64(address)}::/64`;
  return address;
}

function ipv6Prefix64(address: string): string {
  const [head, tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g || '0', 16).toString(16))
    .join(':');
}
