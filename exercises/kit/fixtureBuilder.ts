import type { ExerciseDef, ItemTypeDef } from './definitions';
import { defaultFields } from './definitions';
import { getIndexAbove, type IndexKey } from '@tldraw/utils';
import { exerciseRecords, FIRST_ITEM_INDEX, templateRecords, zoneShapeId } from './seed';
import { CONNECTOR_META_KEY, itemShapeType } from './shapes';
import type { FieldValue } from '../../shared/results';
import { DEFAULT_PAGE_ID } from '../../shared/doc/boardDoc';

/**
 * Builds realistic board fixtures for tests and benchmarks: the same plain tldraw records a
 * board document holds (template zones, typed items, typed arrows with their bindings, free
 * drawings and stickies). Tests validate every record against the board schema.
 */

const ARROW_PROPS = {
  kind: 'arc',
  elbowMidPoint: 0.5,
  dash: 'draw',
  size: 'm',
  fill: 'none',
  color: 'black',
  labelColor: 'black',
  bend: 0,
  start: { x: 0, y: 0 },
  end: { x: 100, y: 0 },
  arrowheadStart: 'none',
  arrowheadEnd: 'arrow',
  richText: { type: 'doc', content: [{ type: 'paragraph' }] },
  labelPosition: 0.5,
  font: 'draw',
  scale: 1,
};

const NOTE_PROPS = {
  color: 'yellow',
  size: 'm',
  font: 'draw',
  align: 'middle',
  verticalAlign: 'middle',
  labelColor: 'black',
  growY: 0,
  fontSizeAdjustment: 1,
  url: '',
  scale: 1,
  textLastEditedBy: null,
};

function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : undefined }].map((p) => (p.content ? p : { type: 'paragraph' })) };
}

export interface Place {
  /** Template zone to place the item in; x/y are then offsets from the zone's top-left. */
  zone?: string;
  x: number;
  y: number;
}

export class FixtureBuilder {
  private records = new Map<string, Record<string, unknown>>();
  private counter = 0;
  private lastIndex: IndexKey | null = FIRST_ITEM_INDEX;

  constructor(
    private readonly exercise: ExerciseDef,
    private readonly itemType: (type: string) => ItemTypeDef | undefined,
  ) {
    for (const r of templateRecords(exercise.template)) this.records.set(r.id as string, r);
  }

  /** Fractional indices above the template's zones, in insertion order. */
  private nextIndex(): string {
    this.lastIndex = getIndexAbove(this.lastIndex);
    return this.lastIndex;
  }

  private position(place: Place): { x: number; y: number } {
    if (!place.zone) return { x: place.x, y: place.y };
    const zone = this.records.get(zoneShapeId(place.zone));
    if (!zone) throw new Error(`no zone "${place.zone}" in ${this.exercise.template.id}`);
    return { x: (zone.x as number) + place.x, y: (zone.y as number) + place.y };
  }

  /**
   * Adds the exercise's starter cards as a new board has them (ExerciseDef.starterItems); returns
   * their ids in starter order.
   */
  starterItems(): string[] {
    const zoneCount = this.exercise.template.zones.length;
    const starters = exerciseRecords(this.exercise).slice(zoneCount);
    for (const r of starters) this.records.set(r.id as string, r);
    return starters.map((r) => r.id as string);
  }

  /** Adds a typed item; unspecified fields keep their empty values. Returns its id. */
  item(type: string, fields: Record<string, FieldValue>, place: Place, meta: Record<string, unknown> = {}): string {
    const def = this.itemType(type);
    if (!def) throw new Error(`unknown item type "${type}"`);
    for (const key of Object.keys(fields)) {
      if (!def.fields.some((f) => f.key === key)) throw new Error(`item type "${type}" has no field "${key}"`);
    }
    const id = `shape:${type}-${++this.counter}`;
    this.records.set(id, {
      id,
      typeName: 'shape',
      type: itemShapeType(type),
      ...this.position(place),
      rotation: 0,
      index: this.nextIndex(),
      parentId: DEFAULT_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta,
      props: { w: def.w, h: def.h, ...defaultFields(def.fields), ...fields },
    });
    return id;
  }

  /**
   * Adds an arrow typed as `kind` from one item to another; pass null for an end left unbound.
   * `kind: null` adds a plain, untyped arrow.
   */
  connect(kind: string | null, fromId: string | null, toId: string | null, fields: Record<string, FieldValue> = {}): string {
    const id = `shape:arrow-${++this.counter}`;
    const def = kind ? this.exercise.connectorKinds.find((k) => k.kind === kind) : undefined;
    if (kind && !def) throw new Error(`unknown connector kind "${kind}"`);
    this.records.set(id, {
      id,
      typeName: 'shape',
      type: 'arrow',
      x: 0,
      y: 0,
      rotation: 0,
      index: this.nextIndex(),
      parentId: DEFAULT_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: def ? { [CONNECTOR_META_KEY]: { kind, fields: { ...defaultFields(def.fields), ...fields } } } : {},
      props: { ...ARROW_PROPS },
    });
    const bind = (terminal: 'start' | 'end', target: string | null) => {
      if (!target) return;
      const bid = `binding:${id.slice(6)}-${terminal}`;
      this.records.set(bid, {
        id: bid,
        typeName: 'binding',
        type: 'arrow',
        fromId: id,
        toId: target,
        meta: {},
        props: { terminal, normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
      });
    };
    bind('start', fromId);
    bind('end', toId);
    return id;
  }

  /** A plain sticky note: free content that extraction ignores. */
  sticky(text: string, place: Place): string {
    const id = `shape:note-${++this.counter}`;
    this.records.set(id, {
      id,
      typeName: 'shape',
      type: 'note',
      ...this.position(place),
      rotation: 0,
      index: this.nextIndex(),
      parentId: DEFAULT_PAGE_ID,
      isLocked: false,
      opacity: 1,
      meta: {},
      props: { ...NOTE_PROPS, richText: richText(text) },
    });
    return id;
  }

  /** Removes a record and the bindings attached to it (as deleting a shape mid-session does). */
  remove(id: string): void {
    this.records.delete(id);
    for (const [rid, r] of this.records) {
      if (r.typeName === 'binding' && (r.fromId === id || r.toId === id)) this.records.delete(rid);
    }
  }

  /** Changes fields of an item already added. */
  update(id: string, fields: Record<string, FieldValue>): void {
    const r = this.records.get(id);
    if (!r) throw new Error(`no record ${id}`);
    r.props = { ...(r.props as object), ...fields };
  }

  build(): Record<string, unknown>[] {
    return [...this.records.values()].map((r) => structuredClone(r));
  }
}
