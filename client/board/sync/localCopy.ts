import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { atom, type Atom } from 'tldraw';
import { labelSizes, type LabelSizeCache } from '../shapes/labelSizes';

/**
 * - `loading`: IndexedDB is being read;
 * - `loaded`: what this browser kept of the doc has been applied to it (possibly nothing);
 * - `unavailable`: no IndexedDB (disabled, private mode, blocked): the board works online only.
 */
export type LocalCopyState = 'loading' | 'loaded' | 'unavailable';

/** Key, in the database's custom store, of the snapshot the server is known to hold. */
const CONFIRMED_KEY = 'confirmed';
/** Key of the board's label measurements (shapes/labelSizes.ts), kept so a return visit skips them. */
const LABEL_SIZES_KEY = 'labelSizes';
/**
 * A confirmed snapshot is written this long after everything became saved (again): soon, since a
 * page closed before it is written reopens as "unsaved" (the safe side), and rarely enough that a
 * busy board does not snapshot itself on every update.
 */
const CONFIRM_DEBOUNCE_MS = 500;

/**
 * A doc's copy in this browser's IndexedDB (y-indexeddb): every update of the doc is stored as it
 * happens, and on open the stored updates are applied to the doc in one transaction whose origin
 * is `persistence`. Content loaded that way is not known to have reached the server: the
 * connection's save tracking treats it as unsaved until the server acknowledges it, or until it
 * is shown to be inside the `confirmed` snapshot, a Y snapshot (state vector + delete set) of the
 * doc taken at a moment when every change in it had been acknowledged by the server.
 */
export class LocalCopy {
  readonly persistence: IndexeddbPersistence | null;
  readonly state: Atom<LocalCopyState>;
  /** The snapshot stored by an earlier visit (null when none or unreadable). */
  readonly confirmed: Promise<Y.Snapshot | null>;
  private lastWritten: Uint8Array | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private writing = 0;
  private destroyed = false;
  private labelWrite: Promise<void> | null = null;
  private labelWrites = 0;
  private readonly stopLabelSizes: () => void = () => {};

  constructor(
    readonly name: string,
    private readonly doc: Y.Doc,
    readonly labels: LabelSizeCache = labelSizes,
  ) {
    let persistence: IndexeddbPersistence | null = null;
    if (typeof indexedDB !== 'undefined') {
      try {
        persistence = new IndexeddbPersistence(name, doc);
      } catch (e) {
        console.warn('No local copy of the board in this browser', e);
      }
    }
    this.persistence = persistence;
    this.state = atom(`localCopy:${name}`, persistence ? 'loading' : 'unavailable');
    if (!persistence) {
      this.confirmed = Promise.resolve(null);
      return;
    }
    // y-indexeddb does not report a database that cannot be opened; its open promise does.
    const opened = (persistence as unknown as { _db: Promise<IDBDatabase> })._db;
    // The label sizes are read beside the doc's updates, and the copy counts as loaded once both
    // are in: the editor, made from the copy, then finds its labels measured.
    const labelsRead = opened
      .then(() => persistence.get(LABEL_SIZES_KEY))
      .then((stored: unknown) => {
        if (!this.destroyed) this.labels.load(stored);
      })
      .catch(() => {});
    persistence.on('synced', () => {
      void labelsRead.then(() => {
        if (!this.destroyed) this.state.set('loaded');
      });
    });
    this.stopLabelSizes = this.labels.onSettled(() => this.writeLabelSizes());
    opened.catch((e: unknown) => {
      console.warn('No local copy of the board in this browser', e);
      if (!this.destroyed) this.state.set('unavailable');
    });
    this.confirmed = opened
      .then(() => persistence.get(CONFIRMED_KEY))
      .then((v: unknown) => (v instanceof Uint8Array ? Y.decodeSnapshot(v) : v instanceof ArrayBuffer ? Y.decodeSnapshot(new Uint8Array(v)) : null))
      .catch(() => null);
  }

  /**
   * Records, soon, that the server holds everything the doc holds now. Call only when that is
   * true; it is checked again by `stillSaved` when the write happens.
   */
  scheduleConfirmed(stillSaved: () => boolean): void {
    if (!this.persistence || this.destroyed || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      if (stillSaved()) this.writeConfirmed();
    }, CONFIRM_DEBOUNCE_MS);
  }

  /** Writes the confirmed snapshot now (page hide). Call only when everything is saved. */
  writeConfirmed(): void {
    if (!this.persistence || this.destroyed || this.state.get() === 'unavailable') return;
    const bytes = Y.encodeSnapshot(Y.snapshot(this.doc));
    const last = this.lastWritten;
    if (last && last.length === bytes.length && last.every((b, i) => b === bytes[i])) return;
    this.lastWritten = bytes;
    this.writing++;
    this.persistence
      .set(CONFIRMED_KEY, bytes as unknown as ArrayBuffer)
      .catch(() => {
        this.lastWritten = null;
      })
      .finally(() => {
        this.writing--;
      });
  }

  /**
   * Stores the label sizes this visit used, when some are new (after the measuring settles, and
   * on page hide).
   */
  writeLabelSizes(): Promise<void> {
    const persistence = this.persistence;
    if (!persistence || this.destroyed || this.state.get() !== 'loaded' || !this.labels.changed) return this.labelWrite ?? Promise.resolve();
    const stored = this.labels.toStore();
    this.labels.markStored();
    const write = persistence
      .set(LABEL_SIZES_KEY, stored as never)
      .then(() => {})
      .catch((e: unknown) => console.warn('Could not keep the label sizes in this browser', e));
    this.labelWrite = write;
    this.labelWrites++;
    void write.finally(() => this.labelWrites--);
    return write;
  }

  /** True when the label sizes this visit used are stored, with no write under way (for tests). */
  labelSizesSettled(): boolean {
    return !this.labels.changed && this.labelWrites === 0;
  }

  /**
   * True once a confirmed snapshot is stored and no write is waiting or under way: with the doc
   * saved and quiet, the stored snapshot is then the doc's current state (for tests).
   */
  settled(): boolean {
    return this.lastWritten !== null && this.timer === null && this.writing === 0;
  }

  /**
   * Deletes this browser's copy of the board (the server refused content it holds: loading it
   * again would only be refused again), and stops keeping one.
   */
  discard(): Promise<void> {
    const persistence = this.persistence;
    this.destroy();
    return persistence ? persistence.clearData().catch(() => {}) : Promise.resolve();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.writeLabelSizes();
    this.stopLabelSizes();
    this.destroyed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.persistence?.destroy().catch(() => {});
  }
}
