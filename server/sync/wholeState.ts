import * as Y from 'yjs';
import * as msg from './messages';

/** More updates than this since the last whole encoding: the next first sync encodes again. */
const MAX_PARTS = 1_000;

/**
 * The whole document, for a client that has nothing (a first visit), kept as the updates that
 * give it when applied in order: the stored state the room loaded, then every update the document
 * applied since. Sending those needs no encoding of the document, which takes ~30–45 ms for a
 * board of 5,000 shapes on the server's one thread, during which every other room waits.
 *
 * Each compaction encodes the document anyway: the list starts over from that state. Past
 * MAX_PARTS updates without one, the next first sync encodes the document once and starts over
 * from it (the parts hold deleted content the encoding drops, and many small frames cost more to
 * apply than one).
 */
export class WholeState {
  private parts: Uint8Array[] = [];
  /** The first part (the big one) framed, made once per start. */
  private firstAsStep2: Uint8Array | null = null;
  private firstAsUpdate: Uint8Array | null = null;

  constructor(private readonly doc: Y.Doc) {}

  /** The document was loaded from this stored state: a compacted state, then the log after it. */
  loaded(compacted: Uint8Array | null, updates: Uint8Array[]): void {
    this.startOver(compacted ? [compacted, ...updates] : [...updates]);
  }

  /** The document applied `update`. */
  applied(update: Uint8Array): void {
    this.parts.push(update);
  }

  /** The document, encoded whole at this moment (a compaction). */
  encoded(state: Uint8Array): void {
    this.startOver([state]);
  }

  /**
   * The frames that bring a client that has nothing to the document: the parts in order, the last
   * as the sync step 2 (a client counts itself synced on that message, so it has everything then).
   */
  frames(): Uint8Array[] {
    if (this.parts.length === 0 || this.parts.length > MAX_PARTS) this.startOver([Y.encodeStateAsUpdate(this.doc)]);
    const last = this.parts.length - 1;
    if (last === 0) return [(this.firstAsStep2 ??= msg.syncStep2FromUpdate(this.parts[0]))];
    const frames = [(this.firstAsUpdate ??= msg.syncUpdate(this.parts[0]))];
    for (let i = 1; i < last; i++) frames.push(msg.syncUpdate(this.parts[i]));
    frames.push(msg.syncStep2FromUpdate(this.parts[last]));
    return frames;
  }

  private startOver(parts: Uint8Array[]): void {
    this.parts = parts;
    this.firstAsStep2 = null;
    this.firstAsUpdate = null;
  }
}
