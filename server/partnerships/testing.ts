import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { api, type ServerUnderTest, tokenOf } from '../cohorts/testing';
import schema from '../../shared/partnership-export.schema.json' with { type: 'json' };

/** Test helpers for the partnership endpoints. */

export { api, tokenOf };

export interface TestPartnership {
  id: string;
  lead: string;
  member: string;
  links: { lead: string; member: string };
}

export const PARTNERSHIP = { name: 'Tri-County Manufacturing Partnership', region: 'Tri-County', sector: 'Advanced manufacturing' };

/** POST /api/partnerships; throws unless 201. */
export async function createTestPartnership(server: ServerUnderTest, body: Record<string, unknown> = {}): Promise<TestPartnership> {
  const res = await api(server, 'POST', '/api/partnerships', null, { ...PARTNERSHIP, ...body });
  if (res.status !== 201) throw new Error(`partnership creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id, links: res.body.links, lead: tokenOf(res.body.links.lead), member: tokenOf(res.body.links.member) };
}

export interface TestMeetingBoard {
  id: string;
  links: { facilitator: string; editor: string; viewer: string };
  facilitator: string;
}

/** POST /api/partnerships/:id/boards with the lead token; throws unless 201. */
export async function addTestBoard(server: ServerUnderTest, p: TestPartnership, body: Record<string, unknown> = {}): Promise<TestMeetingBoard> {
  const res = await api(server, 'POST', `/api/partnerships/${p.id}/boards`, p.lead, { template: 'universe-of-connections', title: 'Who is at the table', ...body });
  if (res.status !== 201) throw new Error(`board creation failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { ...res.body, facilitator: tokenOf(res.body.links.facilitator) };
}

let validator: ReturnType<Ajv2020['compile']> | undefined;

/** Validates against shared/partnership-export.schema.json; returns ajv's errors (empty when valid). */
export function partnershipSchemaErrors(doc: unknown): unknown[] {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv);
    validator = ajv.compile(schema);
  }
  return validator(doc) ? [] : [...(validator.errors ?? [])];
}

/** Reads an SSE response until `predicate` holds for an event's parsed data, or the timeout. */
export async function nextEvent(body: ReadableStream<Uint8Array>, name: string, predicate: (data: any) => boolean, timeoutMs = 3000): Promise<any> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), Math.max(1, deadline - Date.now())))]);
      if (chunk === null) break;
      if (chunk.done) break;
      buffer += decoder.decode(chunk.value, { stream: true });
      let end = buffer.indexOf('\n\n');
      while (end >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (event === name && data !== undefined && predicate(JSON.parse(data))) return JSON.parse(data);
        end = buffer.indexOf('\n\n');
      }
    }
    throw new Error(`no "${name}" event within ${timeoutMs} ms`);
  } finally {
    reader.releaseLock();
  }
}
