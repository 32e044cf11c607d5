import * as Y from 'yjs';
import { atom, computed, type Atom, type Computed } from 'tldraw';
import type { ActionRow } from '../../../shared/actionPlan';
import { actionsMap, addAction, readActions, removeAction, updateAction, type NewAction } from '../../../shared/doc/actionPlanDoc';
import { DEFAULT_SORT, matchesFilter, NO_FILTER, visibleActions, type ActionFilter, type ActionSort } from './actionRows';

/** Origin of the transactions that remove an action: the only ones "Undo" takes back. */
const REMOVE_ORIGIN = 'action-plan-remove';

export type EditableFields = Partial<Pick<ActionRow, 'text' | 'owner' | 'due' | 'status' | 'priorityArea'>>;

/** A request to bring a row into view and give it the keyboard (a new or promoted action). */
export interface RevealRequest {
  id: string;
  /** Grows with every request, so revealing the same row twice runs twice. */
  seq: number;
  /** Which field of the row takes the keyboard ('none': it is only highlighted). */
  focus: 'none' | 'text' | 'owner';
}

/**
 * One board's action plan as seen by this tab: the rows, live from the board's Y.Doc (so they
 * follow everyone's edits), plus what is local to this tab (sort, filters, the expanded view,
 * the last removal offered for undo).
 *
 * Writes go through shared/actionPlanDoc.ts. A write that fails (the action was removed by someone
 * else meanwhile, a value too long) changes nothing and sets `error` for the panel to show.
 */
export class ActionPlanState {
  readonly rows: Atom<ActionRow[]>;
  readonly sort: Atom<ActionSort> = atom('actionSort', DEFAULT_SORT);
  readonly filter: Atom<ActionFilter> = atom('actionFilter', NO_FILTER);
  readonly visible: Computed<ActionRow[]>;
  readonly reveal: Atom<RevealRequest | null> = atom('actionReveal', null);
  /** The wide view (a dialog over the canvas) is open. */
  readonly expanded: Atom<boolean> = atom('actionPlanExpanded', false);
  /** The action removed last, while its removal can be undone. */
  readonly removed: Atom<{ id: string; text: string } | null> = atom('actionRemoved', null);
  readonly error: Atom<string | null> = atom('actionError', null);

  private readonly undoManager: Y.UndoManager;
  private readonly onDocChange: () => void;
  private seq = 0;
  private disposed = false;

  constructor(
    readonly doc: Y.Doc,
    private readonly options: {
      /** Who is writing, for `createdBy`. */
      authorName(): string;
      /** Makes the plan visible (opens its panel). */
      onShow?(): void;
    },
  ) {
    const map = actionsMap(doc);
    this.rows = atom('actionRows', readActions(doc));
    this.visible = computed('visibleActions', () => visibleActions(this.rows.get(), this.filter.get(), this.sort.get()));
    this.onDocChange = () => this.rows.set(readActions(doc));
    map.observeDeep(this.onDocChange);
    this.undoManager = new Y.UndoManager(map, { trackedOrigins: new Set([REMOVE_ORIGIN]), captureTimeout: 0 });
  }

  private attempt<T>(write: () => T): T | null {
    try {
      const result = write();
      this.error.set(null);
      return result;
    } catch (e) {
      if (!(e instanceof TypeError || e instanceof RangeError)) throw e;
      this.error.set(e.message.startsWith('no action ') ? 'This action was removed by someone else.' : `Not saved: ${e.message}.`);
      return null;
    }
  }

  /** Adds an action and reveals it; returns its id, or null when it was refused. */
  add(input: Omit<NewAction, 'createdBy'>, focus: RevealRequest['focus'] = 'text'): string | null {
    const id = this.attempt(() => addAction(this.doc, { ...input, createdBy: this.options.authorName() }));
    if (id) this.show(id, focus);
    return id;
  }

  update(id: string, changes: EditableFields): boolean {
    return this.attempt(() => updateAction(this.doc, id, changes)) !== null;
  }

  /** Removes an action; `undoRemove` brings it back with every field as it was. */
  remove(id: string): void {
    const row = this.rows.get().find((r) => r.id === id);
    if (!row) return;
    this.doc.transact(() => removeAction(this.doc, id), REMOVE_ORIGIN);
    this.removed.set({ id, text: row.text });
  }

  undoRemove(): string | null {
    const last = this.removed.get();
    if (!last || !this.undoManager.canUndo()) return null;
    this.undoManager.undo();
    this.removed.set(null);
    const back = this.rows.get().some((r) => r.id === last.id);
    if (back) this.show(last.id, 'text');
    return back ? last.id : null;
  }

  /** The action promoted from a board item, if there is one. */
  actionFor(sourceItemId: string): ActionRow | undefined {
    return this.rows.get().find((r) => r.sourceItemId === sourceItemId);
  }

  /** Opens the plan on a row: filters that would hide it are cleared, the row is revealed. */
  show(id: string, focus: RevealRequest['focus'] = 'text'): void {
    const row = this.rows.get().find((r) => r.id === id);
    if (row && !matchesFilter(row, this.filter.get())) this.filter.set(NO_FILTER);
    this.options.onShow?.();
    this.reveal.set({ id, seq: ++this.seq, focus });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    actionsMap(this.doc).unobserveDeep(this.onDocChange);
    this.undoManager.destroy();
  }
}
