import { useMemo } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { VoteRound } from '../../../shared/doc/control';
import { itemTitle } from '../cards/itemText';
import { selectAndShow } from '../cards/cardEdits';
import type { Facilitation } from '../sync/FacilitationContext';
import { ranking, REMOVED_ITEM_TITLE } from '../../../shared/doc/votes';
import { plural } from './ballot';
import type { VotingState } from './VotingState';
import { BadgeToggle, StepHeading, useVotable } from './voteParts';

/** Titles of the items of a tally, from the board (null for a removed item); re-rendered only when they change. */
function useTitles(editor: Editor, ids: readonly string[]): Record<string, string | null> {
  const key = useValue(
    'voteTitles',
    () => {
      const out: Record<string, string | null> = {};
      for (const id of ids) {
        const shape = editor.getShape(id as TLShapeId);
        out[id] = shape ? itemTitle(shape) : null;
      }
      return JSON.stringify(out);
    },
    [editor, ids.join('\n')],
  );
  return useMemo(() => JSON.parse(key) as Record<string, string | null>, [key]);
}

/** A revealed round: the ranking of the step’s cards by dots, each showing its card on the board. */
export function RevealedRound({ f, editor, voting, round }: { f: Facilitation; editor: Editor; voting: VotingState; round: VoteRound }) {
  const tally = round.tally ?? {};
  const ids = useMemo(() => Object.keys(tally).sort(), [tally]);
  const titles = useTitles(editor, ids);
  const titleOf = (id: string) => titles[id] ?? 'Removed card';
  // The same order as the server's results and exports (removed items sort by its placeholder).
  const ranked = useMemo(() => {
    const known: Record<string, string> = {};
    for (const [id, title] of Object.entries(titles)) known[id] = title ?? REMOVED_ITEM_TITLE;
    return ranking(tally, known);
  }, [tally, titles]);
  const max = ranked[0]?.votes ?? 0;
  const total = ranked.reduce((sum, r) => sum + r.votes, 0);
  const { items } = useVotable(editor, f, round.stepId);
  const unvoted = items.filter((i) => !(tally[i.id] > 0)).length;

  return (
    <section className="vote-section" aria-label="Vote results">
      <StepHeading f={f} round={round} />
      <p className="hint">
        {round.voters === 1 ? '1 person' : `${round.voters} people`} placed {plural(total, 'dot')}
        {round.perItem !== null ? ` (${round.perPerson} each, at most ${round.perItem} per card)` : ` (${round.perPerson} each)`}.
      </p>
      {ranked.length === 0 ? (
        <p className="hint" data-testid="vote-ranking-empty">
          No dots were placed in this round.
        </p>
      ) : (
        <ol className="vote-ranking" data-testid="vote-ranking" aria-label="Ranking">
          {ranked.map((r) => {
            const tied = ranked.filter((o) => o.rank === r.rank).length > 1;
            return (
              <li key={r.itemId} data-testid="vote-rank-row" data-item-id={r.itemId} data-votes={r.votes} data-rank={r.rank} className="vote-rank-row">
                <button
                  type="button"
                  className="vote-rank-button"
                  disabled={titles[r.itemId] === null}
                  onClick={() => selectAndShow(editor, [r.itemId])}
                  aria-label={`${tied ? 'Tied ' : ''}rank ${r.rank}: ${titleOf(r.itemId)}, ${plural(r.votes, 'dot')}${titles[r.itemId] === null ? '' : '. Show on the board'}`}
                >
                  <span className="vote-rank" aria-hidden="true">
                    {r.rank}
                    {tied ? '=' : ''}
                  </span>
                  <span className="vote-rank-main" aria-hidden="true">
                    <span className="vote-rank-title">{titleOf(r.itemId)}</span>
                    <span className="vote-bar">
                      <span className="vote-bar-fill" style={{ width: `${max ? (r.votes / max) * 100 : 0}%` }} />
                    </span>
                  </span>
                  <span className="vote-rank-count" aria-hidden="true">
                    {r.votes}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
      {unvoted > 0 && <p className="hint">{unvoted === 1 ? '1 card of the step got no dots.' : `${unvoted} cards of the step got no dots.`}</p>}
      <BadgeToggle voting={voting} />
    </section>
  );
}
