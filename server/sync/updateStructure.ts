import * as Y from 'yjs';
import { FastUpdateDecoderV1 } from '../../shared/fastUpdateDecoding';

/**
 * What a Yjs update would do to a document, worked out from the update's bytes before it is
 * applied: where each piece of new content would land (which top-level type, under which keys
 * of which nested types) and what it is, and which existing content it deletes. The relay checks
 * that against the document layout (boardLayout.ts) and applies the update only when it fits,
 * because an update cannot be partly applied: once in, its effect is everyone's.
 *
 * How Yjs places an item: the update gives either its parent (a top-level name, or the id of the
 * item holding the parent type) and its key, or its left/right neighbours (origin, rightOrigin),
 * in which case it lands in the neighbour's parent under the neighbour's key. A neighbour that
 * was garbage-collected turns the item into garbage itself. We follow the same rules, looking
 * neighbours and parents up in the update first and the document second.
 *
 * Refused as "incomplete" (Yjs would keep such content pending and apply it later, unchecked):
 * an update whose content for some client does not continue where the document's ends, one with
 * gaps (Skip structs), one whose neighbours or parents exist neither in it nor in the document,
 * and deletions of content that does not exist yet. A well-behaved client never sends any of
 * these: y-websocket sends each transaction, and sync step 2 sends everything from the state
 * vector the relay announced.
 */

export type TypeKind = 'array' | 'map' | 'text' | 'xmlText' | 'xmlElement' | 'xmlFragment' | 'xmlHook' | 'unknown';

/** One nested type on the way from a top-level type to an item: the key it sits under in its parent and its kind. */
export interface PathStep {
  sub: string | null;
  kind: TypeKind;
}

/** Where an item lands: its top-level type, the nested types below that, and its own key (null: list content). */
export interface Place {
  root: string;
  path: PathStep[];
  sub: string | null;
}

export interface Insertion {
  place: Place;
  content: Y.Item["content"];
}

export interface UpdateStructure {
  /** New content, with where it lands. Content the document already has, or that Yjs will discard as garbage, is left out. */
  insertions: Insertion[];
  /** The update's deletions (client → ranges). */
  deletes: Map<number, { clock: number; len: number }[]>;
  /** Clients whose content the update extends (new clocks). */
  writers: Set<number>;
}

export class UpdateRefused extends Error {}

/**
 * Refused because the update builds on content the document does not have (yet): what an honest
 * client sends when its edit overtakes the sync that carries that content, e.g. after the server
 * lost writes it never acknowledged. Syncing again heals it: the client's sync step 2 then brings
 * the missing content and the edit together.
 */
export class UpdateIncomplete extends UpdateRefused {}

/** The kind of a Yjs type instance; subclasses are tested before their bases. */
export function kindOf(type: unknown): TypeKind {
  if (type instanceof Y.XmlText) return 'xmlText';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.XmlHook) return 'xmlHook';
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.XmlElement) return 'xmlElement';
  if (type instanceof Y.XmlFragment) return 'xmlFragment';
  if (type instanceof Y.Array) return 'array';
  return 'unknown';
}

type Struct = Y.Item | Y.GC | Y.Skip;
type Found = { struct: Y.Item | Y.GC; inDoc: boolean } | null;
const GARBAGE = 'garbage' as const;
type Resolved = Place | typeof GARBAGE;

/**
 * Describes `update` relative to `doc`. Throws UpdateRefused (with the reason) for an incomplete
 * update, and whatever Yjs throws for bytes that are not an update.
 */
