import type { DocKind } from '../../shared/roles';

/** Covered updates deleted per step: a fraction of a millisecond on SQLite. */
export const SWEEP_BATCH = 100;

/**
 * Deletes the stored updates that a document's compacted state covers, after the compaction
 * that covered them, in the background: one batch of SWEEP_BATCH per turn of the event loop,
 * the documents in turn. A compaction is then one small write (the new compacted state and its
 * up_to_seq), and the deletion of a long log never holds up an append or a forward: they run
 * between the batches.
 *
 * Nothing depends on when the rows go: loading skips updates with seq <= up_to_seq. A store
 * closed or crashed before the end leaves some behind; loading the document sweeps them again.
 */
export class CoveredUpdates {
  private readonly docs = new Map<string, { boardId: string; kind: DocKind }>();
  private timer: NodeJS.Immediate | null = null;
  private running: Promise<void> | null = null;
  private closed = false;

  /**
   * `drop` deletes at most `limit` covered updates of a document and says how many it deleted;
   * `onError` hears about a failed step (the document is left for its next compaction or load).
   */
  constructor(
    private readonly drop: (boardId: string, kind: DocKind, limit: number) => Promise<number> | number,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  /** The document has (or may have) covered updates stored: delete them, from the next turn on. */
  sweep(boardId: string, kind: DocKind): void {
    if (this.closed) return;
    this.docs.set(`${kind}:${boardId}`, { boardId, kind });
    this.schedule();
  }

  /** Stops sweeping; resolves once a step under way has finished. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearImmediate(this.timer);
    this.timer = null;
    await this.running;
  }

  private schedule(): void {
    if (this.timer || this.running || this.docs.size === 0 || this.closed) return;
    this.timer = setImmediate(() => {
      this.timer = null;
      this.running = this.step().finally(() => {
        this.running = null;
        this.schedule();
      });
    });
  }

  private async step(): Promise<void> {
    const [key, doc] = this.docs.entries().next().value!;
    // The next step takes the next document: one long log does not hold up the others.
    this.docs.delete(key);
    try {
      const dropped = await this.drop(doc.boardId, doc.kind, SWEEP_BATCH);
      if (dropped >= SWEEP_BATCH && !this.docs.has(key)) this.docs.set(key, doc);
    } catch (error) {
      this.onError(error);
    }
  }
}
