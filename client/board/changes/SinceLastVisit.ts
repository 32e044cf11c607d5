import type * as Y from 'yjs';
import { atom, computed, react, type Atom, type Signal } from 'tldraw';
import { boardContentOf, changesSince, noChanges, summarize, type ChangeVocabulary, type Changes } from '../../../shared/doc/changes';
import { changeVocabulary } from '../../../exercises/kit/changeVocabulary';
import { getExercise, getItemType } from '../../../exercises/registry';
import type { OpenBoard } from '../sync/openBoard';
import { readSeen, writeSeen, type KeyValueStorage } from './seenStorage';

/** How often what the person has seen is saved while the board is open. */
const SEEN_SAVE_INTERVAL_MS = 30_000;

export type HighlightKind = 'added' | 'changed';

/**
 * "Since your last visit", for one open board. After the first sync with the server in this visit
 * it compares the board with what this browser saw when the person last left it (`pb.seen.<id>`,
 * shared/doc/changes.ts) and, if anything changed, opens the notice and highlights the cards. What
 * the person has seen is saved when they leave (pagehide, tab hidden, board closed) and every 30 s,
 * but only once this visit's comparison is done: until then the stored summary is the previous
 * visit's. A visit that never reaches the server (offline) neither compares nor saves. First
 * visit: nothing to compare with, no notice.
 */
export class SinceLastVisit {
  /** What changed, once compared (null before, and when nothing changed). */
  readonly changes: Atom<Changes | null> = atom('changesSinceLastVisit', null);
  /** Whether the notice is shown. */
  readonly open: Atom<boolean> = atom('changesNoticeOpen', false);
  /** Added and changed items to outline on the canvas while the notice is open. */
  readonly highlights: Signal<ReadonlyMap<string, HighlightKind>>;
  private compared = false;
  private dirty = false;
  private disposed = false;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    readonly boardId: string,
    private readonly doc: Y.Doc,
    synced: Signal<boolean>,
    private readonly vocab: ChangeVocabulary,
    private readonly storage?: KeyValueStorage | null,
  ) {
    this.highlights = computed('changeHighlights', () => {
      const out = new Map<string, HighlightKind>();
      const c = this.changes.get();
      if (!c || !this.open.get()) return out;
      for (const e of c.added) if (e.kind === 'item') out.set(e.id, 'added');
      for (const e of c.changed) if (e.kind === 'item') out.set(e.id, 'changed');
      return out;
    });
    this.cleanups.push(
      react('compareWithLastVisit', () => {
        if (synced.get() && !this.compared && !this.disposed) this.compare();
      }),
    );
    const onUpdate = () => {
      this.dirty = true;
    };
    doc.on('update', onUpdate);
    this.cleanups.push(() => doc.off('update', onUpdate));
    const timer = setInterval(() => {
      if (this.dirty) this.save();
    }, SEEN_SAVE_INTERVAL_MS);
    this.cleanups.push(() => clearInterval(timer));
    if (typeof window !== 'undefined') {
      const onPageHide = () => this.save();
      const onVisibility = () => {
        if (document.visibilityState === 'hidden') this.save();
      };
      window.addEventListener('pagehide', onPageHide);
      document.addEventListener('visibilitychange', onVisibility);
      this.cleanups.push(() => {
        window.removeEventListener('pagehide', onPageHide);
        document.removeEventListener('visibilitychange', onVisibility);
      });
    }
  }

  private compare() {
    this.compared = true;
    const seen = readSeen(this.boardId, this.storage);
    const changes = changesSince(seen, boardContentOf(this.doc), this.vocab);
    this.dirty = true;
    if (noChanges(changes)) return;
    this.changes.set(changes);
    this.open.set(true);
  }

  /** Saves what the board holds now as seen (only once this visit's comparison is done). */
  save(): void {
    if (!this.compared || this.disposed) return;
    this.dirty = false;
    writeSeen(this.boardId, summarize(boardContentOf(this.doc), this.vocab), this.storage);
  }

  dismiss(): void {
    this.open.set(false);
  }

  /** Saves, then stops. Call before the doc is destroyed. */
  dispose(): void {
    if (this.disposed) return;
    this.save();
    this.disposed = true;
    for (const c of this.cleanups.splice(0)) c();
  }
}

/**
 * "Since your last visit" for a board just opened: it compares once the server's copy is shown,
 * with the vocabulary of the board's exercise, and saves what was seen when the board closes,
 * before the doc goes.
 */
export function watchSinceLastVisit(board: OpenBoard): SinceLastVisit {
  const since = new SinceLastVisit(
    board.info.id,
    board.doc,
    board.syncedAndShown,
    changeVocabulary(getExercise(board.info.templateId), getItemType),
  );
  board.onClose(() => since.dispose());
  return since;
}
