import type { ExtractedBoard } from '../kit/extract';
import { compareText } from '../kit/text';
import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultConnection, ResultItem, TableFigure } from '../../shared/results';
import { CHANNELS } from './connectors';
import { LAYERS } from './items';
import { rolesPerOrganization, roleOverlaps, tenWays, waysToFinish } from './roleFigures';
import { LAYER_OF_ZONE } from './template';
import { statusOf } from '../kit/figureKit';

/**
 * Derived figures of the frontline communication exercise.
 *
 * Rules:
 *  - Layer of an audience: the lane it sits in is the truth; outside the lanes its `layer`
 *    field counts; with neither it has no layer ("Layer not set"). An audience whose field
 *    names another lane than the one it sits in is listed as info. Other card types have no
 *    layer.
 *  - Broken chain: a layer after the partnership "receives" when some complete flow ends at an
 *    audience in it (whatever the flow starts from). The partnership is the source: it need
 *    not receive, but the chain is broken at its start when no complete flow leaves it.
 *  - Owner / cadence per audience: looks at every flow with an end on the audience, finished or
 *    not; the audience is listed when none of them names an owner, or none names a cadence, or
 *    when no flow touches it at all. Flows missing either are also counted one by one.
 *  - The frontline map and the "ten ways" figures and their rules are in roleFigures.ts.
 */

const LAYER_VALUES = LAYERS.map((l) => l.value);
const LAYER_INDEX = new Map(LAYER_VALUES.map((v, i) => [v, i]));
const LAYER_LABEL = new Map(LAYERS.map((l) => [l.value, l.label]));
const NO_LAYER = 'Layer not set';

const filled = (v: unknown): boolean => typeof v === 'string' && v.trim() !== '';
const cmp = compareText;

/** The layer an audience counts in: its lane, else its field ('' when neither). */
function audienceLayer(item: ResultItem): string {
  if (item.type !== 'audience') return '';
  const lane = item.zoneId ? LAYER_OF_ZONE.get(item.zoneId) : undefined;
  if (lane) return lane;
  return typeof item.fields.layer === 'string' ? item.fields.layer : '';
}

/** What the flow arrows say, read in one pass. */
interface FlowReading {
  pairs: Map<string, { from: string; to: string; count: number; channels: Map<string, number>; itemIds: Set<string> }>;
  receives: Set<string>;
  partnershipSends: boolean;
  unfinished: number;
  looseEnds: Set<string>;
  /** audience id → whether some flow touching it names an owner / a cadence */
  touching: Map<string, { owner: boolean; cadence: boolean }>;
  flowsMissing: Set<string>;
  flowsMissingCount: number;
}

function readFlows(flows: ResultConnection[], layerOf: Map<string, string>): FlowReading {
  const r: FlowReading = { pairs: new Map(), receives: new Set(), partnershipSends: false, unfinished: 0, looseEnds: new Set(), touching: new Map(), flowsMissing: new Set(), flowsMissingCount: 0 };
  for (const c of flows) {
    const owner = filled(c.fields.owner);
    const cadence = filled(c.fields.cadence);
    for (const id of [c.fromId, c.toId]) {
      if (!id || !layerOf.has(id)) continue;
      const t = r.touching.get(id) ?? { owner: false, cadence: false };
      t.owner ||= owner;
      t.cadence ||= cadence;
      r.touching.set(id, t);
    }
    if (!c.complete || !c.fromId || !c.toId) {
      r.unfinished++;
      if (c.fromId) r.looseEnds.add(c.fromId);
      if (c.toId) r.looseEnds.add(c.toId);
      continue;
    }
    if (!owner || !cadence) {
      r.flowsMissingCount++;
      r.flowsMissing.add(c.fromId).add(c.toId);
    }
    const from = layerOf.get(c.fromId) ?? '';
    const to = layerOf.get(c.toId) ?? '';
    if (to && layerOf.has(c.toId)) r.receives.add(to);
    if (from === 'partnership') r.partnershipSends = true;
    const key = `${from}\u0000${to}`;
    let pair = r.pairs.get(key);
    if (!pair) r.pairs.set(key, (pair = { from, to, count: 0, channels: new Map(), itemIds: new Set() }));
    pair.count++;
    const channel = String(c.fields.channel ?? '');
    pair.channels.set(channel, (pair.channels.get(channel) ?? 0) + 1);
    pair.itemIds.add(c.fromId).add(c.toId);
  }
  return r;
}

const layerIndex = (layer: string) => LAYER_INDEX.get(layer) ?? LAYER_VALUES.length;

function flowsByLayerPair(r: FlowReading): TableFigure {
  const channelOrder = [...CHANNELS.map((ch) => ch.value), ''];
  const channelLabel = new Map<string, string>([...CHANNELS.map((ch) => [ch.value, ch.label] as [string, string]), ['', 'channel not set']]);
  const rows = [...r.pairs.values()]
    .sort((a, b) => layerIndex(a.from) - layerIndex(b.from) || layerIndex(a.to) - layerIndex(b.to))
    .map((p) => {
      const channels = channelOrder
        .filter((ch) => p.channels.has(ch))
        .map((ch) => `${channelLabel.get(ch)} ${p.channels.get(ch)}`)
        .join(', ');
      const row: TableFigure['rows'][number] = {
        key: `${p.from || 'none'}>${p.to || 'none'}`,
        cells: [LAYER_LABEL.get(p.from) ?? NO_LAYER, LAYER_LABEL.get(p.to) ?? NO_LAYER, p.count, channels],
        itemIds: [...p.itemIds],
      };
      if (!p.from || !p.to) row.status = 'info';
      return row;
    });
  return {
    id: 'flows-by-layer-pair',
    kind: 'table',
    label: 'Flows between layers',
    help: 'How many finished flow arrows go from each layer to each other layer, and through which channels.',
    columns: ['From layer', 'To layer', 'Flows', 'Channels'],
    rows,
    status: rows.some((row) => row.status === 'info') ? 'info' : 'ok',
  };
}

