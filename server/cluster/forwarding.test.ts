import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { CLIENT_HEADER, clusterKey, forwardHeaders, VIA_HEADER, vouchedAddress } from './forwarding';

function request(url: string, headers: Record<string, string> = {}, method = 'GET'): IncomingMessage {
  return { url, method, headers } as unknown as IncomingMessage;
}

const key = clusterKey(undefined, 'postgres://boards:secret@db/boards');

describe('forwarded client addresses', () => {
  it('believes the address a node of the cluster signed for this very request', () => {
    const original = request('/ws/abc?token=t');
    const passed = request('/ws/abc?token=t', forwardHeaders(key, 'node-1', '203.0.113.7', original));
    expect(vouchedAddress(key, passed)).toBe('203.0.113.7');
  });

  it('ignores an address a client wrote itself, one signed with another key, or moved to another request', () => {
    const original = request('/api/boards/abc/votes', {}, 'POST');
    const headers = forwardHeaders(key, 'node-1', '203.0.113.7', original);
    expect(vouchedAddress(key, request('/api/boards/abc/votes', { [VIA_HEADER]: 'x', [CLIENT_HEADER]: '1;198.51.100.1;AAAA' }, 'POST'))).toBeNull();
    expect(vouchedAddress(clusterKey('another secret', ''), request('/api/boards/abc/votes', headers, 'POST'))).toBeNull();
    expect(vouchedAddress(key, request('/api/boards/other/votes', headers, 'POST'))).toBeNull();
    const forged = { ...headers, [CLIENT_HEADER]: headers[CLIENT_HEADER].replace('203.0.113.7', '198.51.100.1') };
    expect(vouchedAddress(key, request('/api/boards/abc/votes', forged, 'POST'))).toBeNull();
  });

  it('ignores a signature older than a minute (a replay)', () => {
    const original = request('/ws/abc');
    const realNow = Date.now;
    Date.now = () => realNow() - 120_000;
    const headers = forwardHeaders(key, 'node-1', '203.0.113.7', original);
    Date.now = realNow;
    expect(vouchedAddress(key, request('/ws/abc', headers))).toBeNull();
  });

  it('derives the key from CLUSTER_SECRET when set, else from DATABASE_URL', () => {
    expect(clusterKey('s', 'postgres://a')).toEqual(clusterKey('s', 'postgres://b'));
    expect(clusterKey(undefined, 'postgres://a')).not.toEqual(clusterKey(undefined, 'postgres://b'));
  });
});
