import type * as Y from 'yjs';
import { readBoardMeta, readRecords } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, ControlKey, parseBanner, parseStep } from '../../shared/doc/control';
import type { PresentPerson } from '../../shared/api/dashboard';
import { roleRank, type Role } from '../../shared/roles';
import type { ExerciseTemplate } from '../../shared/template';
import { parseTimer, type TimerState } from '../../shared/timer';
import type { ExerciseDef, ItemTypeDef } from '../../exercises/kit/definitions';
import { CONNECTOR_META_KEY, itemTypeOfShape, ZONE_SHAPE_TYPE } from '../../exercises/kit/shapes';
import { participantFromAwareness } from '../participants/ParticipantRecorder';
import { renderThumbnail, type ThumbRect } from './thumbnail';

/**
 * The parts of a board summary, each a pure function of one source: the board document's
 * records (counts and thumbnail), the control document (step, timer, banner) and the presence
 * of the board room. Cheap by design: one pass over the records, counting shapes by type; the
 * results extraction (fields, zones, figures) never runs here.
 */

/** tldraw's note shape (a sticky). Its size is 200 × 200 times its scale, plus growY. */
const NOTE_SHAPE_TYPE = 'note';
const NOTE_SIZE = 200;

export interface BoardPart {
  title: string;
  items: number;
  stickies: number;
  connections: number;
  thumbnail: string;
}

export interface ControlPart {
  stepId: string | null;
  stepIndex: number | null;
  stepTitle: string | null;
  timer: TimerState | null;
  banner: string | null;
}

interface RawShape {
  id: string;
  typeName: string;
  type?: unknown;
  x?: unknown;
  y?: unknown;
  parentId?: unknown;
  props?: Record<string, unknown>;
  meta?: Record<string, unknown>;
}

const num = (v: unknown, fallback = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);

export interface ScanOptions {
  exercise: ExerciseDef | undefined;
  itemType: (type: string) => ItemTypeDef | undefined;
  /** Whether to draw the thumbnail (false: counts only, `thumbnail` is ''). */
  thumbnail?: boolean;
}

/** Counts typed cards, stickies and typed arrows, and draws the thumbnail, in one pass over the records. */
export function scanRecords(records: Iterable<unknown>, options: ScanOptions): Omit<BoardPart, 'title'> {
  const shapes = new Map<string, RawShape>();
  for (const r of records) {
    const rec = r as RawShape | null;
    if (rec && typeof rec === 'object' && rec.typeName === 'shape' && typeof rec.id === 'string') shapes.set(rec.id, rec);
  }
  const kinds = new Set((options.exercise?.connectorKinds ?? []).map((k) => k.kind));
  // Page position: own offset plus the ancestors' (rotation ignored), as in the extraction.
  const pagePos = new Map<string, { x: number; y: number }>();
  const positionOf = (shape: RawShape, depth = 0): { x: number; y: number } => {
    const known = pagePos.get(shape.id);
    if (known) return known;
    const parent = typeof shape.parentId === 'string' ? shapes.get(shape.parentId) : undefined;
    const base = parent && depth < 50 ? positionOf(parent, depth + 1) : { x: 0, y: 0 };
    const pos = { x: base.x + num(shape.x), y: base.y + num(shape.y) };
    pagePos.set(shape.id, pos);
    return pos;
  };
  const draw = options.thumbnail !== false;
  const rects: ThumbRect[] = [];
  let items = 0;
  let stickies = 0;
  let connections = 0;
  for (const s of shapes.values()) {
    const type = typeof s.type === 'string' ? s.type : '';
    const props = s.props ?? {};
    if (type === 'arrow') {
      const pb = s.meta?.[CONNECTOR_META_KEY] as { kind?: unknown } | undefined;
      if (pb && typeof pb.kind === 'string' && kinds.has(pb.kind)) connections++;
      continue;
    }
    if (type === NOTE_SHAPE_TYPE) {
      stickies++;
      if (draw) {
        const size = NOTE_SIZE * num(props.scale, 1);
        rects.push({ kind: 'sticky', ...positionOf(s), w: size, h: size + num(props.growY) });
      }
      continue;
    }
    if (type === ZONE_SHAPE_TYPE) {
      if (draw) rects.push({ kind: 'zone', ...positionOf(s), w: num(props.w), h: num(props.h), color: typeof props.color === 'string' ? props.color : undefined });
      continue;
    }
    const itemType = itemTypeOfShape(type);
    const def = itemType ? options.itemType(itemType) : undefined;
    if (!def) continue;
    items++;
    if (draw) rects.push({ kind: 'item', ...positionOf(s), w: num(props.w, def.w), h: num(props.h, def.h), color: def.color });
  }
  return { items, stickies, connections, thumbnail: draw ? renderThumbnail(rects) : '' };
}

/** The board part of a summary from a board document. */
export function boardPart(doc: Y.Doc, fallbackTitle: string, options: ScanOptions): BoardPart {
  const meta = readBoardMeta(doc);
  const title = typeof meta?.title === 'string' && meta.title.trim() ? meta.title : fallbackTitle;
  return { title, ...scanRecords(readRecords(doc).values(), options) };
}

/** Step, timer and banner from a control document (junk reads as null). */
export function controlPart(doc: Y.Doc, template: ExerciseTemplate | undefined): ControlPart {
  const control = doc.getMap<unknown>(CONTROL_MAP);
  // The same readers as the board page's (shared/doc/control.ts), so both show the same session.
  const step = parseStep(control.get(ControlKey.Step));
  let stepIndex: number | null = null;
  let stepTitle: string | null = null;
  if (step) {
    const i = template?.steps.findIndex((s) => s.id === step.stepId) ?? -1;
    if (i >= 0) {
      stepIndex = i;
      stepTitle = template!.steps[i].title;
    } else if (Number.isInteger(step.index) && step.index >= 0) {
      stepIndex = step.index;
    }
  }
  return {
    stepId: step?.stepId ?? null,
    stepIndex,
    stepTitle,
    timer: parseTimer(control.get(ControlKey.Timer)),
    banner: parseBanner(control.get(ControlKey.Banner))?.text ?? null,
  };
}

/** A presence entry: an awareness state and the role of the connection that published it. */
export interface PresenceEntry {
  state: unknown;
  role: Role;
}

/**
 * Distinct people (by user id) among awareness states, each with the role of their connection
 * (the highest when one person has several), sorted by name. States that name nobody usable
 * (participantFromAwareness) are left out.
 */
export function presentPeople(entries: Iterable<PresenceEntry>): PresentPerson[] {
  const byUser = new Map<string, PresentPerson>();
  for (const { state, role } of entries) {
    const p = participantFromAwareness(state, role);
    if (!p) continue;
    const known = byUser.get(p.userId);
    if (!known || roleRank(p.role) > roleRank(known.role)) byUser.set(p.userId, { name: p.name, role: p.role });
  }
  return [...byUser.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : roleRank(b.role) - roleRank(a.role)));
}
