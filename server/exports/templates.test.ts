import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordsOf } from '../../shared/doc/boardDoc';
import type { BoardExport } from '../../shared/api/exportDocument';
import { EXPORT_CSV_FILES } from '../../shared/api/exportDocument';
import { zoneShapeId } from '../../exercises/kit/seed';
import { EXERCISES, getExercise } from '../../exercises/registry';
import { extractFixture, fixtureFor } from '../../exercises/kit/testing';
import { STANDARD_NEXT_STEPS } from '../../exercises/launch-preparation/template';
import { connectClient, synced } from '../../tests/helpers/clients';
import { createTestBoard, startTestServer } from '../../tests/helpers/server';
import { schemaErrors } from './testing';
import type { RunningServer } from '../../tests/helpers/server';

/**
 * The exercise templates through the API: every template is listed with steps whose prompts say
 * what to do, and a board made from each of the newer templates opens with its zones (and its
 * starter cards and starting actions) and exports in every format.
 */

const NEW_TEMPLATES = ['sector-scoping', 'launch-preparation', 'launch-meeting', 'critical-decisions', 'momentum-and-sustaining', 'success-metrics', 'career-pathways'];
const FIRST_FIVE = ['many-tables-many-knocks', 'universe-of-connections', 'journey-map', 'influence-map', 'frontline-communication'];

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function exportOf(board: { id: string; tokens: { viewer: string } }, format: string): Promise<Response> {
  const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}&token=${board.tokens.viewer}`);
  expect(res.status, format).toBe(200);
  return res;
}

describe('GET /api/templates', () => {
  it('lists the blank board, the first five exercises and the seven newer ones, each with steps that say what to do', async () => {
    const list = (await (await fetch(`${server.url}/api/templates`)).json()) as { id: string; title: string; version: number; steps: { id: string; title: string; prompt: string; minutes: number }[] }[];
    expect(list.map((t) => t.id)).toEqual(['blank', ...FIRST_FIVE, ...NEW_TEMPLATES]);
    for (const t of list.filter((x) => x.id !== 'blank')) {
      expect(t.steps.length, t.id).toBeGreaterThanOrEqual(3);
      for (const s of t.steps) {
        expect(s.prompt.length, `${t.id}/${s.id}`).toBeGreaterThan(80);
        expect(s.minutes, `${t.id}/${s.id}`).toBeGreaterThan(0);
      }
    }
  });
});

describe.each(NEW_TEMPLATES)('a board from %s', (template) => {
  it('opens with the template’s zones and exports JSON, CSV, Markdown and HTML', async () => {
    const exercise = getExercise(template)!;
    const board = await createTestBoard(server, { template, title: `${exercise.template.title} work-session` });
    const c = connectClient(server, board.id, board.tokens.viewer);
    try {
      await synced(c);
      const records = recordsOf(c.doc);
      for (const z of exercise.template.zones) expect(records.get(zoneShapeId(z.id) as never), z.id).toMatchObject({ type: 'pb-zone', props: { zoneId: z.id, label: z.label } });
    } finally {
      c.destroy();
    }

    const json = (await (await exportOf(board, 'json')).json()) as BoardExport;
    expect(schemaErrors(json)).toEqual([]);
    expect(json.board.template).toEqual({ id: template, title: exercise.template.title, version: exercise.template.version });
    expect(json.steps.map((s) => s.id)).toEqual(exercise.template.steps.map((s) => s.id));
    expect(json.figures.map((f) => f.id)).toEqual(extractFixture(exercise, fixtureFor(exercise).build()).results.figures.map((f) => f.id));

    const zip = unzipSync(new Uint8Array(await (await exportOf(board, 'csv')).arrayBuffer()));
    expect(Object.keys(zip).sort()).toEqual([...EXPORT_CSV_FILES].sort());
    expect(strFromU8(zip['figures.csv'])).toContain(json.figures[0].id);

    const md = await (await exportOf(board, 'md')).text();
    expect(md).toContain(`## Step 1: ${exercise.template.steps[0].title}`);
    const html = await (await exportOf(board, 'html')).text();
    expect(html).toContain(`<h2 id="step-1">`);
  });
});

describe('starting content of a new board', () => {
  it('a launch-preparation board starts with the worksheet’s three next steps, owner and date empty', async () => {
    const board = await createTestBoard(server, { template: 'launch-preparation' });
    const json = (await (await exportOf(board, 'json')).json()) as BoardExport;
    expect(json.actions.map((a) => [a.text, a.owner, a.due, a.status])).toEqual(STANDARD_NEXT_STEPS.map((t) => [t, '', '', 'not-started']));
  });

  it('a success-metrics board starts with the sample metrics in the six cells, and other boards with no cards or actions', async () => {
    const metrics = await createTestBoard(server, { template: 'success-metrics' });
    const json = (await (await exportOf(metrics, 'json')).json()) as BoardExport;
    const items = json.steps.flatMap((s) => s.items);
    expect(new Set(items.map((i) => i.id)).size).toBe(16);
    expect(new Set(items.map((i) => i.zoneId)).size).toBe(6);
    expect(json.itemsOutsideSteps).toEqual([]);
    for (const id of EXERCISES.map((e) => e.template.id).filter((t) => t !== 'success-metrics' && t !== 'launch-preparation')) {
      const other = (await (await exportOf(await createTestBoard(server, { template: id, variant: getExercise(id)!.template.variants?.[0]?.id }), 'json')).json()) as BoardExport;
      expect([other.actions.length, other.itemsOutsideSteps.length + other.steps.flatMap((s) => s.items).length], id).toEqual([0, 0]);
    }
  });
});
