import * as Y from 'yjs';
import { ACTION_STATUSES, type ActionRow, type ActionStatus } from '../actionPlan';
import { DOC_ACTIONS } from './docLayout';
import { randomBytes } from '../webPlatform';

/**
 * Reading and writing the action plan in a board's Y.Doc. Each action is its own Y.Map, so
 * concurrent edits of different fields of one action both survive. Writers validate and throw a
 * TypeError on bad input, leaving the document unchanged.
 */
const FIELDS: (keyof ActionRow)[] = ['text', 'owner', 'due', 'status', 'priorityArea', 'sourceItemId', 'sourceTitle', 'createdAt', 'createdBy', 'updatedAt'];
const EDITABLE = new Set<keyof ActionRow>(['text', 'owner', 'due', 'status', 'priorityArea']);
const MAX_TEXT = 2000;

/** Action ids as addAction makes them (`action:` + hex), with room for other simple ids. */
export const ACTION_ID_PATTERN = /^[A-Za-z0-9:_-]{1,100}$/;

/**
 * What is wrong with writing `value` into the `field` of an action's Y.Map, or null when the
 * writers of this module could have written it (the relay refuses anything else from a client).
 */
export function actionFieldProblem(field: string, value: unknown): string | null {
  if (!FIELDS.includes(field as keyof ActionRow)) return `"${field.slice(0, 80)}" is not a field of an action`;
  if (typeof value !== 'string') return `${field} must be text`;
  if (value.length > MAX_TEXT) return `${field} must be at most ${MAX_TEXT} characters`;
  if (field === 'status' && !isActionStatus(value)) return `status must be one of ${ACTION_STATUSES.map((s) => s.value).join(', ')}`;
  return null;
}

export function actionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(DOC_ACTIONS);
}

export function isActionStatus(v: unknown): v is ActionStatus {
  return ACTION_STATUSES.some((s) => s.value === v);
}

function rowOf(id: string, m: Y.Map<unknown>): ActionRow {
  const str = (k: keyof ActionRow) => {
    const v = m.get(k);
    return typeof v === 'string' ? v : '';
  };
  const status = m.get('status');
  return {
    id,
    text: str('text'),
    owner: str('owner'),
    due: str('due'),
    status: isActionStatus(status) ? status : 'not-started',
    priorityArea: str('priorityArea'),
    sourceItemId: str('sourceItemId'),
    sourceTitle: str('sourceTitle'),
    createdAt: str('createdAt'),
    createdBy: str('createdBy'),
    updatedAt: str('updatedAt'),
  };
}

/** Every action, oldest first (ties by id), as plain rows. */
export function readActions(doc: Y.Doc): ActionRow[] {
  const rows: ActionRow[] = [];
  for (const [id, m] of actionsMap(doc)) if (m instanceof Y.Map) rows.push(rowOf(id, m));
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
}

function checkText(field: string, v: unknown): string {
  if (typeof v !== 'string') throw new TypeError(`${field} must be text`);
  if (v.length > MAX_TEXT) throw new TypeError(`${field} must be at most ${MAX_TEXT} characters`);
  return v;
}

export interface NewAction {
  text: string;
  owner?: string;
  due?: string;
  status?: ActionStatus;
  priorityArea?: string;
  sourceItemId?: string;
  sourceTitle?: string;
  createdBy: string;
}

/** Adds an action and returns its id. */
export function addAction(doc: Y.Doc, input: NewAction, now = new Date(), id = newActionId()): string {
  const status = input.status ?? 'not-started';
  if (!isActionStatus(status)) throw new TypeError(`status must be one of ${ACTION_STATUSES.map((s) => s.value).join(', ')}`);
  const values: Record<string, string> = {
    text: checkText('text', input.text),
    owner: checkText('owner', input.owner ?? ''),
    due: checkText('due', input.due ?? ''),
    status,
    priorityArea: checkText('priorityArea', input.priorityArea ?? ''),
    sourceItemId: checkText('sourceItemId', input.sourceItemId ?? ''),
    sourceTitle: checkText('sourceTitle', input.sourceTitle ?? ''),
    createdAt: now.toISOString(),
    createdBy: checkText('createdBy', input.createdBy),
    updatedAt: now.toISOString(),
  };
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const k of FIELDS) m.set(k, values[k]);
    actionsMap(doc).set(id, m);
  });
  return id;
}

/** Changes editable fields of an action; unknown ids and fields are errors. */
export function updateAction(doc: Y.Doc, id: string, changes: Partial<Pick<ActionRow, 'text' | 'owner' | 'due' | 'status' | 'priorityArea'>>, now = new Date()): void {
  const m = actionsMap(doc).get(id);
  if (!(m instanceof Y.Map)) throw new TypeError(`no action ${id}`);
  for (const [k, v] of Object.entries(changes)) {
    if (!EDITABLE.has(k as keyof ActionRow)) throw new TypeError(`${k} cannot be changed`);
    if (k === 'status' && !isActionStatus(v)) throw new TypeError(`status must be one of ${ACTION_STATUSES.map((s) => s.value).join(', ')}`);
    checkText(k, v);
  }
  doc.transact(() => {
    for (const [k, v] of Object.entries(changes)) if (m.get(k) !== v) m.set(k, v);
    m.set('updatedAt', now.toISOString());
  });
}

export function removeAction(doc: Y.Doc, id: string): void {
  actionsMap(doc).delete(id);
}

function newActionId(): string {
  const bytes = new Uint8Array(9);
  randomBytes(bytes);
  return `action:${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