export function describeUpdate(doc: Y.Doc, update: Uint8Array): UpdateStructure {
  // Decoded as the room applies it (the same values and errors as Yjs's decoder, strings faster).
  const { structs, ds } = Y.decodeUpdateV2(update, FastUpdateDecoderV1) as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const store = doc.store;
  const docState = (client: number) => Y.getState(store, client);

  // The update's structs per client, in clock order, and where each client's content ends.
  const byClient = new Map<number, (Y.Item | Y.GC)[]>();
  const updateEnd = new Map<number, number>();
  let previousClient: number | null = null;
  for (const s of structs) {
    if (s instanceof Y.Skip) throw new UpdateIncomplete('the update has gaps');
    const { client, clock } = s.id;
    const list = byClient.get(client);
    if (!list) {
      if (clock > docState(client)) throw new UpdateIncomplete('the update does not continue the document');
      byClient.set(client, [s]);
    } else {
      // Clients come in one section each, their structs back to back.
      if (previousClient !== client || updateEnd.get(client) !== clock) throw new UpdateRefused('the update repeats or reorders content');
      list.push(s);
    }
    updateEnd.set(client, clock + s.length);
    previousClient = client;
  }

  const findInUpdate = (id: Y.ID): Y.Item | Y.GC | null => {
    const list = byClient.get(id.client);
    if (!list) return null;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid];
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return null;
  };
  const find = (id: Y.ID): Found => {
    if (id.clock < docState(id.client)) {
      const list = store.clients.get(id.client) as (Y.Item | Y.GC)[];
      return { struct: list[Y.findIndexSS(list, id.clock)], inDoc: true };
    }
    const s = findInUpdate(id);
    return s ? { struct: s, inDoc: false } : null;
  };

  const docPlaces = new Map<Y.AbstractType<unknown>, { root: string; path: PathStep[] }>();
  /** Where a type of the document sits (top-level name and the nested types down to it). */
  const placeOfDocType = (type: Y.AbstractType<unknown>): { root: string; path: PathStep[] } => {
    const known = docPlaces.get(type);
    if (known) return known;
    const chain: Y.AbstractType<unknown>[] = [];
    let t: Y.AbstractType<unknown> = type;
    while (t._item !== null) {
      chain.push(t);
      t = t._item.parent as Y.AbstractType<unknown>;
    }
    const root = Y.findRootTypeKey(t);
    const path = chain.reverse().map((nested) => ({ sub: nested._item!.parentSub, kind: kindOf(nested) }));
    const place = { root, path };
    docPlaces.set(type, place);
    return place;
  };
  const placeOfDocItem = (item: Y.Item): Place => ({ ...placeOfDocType(item.parent as Y.AbstractType<unknown>), sub: item.parentSub });

  // Items of the update are placed iteratively (an item's place may depend on another's).
  const places = new Map<Y.Item, Resolved>();
  type Step = { done: Resolved } | { after: Y.Item; place: (p: Resolved) => Resolved };
  const nextStep = (item: Y.Item): Step => {
    const left = item.origin ? find(item.origin) : null;
    const right = item.rightOrigin ? find(item.rightOrigin) : null;
    if ((item.origin && !left) || (item.rightOrigin && !right)) throw new UpdateIncomplete('the update refers to content the server does not have');
    if (left?.struct instanceof Y.GC || right?.struct instanceof Y.GC) return { done: GARBAGE };
    const parent = item.parent as unknown;
    if (typeof parent === 'string') return { done: { root: parent, path: [], sub: item.parentSub } };
    if (parent instanceof Y.ID) {
      const p = find(parent);
      if (!p) throw new UpdateIncomplete('the update refers to a parent the server does not have');
      if (p.struct instanceof Y.GC) return { done: GARBAGE };
      const holder = p.struct;
      if (!(holder.content instanceof Y.ContentType)) throw new UpdateRefused('the update nests content in something that is not a type');
      const kind = kindOf(holder.content.type);
      // A type of the document: its place already ends with the type itself.
      if (p.inDoc) return { done: { ...placeOfDocType(holder.content.type), sub: item.parentSub } };
      return {
        after: holder,
        place: (at) => (at === GARBAGE ? GARBAGE : { root: at.root, path: [...at.path, { sub: at.sub, kind }], sub: item.parentSub }),
      };
    }
    // No parent given: the item goes where its neighbour is, under the neighbour's key.
    const near = left ?? right;
    if (!near || !(near.struct instanceof Y.Item)) throw new UpdateRefused('the update places content nowhere');
    if (near.inDoc) return { done: placeOfDocItem(near.struct) };
    return { after: near.struct, place: (at) => at };
  };
  const resolve = (item: Y.Item): Resolved => {
    const stack: Y.Item[] = [item];
    const onStack = new Set<Y.Item>(stack);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      if (!places.has(top)) {
        const step = nextStep(top);
        if ('done' in step) places.set(top, step.done);
        else {
          const dep = places.get(step.after);
          if (dep !== undefined) places.set(top, step.place(dep));
          else {
            if (onStack.has(step.after)) throw new UpdateRefused('the update places content in a loop');
            stack.push(step.after);
            onStack.add(step.after);
            continue;
          }
        }
      }
      stack.pop();
      onStack.delete(top);
    }
    return places.get(item)!;
  };

  // An item the document partly has already continues right after its known part, wherever
  // that is (Yjs integrates only the rest, next to the known part), whatever its header says.
  for (const list of byClient.values()) {
    const first = list[0];
    const known = docState(first.id.client);
    if (first instanceof Y.Item && first.id.clock < known && known < first.id.clock + first.length) {
      const before = find(Y.createID(first.id.client, known - 1))!.struct;
      places.set(first, before instanceof Y.Item ? placeOfDocItem(before) : GARBAGE);
    }
  }

  const insertions: Insertion[] = [];
  const writers = new Set<number>();
  for (const list of byClient.values()) {
    for (const s of list) {
      const known = docState(s.id.client);
      if (s.id.clock + s.length <= known) continue; // the document has it already
      writers.add(s.id.client);
      if (!(s instanceof Y.Item)) continue; // garbage-collected content: nothing lands anywhere
      const place = resolve(s);
      if (place !== GARBAGE) insertions.push({ place, content: s.content });
    }
  }

  for (const [client, ranges] of ds.clients) {
    const end = Math.max(docState(client), updateEnd.get(client) ?? 0);
    for (const r of ranges) if (r.clock + r.len > end) throw new UpdateIncomplete('the update deletes content that does not exist');
  }
  return { insertions, deletes: ds.clients, writers };
}

/** Whether any of `deletes` touches the given item. */
export function deletesItem(deletes: UpdateStructure['deletes'], item: Y.Item): boolean {
  const ranges = deletes.get(item.id.client);
  if (!ranges) return false;
  const start = item.id.clock;
  const end = start + item.length;
  return ranges.some((r) => r.clock < end && r.clock + r.len > start);
}