function brokenChain(audiences: ResultItem[], layerOf: Map<string, string>, r: FlowReading): ListFigure {
  const inLayer = new Map<string, string[]>();
  for (const a of audiences) {
    const layer = layerOf.get(a.id)!;
    const list = inLayer.get(layer);
    if (list) list.push(a.id);
    else inLayer.set(layer, [a.id]);
  }
  const chain: ListFigure['entries'] = [];
  for (const layer of LAYERS) {
    const ids = inLayer.get(layer.value) ?? [];
    const n = ids.length;
    const placed = n === 0 ? 'no audience placed yet' : null;
    if (layer.value === 'partnership') {
      if (!r.partnershipSends) chain.push({ text: `${layer.label}: ${placed ?? 'nothing flows out of it'}`, status: 'warn', itemIds: ids });
    } else if (!r.receives.has(layer.value)) {
      chain.push({ text: `${layer.label}: ${placed ?? `no flow reaches its ${n === 1 ? 'audience' : `${n} audiences`}`}`, status: 'warn', itemIds: ids });
    }
  }
  return {
    id: 'broken-chain',
    kind: 'list',
    label: 'Broken chain',
    help: 'Layers no finished flow reaches, or a partnership that sends nothing: information stops there.',
    status: statusOf(chain),
    entries: chain,
    empty: 'Information flows from the partnership all the way to jobseekers and students.',
  };
}

function audiencesWithoutOwner(ordered: ResultItem[], layerOf: Map<string, string>, r: FlowReading): ListFigure {
  const entries = ordered
    .map((a) => {
      const t = r.touching.get(a.id);
      const gaps = !t ? ['no flow in or out'] : [...(t.owner ? [] : ['no owner']), ...(t.cadence ? [] : ['no cadence'])];
      return { a, gaps };
    })
    .filter((x) => x.gaps.length > 0)
    .map(({ a, gaps }) => ({
      text: `${a.title} (${LAYER_LABEL.get(layerOf.get(a.id)!) ?? NO_LAYER}): ${gaps.join(', ')}`,
      status: 'warn' as FigureStatus,
      itemIds: [a.id],
    }));
  return {
    id: 'audiences-without-owner-or-cadence',
    kind: 'list',
    label: 'Audiences without an owner or cadence',
    help: 'Audiences none of whose flows names who is responsible, or how often it happens.',
    status: statusOf(entries),
    entries,
    empty: 'Every audience has an owned, scheduled flow.',
  };
}

function flowsWithoutOwner(r: FlowReading): NumberFigure {
  return {
    id: 'flows-without-owner-or-cadence',
    kind: 'number',
    label: 'Flows missing an owner or cadence',
    help: 'Finished flow arrows that do not say who owns them or how often they happen.',
    value: r.flowsMissingCount,
    status: r.flowsMissingCount ? 'warn' : 'ok',
    itemIds: [...r.flowsMissing],
  };
}

function layerMismatch(ordered: ResultItem[], layerOf: Map<string, string>): ListFigure {
  const entries = ordered
    .filter((a) => {
      const lane = a.zoneId ? LAYER_OF_ZONE.get(a.zoneId) : undefined;
      return lane !== undefined && a.fields.layer !== '' && a.fields.layer !== lane;
    })
    .map((a) => ({
      text: `${a.title} sits in ${LAYER_LABEL.get(layerOf.get(a.id)!)} but is marked ${LAYER_LABEL.get(String(a.fields.layer))}`,
      status: 'info' as FigureStatus,
      itemIds: [a.id],
    }));
  return {
    id: 'layer-mismatch',
    kind: 'list',
    label: 'Layer field differs from lane',
    help: 'Audiences placed in one lane but marked with another layer; the lane is what counts.',
    status: statusOf(entries, 'info'),
    entries,
    empty: 'Every audience sits in the lane of its layer.',
  };
}

function unfinishedFlows(r: FlowReading): NumberFigure {
  return {
    id: 'unfinished-flows',
    kind: 'number',
    label: 'Unfinished flows',
    help: 'Flow arrows with an end not attached to a card; attach both ends so they count.',
    value: r.unfinished,
    status: r.unfinished ? 'info' : 'ok',
    itemIds: [...r.looseEnds],
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const audiences = board.ofType('audience');
  const layerOf = new Map<string, string>();
  for (const a of audiences) layerOf.set(a.id, audienceLayer(a));
  // Display order of audiences, computed once (layer, then name case-insensitive, then id); the
  // lists filter it.
  const ordered = audiences
    .map((a) => ({ a, layer: layerIndex(layerOf.get(a.id)!), name: a.title.toLowerCase() }))
    .sort((x, y) => x.layer - y.layer || cmp(x.name, y.name) || cmp(x.a.id, y.a.id))
    .map((o) => o.a);
  const flows = readFlows(board.connectionsOfKind('flow'), layerOf);
  return [
    flowsByLayerPair(flows),
    brokenChain(audiences, layerOf, flows),
    audiencesWithoutOwner(ordered, layerOf, flows),
    flowsWithoutOwner(flows),
    tenWays(board),
    waysToFinish(board),
    rolesPerOrganization(board),
    roleOverlaps(board),
    layerMismatch(ordered, layerOf),
    unfinishedFlows(flows),
  ];
}
