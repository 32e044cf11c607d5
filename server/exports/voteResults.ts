import type * as Y from 'yjs';
import { readRecords } from '../../shared/doc/boardDoc';
import type { VoteRound } from '../../shared/doc/control';
import type { ResultItem, ResultVoteRound } from '../../shared/results';
import type { ExerciseTemplate } from '../../shared/template';
import { plainTextOfRichText } from '../../shared/doc/richText';
import { ranking } from '../../shared/doc/votes';
import { cleanText, shorten } from '../../exercises/kit/text';

/** Titles of ranked shapes that are not typed cards: their text, or what kind of shape they are. */
const SHAPE_LABELS: Record<string, string> = { note: 'Sticky note', text: 'Text', geo: 'Shape', frame: 'Frame', image: 'Image', draw: 'Drawing' };
const TITLE_LENGTH = 120;
interface Described {
  title: string;
  type: string;
}

/**
 * Describes the items of the board for the rankings: a typed card by its title and item type
 * (from extraction), any other shape by its text (or its kind) and shape type. Shapes no longer
 * on the board are not described (they rank as "(removed)" with type null).
 */
function describer(boardDoc: Y.Doc, items: readonly ResultItem[]): (id: string) => Described | undefined {
  const typed = new Map(items.map((i) => [i.id, { title: i.title, type: i.type }]));
  let records: Map<string, unknown> | null = null;
  return (id) => {
    const known = typed.get(id);
    if (known) return known;
    records ??= readRecords(boardDoc);
    const shape = records.get(id) as { typeName?: unknown; type?: unknown; props?: Record<string, unknown> } | undefined;
    if (shape?.typeName !== 'shape' || typeof shape.type !== 'string') return undefined;
    const text = cleanText(plainTextOfRichText(shape.props?.richText)) || cleanText(shape.props?.text) || cleanText(shape.props?.name);
    const label = Object.hasOwn(SHAPE_LABELS, shape.type) ? SHAPE_LABELS[shape.type] : shape.type;
    return { title: shorten(text, TITLE_LENGTH) || label, type: shape.type };
  };
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The vote rounds of a board as results (shared/results.ts ResultVoteRound): an open round has
 * no ranking at all; a revealed one ranks its tally, with the items' current titles. An item
 * deleted since keeps its id in the ranking, titled "(removed)" with type null: the tally is
 * what was counted, and the board no longer says what the item was.
 */
export function voteResults(rounds: readonly VoteRound[], boardDoc: Y.Doc, items: readonly ResultItem[], template: ExerciseTemplate | undefined): ResultVoteRound[] {
  const describe = describer(boardDoc, items);
  return rounds.map((round) => {
    let ranked: ResultVoteRound['ranking'] = null;
    if (round.status === 'revealed') {
      const counts = round.tally ?? {};
      const titles = new Map<string, string>();
      const types = new Map<string, string>();
      for (const id of Object.keys(counts)) {
        const d = describe(id);
        if (!d) continue;
        titles.set(id, d.title);
        types.set(id, d.type);
      }
      ranked = ranking(counts, titles).map((e) => ({
        itemId: e.itemId,
        title: e.title,
        type: types.get(e.itemId) ?? null,
        votes: e.votes,
        rank: e.rank,
      }));
    }
    return {
      id: round.id,
      stepId: round.stepId,
      stepTitle: template?.steps.find((s) => s.id === round.stepId)?.title ?? round.stepId,
      status: round.status,
      perPerson: round.perPerson,
      perItem: round.perItem,
      startedAt: iso(round.startedAt),
      revealedAt: round.status === 'revealed' && round.revealedAt !== null ? iso(round.revealedAt) : null,
      voters: round.voters,
      ranking: ranked,
    };
  });
}
