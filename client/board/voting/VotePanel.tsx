import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { VoteRound } from '../../../shared/doc/control';
import { ApiError } from '../../lib/api';
import { itemKindLabel, itemTitle } from '../cards/itemText';
import { selectAndShow } from '../cards/cardEdits';
import type { Facilitation } from '../sync/FacilitationContext';
import { addRefusal, countDots, dotsLeft, plural } from './ballot';
import type { VotableItem } from './votableItems';
import { votingFor, type VotingState } from './VotingState';
import { revealVote } from './votesApi';
import { StartForm } from './VoteStartForm';
import { RevealedRound } from './RevealedRound';
import { apiMessage, BadgeToggle, Dots, StepHeading, useVotable } from './voteParts';
import './voting.css';

/** The Vote tab's content: start form, the open round with my dots, or the revealed ranking. */
export function VotePanel({ f, editor }: { f: Facilitation; editor: Editor }) {
  const voting = votingFor(f);
  const round = useValue('voteRound', () => f.control.currentRound(), [f]);
  const synced = useValue('controlSynced', () => f.control.synced.get(), [f]);
  const steps = f.template?.steps ?? [];

  let body: ReactNode;
  if (!synced && !round) {
    body = <p className="hint">Loading the session…</p>;
  } else if (round?.status === 'open') {
    body = <OpenRound f={f} editor={editor} voting={voting} round={round} />;
  } else if (round?.status === 'revealed') {
    body = <RevealedRound f={f} editor={editor} voting={voting} round={round} />;
  } else if (!f.canControl) {
    body = <p className="hint">No vote yet. When the facilitator starts one, the cards to vote on appear here.</p>;
  }
  return (
    <div className="vote-panel" data-testid="vote-tab" data-round-id={round?.id ?? ''} data-status={round?.status ?? 'none'}>
      {body}
      {f.canControl && round?.status !== 'open' && steps.length > 0 && <StartForm f={f} again={!!round} />}
      {f.canControl && steps.length === 0 && (
        <p className="hint">Dot voting works on the cards of a step: this board’s exercise has no steps.</p>
      )}
    </div>
  );
}

/** `value`, but turning true only once it has been true for `ms`. */
function useDelayed(value: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!value) {
      setLate(false);
      return;
    }
    const t = setTimeout(() => setLate(true), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return value && late;
}



