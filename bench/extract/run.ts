/**
 * Extraction benchmark: for every exercise, a board with 2,000 typed items and 2,000 typed
 * connectors, extracted repeatedly in Node. The live figures run this on every change, so the
 * goal is well under one animation frame (16 ms). Text fields draw from a vocabulary of 40 names
 * (organizations, programs, businesses repeat across cards as on a real board); random unique
 * text everywhere would make every card its own program and every table 2,000 rows long.
 *
 *   npx tsx bench/extract/run.ts [--items 2000] [--connectors 2000] [--runs 50]
 */
import { EXERCISES, getItemType } from '../../exercises/registry';
import { extractBoard } from '../../exercises/kit/extract';
import { FixtureBuilder } from '../../exercises/kit/fixtureBuilder';
import type { ExerciseDef, FieldDef } from '../../exercises/kit/definitions';
import type { FieldValue } from '../../shared/results';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const ITEMS = arg('items', 2000);
const CONNECTORS = arg('connectors', 2000);
const RUNS = arg('runs', 50);

// A small deterministic generator, so every run measures the same board.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

// Text fields draw from a regional vocabulary: a big board has many cards but a few dozen
// organizations, programs and businesses, as a real region does (names repeat across cards).
const NAMES = Array.from({ length: 40 }, (_, i) => `${['Acme', 'Riverside', 'North', 'Valley', 'Summit', 'Blue Ridge', 'Metro', 'Harbor'][i % 8]} ${['Tooling', 'Health', 'College', 'Workforce Board', 'Chamber'][i % 5]} ${Math.floor(i / 8) + 1}`);

function valueFor(field: FieldDef, n: number): FieldValue {
  switch (field.kind) {
    case 'text':
      return random() < 0.1 ? '' : pick(NAMES);
    case 'longtext':
      return random() < 0.1 ? '' : `${pick(NAMES)}, ${pick(NAMES)}; note ${n}`;
    case 'choice':
      return random() < 0.1 ? '' : pick(field.options).value;
    case 'scale':
      return random() < 0.1 ? null : field.min + Math.floor(random() * (field.max - field.min + 1));
    case 'number':
      return Math.floor(random() * 50);
    case 'boolean':
      return random() < 0.5;
  }
}

function bigBoard(exercise: ExerciseDef) {
  const f = new FixtureBuilder(exercise, getItemType);
  const zones = exercise.template.zones;
  const ids: { id: string; type: string }[] = [];
  for (let n = 0; n < ITEMS; n++) {
    const def = exercise.itemTypes[n % exercise.itemTypes.length];
    const fields = Object.fromEntries(def.fields.map((fd) => [fd.key, valueFor(fd, n)]));
    const zone = zones.length && random() < 0.9 ? pick(zones) : undefined;
    const place = zone ? { zone: zone.id, x: random() * zone.w, y: random() * zone.h } : { x: -5000 + random() * 1000, y: random() * 1000 };
    ids.push({ id: f.item(def.type, fields, place), type: def.type });
  }
  for (let n = 0; n < CONNECTORS && exercise.connectorKinds.length; n++) {
    const kind = exercise.connectorKinds[n % exercise.connectorKinds.length];
    const from = ids.filter((i) => !kind.from || kind.from.includes(i.type));
    const to = ids.filter((i) => !kind.to || kind.to.includes(i.type));
    if (!from.length || !to.length) continue;
    const fields = Object.fromEntries(kind.fields.map((fd) => [fd.key, valueFor(fd, n)]));
    f.connect(kind.kind, pick(from).id, random() < 0.05 ? null : pick(to).id, fields);
  }
  return f.build();
}

const ONLY = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const rows: Record<string, string | number>[] = [];
for (const exercise of EXERCISES) {
  if (!exercise.itemTypes.length || (ONLY && exercise.template.id !== ONLY)) continue;
  const records = bigBoard(exercise);
  const options = { exercise, itemType: getItemType, variant: exercise.template.variants?.[0]?.id ?? null };
  const measure = (opts: typeof options) => {
    for (let i = 0; i < 30; i++) extractBoard(records, opts); // warm up the JIT
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      extractBoard(records, opts);
      times.push(performance.now() - t);
    }
    return times.sort((a, b) => a - b);
  };
  const last = extractBoard(records, options);
  // The same board with the exercise's figures switched off: the generic part alone.
  const generic = measure({ ...options, exercise: { ...exercise, figures: () => [] } });
  const times = measure(options);
  const q = (p: number, list = times) => list[Math.min(list.length - 1, Math.floor(p * list.length))];
  rows.push({
    exercise: exercise.template.id,
    records: records.length,
    items: last.results.items.length,
    connections: last.results.connections.length,
    figures: last.results.figures.length,
    'generic median ms': q(0.5, generic).toFixed(2),
    'median ms': q(0.5).toFixed(2),
    'p95 ms': q(0.95).toFixed(2),
    'max ms': times[times.length - 1].toFixed(2),
  });
}
console.log(`extractBoard on ${ITEMS} items + ${CONNECTORS} connectors, ${RUNS} runs each (Node ${process.version})`);
console.table(rows);
