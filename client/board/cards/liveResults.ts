import { atom, type Atom, type Editor } from 'tldraw';
import type { ExerciseDef } from '../../../exercises/kit/definitions';
import { extractBoard, type ExtractedBoard } from '../../../exercises/kit/extract';
import { getItemType } from '../../../exercises/registry';
import type { BoardResults } from '../../../shared/results';

export type LiveResults =
  | { kind: 'ok'; results: BoardResults; board: ExtractedBoard }
  | { kind: 'error'; message: string };

/** Results are recomputed at most this often while people edit. */
const RESULTS_INTERVAL_MS = 250;

export interface LiveResultsOptions {
  variant?: string | null;
  templateVersion?: number;
}

/** Runs the exercise's extraction over the editor's document records (the same rules as the server). */
function computeResults(editor: Editor, exercise: ExerciseDef, options: LiveResultsOptions): LiveResults {
  try {
    const records = editor.store.allRecords().filter((r) => r.typeName === 'shape' || r.typeName === 'binding');
    const { results, board } = extractBoard(records, {
      exercise,
      itemType: getItemType,
      variant: options.variant ?? null,
      templateVersion: options.templateVersion,
    });
    return { kind: 'ok', results, board };
  } catch (e) {
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/**
 * The board's live results as a signal: recomputed after document changes, on an animation frame
 * and at most every RESULTS_INTERVAL_MS, so a drag or a burst of typing costs a few extractions,
 * not one per frame.
 */
export class LiveResultsSource {
  readonly live: Atom<LiveResults>;
  private frame = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = 0;
  private readonly stop: () => void;

  constructor(
    private readonly editor: Editor,
    private readonly exercise: ExerciseDef,
    private readonly options: LiveResultsOptions,
  ) {
    this.live = atom('liveResults', computeResults(editor, exercise, options));
    this.last = performance.now();
    this.stop = editor.store.listen(() => this.schedule(), { scope: 'document' });
  }

  private run = () => {
    this.frame = 0;
    this.last = performance.now();
    this.live.set(computeResults(this.editor, this.exercise, this.options));
  };

  private schedule() {
    if (this.frame || this.timer) return;
    const wait = this.last + RESULTS_INTERVAL_MS - performance.now();
    if (wait <= 0) {
      this.frame = requestAnimationFrame(this.run);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.frame = requestAnimationFrame(this.run);
    }, wait);
  }

  dispose() {
    this.stop();
    if (this.frame) cancelAnimationFrame(this.frame);
    if (this.timer) clearTimeout(this.timer);
  }
}