function OpenRound({ f, editor, voting, round }: { f: Facilitation; editor: Editor; voting: VotingState; round: VoteRound }) {
  const mine = useValue('myDots', () => voting.mine.get(), [voting]);
  const loaded = useValue('myDotsLoaded', () => voting.loaded.get(), [voting]);
  const saving = useValue('myDotsSaving', () => voting.saving.get(), [voting]);
  const error = useValue('voteError', () => voting.error.get(), [voting]);
  const { zoneId, items: stepItems } = useVotable(editor, f, round.stepId);
  // My dots on cards not (or no longer) in the step's list: a card moved out of the zone stays
  // listed so the dot can be taken back; a deleted card's dots are dropped with the next edit.
  const elsewhereKey = useValue(
    'myDotsElsewhere',
    () => {
      const listed = new Set(stepItems.map((i) => i.id));
      const moved: VotableItem[] = [];
      const gone: string[] = [];
      for (const id of new Set(mine)) {
        if (listed.has(id)) continue;
        const shape = editor.getShape(id as TLShapeId);
        if (shape) moved.push({ id, title: itemTitle(shape), kind: `${itemKindLabel(shape) ?? 'Item'}, outside the step` });
        else gone.push(id);
      }
      return JSON.stringify({ moved, gone });
    },
    [editor, stepItems, mine],
  );
  const elsewhere = useMemo(() => JSON.parse(elsewhereKey) as { moved: VotableItem[]; gone: string[] }, [elsewhereKey]);
  const gone = useMemo(() => new Set(elsewhere.gone), [elsewhere]);
  const items = useMemo(() => [...stepItems, ...elsewhere.moved], [stepItems, elsewhere]);
  const shown = useMemo(() => (gone.size ? mine.filter((id) => !gone.has(id)) : mine), [mine, gone]);
  const counts = useMemo(() => countDots(shown), [shown]);
  const left = dotsLeft(shown, round);
  const canVote = voting.canVote;
  // Saving is usually instant: say so only when it takes a while.
  const slowSave = useDelayed(saving, 600);
  const limits = `${plural(round.perPerson, 'dot')} each${round.perItem !== null ? `, at most ${round.perItem} per card` : ''}.`;

  return (
    <section aria-label="Dot vote in progress" className="vote-section">
      <StepHeading f={f} round={round} />
      <p className="vote-limits hint">{limits} Counts stay hidden until the facilitator reveals them.</p>
      <div className="vote-status">
        {canVote ? (
          <span className="vote-left" data-testid="vote-dots-left" data-left={left}>
            <strong>{left}</strong> {left === 1 ? 'dot' : 'dots'} left
            {slowSave && <span className="vote-saving"> · saving…</span>}
          </span>
        ) : (
          <span className="vote-viewonly">View only</span>
        )}
        <span className="vote-voters" data-testid="vote-voters" data-count={round.voters}>
          {round.voters === 1 ? '1 person has voted' : `${round.voters} people have voted`}
        </span>
      </div>
      {!canVote && <p className="hint">Your link lets you watch the vote; people with an editing link place the dots.</p>}
      <h3 className="vote-list-heading">{zoneId ? 'Cards in this step' : 'Other cards'}</h3>
      {items.length === 0 ? (
        <p className="hint" data-testid="vote-no-items">
          {zoneId
            ? 'No cards in this step’s zone yet. Cards and sticky notes placed in the zone appear here.'
            : 'This step has no zone: cards and sticky notes outside every zone appear here, and there are none.'}
        </p>
      ) : (
        <ul className="vote-items" aria-busy={canVote && !loaded}>
          {items.map((item) => {
            const n = counts.get(item.id) ?? 0;
            const addBlocked = !loaded || addRefusal(shown, item.id, round) !== null;
            const removeBlocked = !loaded || n === 0;
            return (
              <li key={item.id} className={`vote-item${n > 0 ? ' has-dots' : ''}`} data-testid={`vote-item-${item.id}`} data-my-dots={n}>
                <button type="button" className="link-button vote-item-title" onClick={() => selectAndShow(editor, [item.id])} title="Show on the board">
                  {item.title}
                </button>
                <div className="vote-item-row">
                  <span className="vote-item-kind">{item.kind}</span>
                  {canVote && (
                    <span className="vote-mine">
                      <Dots n={n} />
                      <span className={n ? 'vote-mine-text' : 'vote-mine-text hint'}>{n === 0 ? 'no dots' : n === 1 ? '1 dot' : `${n} dots`}</span>
                    </span>
                  )}
                  {canVote && (
                    <span className="vote-buttons">
                      <button
                        type="button"
                        className="vote-button"
                        aria-label={`Remove a dot from ${item.title}`}
                        aria-disabled={removeBlocked}
                        data-testid={`vote-remove-${item.id}`}
                        onClick={() => voting.remove(item.id, item.title, gone)}
                      >
                        −
                      </button>
                      <button
                        type="button"
                        className="vote-button vote-add"
                        aria-label={`Add a dot to ${item.title}`}
                        aria-disabled={addBlocked}
                        data-testid={`vote-add-${item.id}`}
                        onClick={() => voting.add(item.id, item.title, gone)}
                      >
                        +
                      </button>
                    </span>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {/* Below the list and sticky, so a message never moves the buttons under the pointer. */}
      {error && (
        <div className="form-error vote-error" role="alert" data-testid="vote-error">
          <span>{error}</span>
          {loaded ? (
            <button type="button" className="button small secondary" onClick={() => voting.clearError()}>
              OK
            </button>
          ) : (
            <button type="button" className="button small secondary" onClick={() => voting.reload()}>
              Try again
            </button>
          )}
        </div>
      )}
      <BadgeToggle voting={voting} />
      {f.canControl && <RevealButton f={f} round={round} />}
    </section>
  );
}



function RevealButton({ f, round }: { f: Facilitation; round: VoteRound }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      await revealVote(f.boardId, round.id, f.token);
    } catch (e) {
      const already = e instanceof ApiError && (e.code === 'vote_already_revealed' || e.code === 'vote_closed');
      setError(already ? 'This vote was already revealed.' : `Could not reveal the votes: ${apiMessage(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="vote-facilitator">
      <button type="button" className="button primary" data-testid="vote-reveal" disabled={busy} onClick={() => void reveal()}>
        {busy ? 'Revealing…' : 'Reveal votes'}
      </button>
      <p className="hint">Everyone sees the ranking at once; dots can no longer change.</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
