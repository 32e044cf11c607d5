import { useEffect, useId, useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useValue, type Editor, type TLShapeId } from 'tldraw';
import type { VoteRound } from '../../../../shared/doc/control';
import { VOTE_LIMITS } from '../../../../shared/doc/control';
import { ApiError, NetworkError } from '../../../lib/api';
import { itemKindLabel, itemTitle } from '../../actions/promotion';
import { selectAndShow } from '../../panels/boardActions';
import type { Facilitation } from '../FacilitationContext';
import { ranking, REMOVED_ITEM_TITLE } from '../../../../shared/doc/votes';
import { addRefusal, countDots, dotsLeft, plural, validateStartForm, type StartFormErrors } from './ballot';
import { isVotableShape, votableItems, type PlacedShape, type VotableItem, type VotableSet } from './votableItems';
import { votingFor, type VotingState } from './VotingState';
import { revealVote, startVote } from './votesApi';
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

/** Shapes of the current page with their page bounds, for `votableItems`. */
function placedShapes(editor: Editor): PlacedShape[] {
  const out: PlacedShape[] = [];
  for (const s of editor.getCurrentPageShapes()) {
    if (s.type !== 'pb-zone' && !isVotableShape(s)) continue;
    const b = editor.getShapePageBounds(s);
    if (b) out.push({ id: s.id, type: s.type, props: s.props, x: b.x, y: b.y, w: b.w, h: b.h });
  }
  return out;
}

/** The votable items of a step, recomputed as the board changes (a re-render only when the list does). */
function useVotable(editor: Editor, f: Facilitation, stepId: string): VotableSet {
  const key = useValue('votableItems', () => JSON.stringify(votableItems(placedShapes(editor), f.template, stepId)), [editor, f, stepId]);
  return useMemo(() => JSON.parse(key) as VotableSet, [key]);
}

function StepHeading({ f, round }: { f: Facilitation; round: VoteRound }) {
  const step = f.template?.steps.find((s) => s.id === round.stepId);
  const index = f.template?.steps.findIndex((s) => s.id === round.stepId) ?? -1;
  return (
    <div className="vote-head">
      <h2>
        <span className="vote-kicker">{round.status === 'open' ? 'Dot vote' : 'Vote results'}</span>
        {index >= 0 ? `${index + 1}. ` : ''}
        {step?.title ?? 'A step no longer in this exercise'}
      </h2>
      {step?.prompt && (
        <details className="vote-prompt">
          <summary>What the step asked</summary>
          <p>{step.prompt}</p>
        </details>
      )}
    </div>
  );
}

function Dots({ n, className = '' }: { n: number; className?: string }) {
  if (n <= 0) return null;
  return (
    <span className={`vote-dots ${className}`} aria-hidden="true">
      {Array.from({ length: Math.min(n, 10) }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: identical dots.
        <span key={i} className="vote-dot" />
      ))}
      {n > 10 && <span className="vote-dots-more">+{n - 10}</span>}
    </span>
  );
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

function BadgeToggle({ voting }: { voting: VotingState }) {
  const show = useValue('voteBadges', () => voting.showBadges.get(), [voting]);
  const id = useId();
  return (
    <div className="vote-badge-toggle insp-check">
      <input id={id} type="checkbox" checked={show} onChange={(e) => voting.showBadges.set(e.target.checked)} />
      <label htmlFor={id}>Show dots on the cards</label>
    </div>
  );
}

function apiMessage(e: unknown): string {
  if (e instanceof NetworkError) return 'The server could not be reached. Check the connection and try again.';
  if (e instanceof ApiError) return e.message;
  return e instanceof Error ? e.message : String(e);
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

function RevealedRound({ f, editor, voting, round }: { f: Facilitation; editor: Editor; voting: VotingState; round: VoteRound }) {
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

function StartForm({ f, again }: { f: Facilitation; again: boolean }) {
  const steps = f.template?.steps ?? [];
  const sessionStep = useValue('sessionStep', () => f.control.step.get()?.stepId ?? null, [f]);
  const defaultStep = steps.some((s) => s.id === sessionStep) ? (sessionStep as string) : (steps[0]?.id ?? '');
  /** null: follows the step the session is on. */
  const [stepChoice, setStepChoice] = useState<string | null>(null);
  const [perPerson, setPerPerson] = useState('3');
  const [perItem, setPerItem] = useState('');
  const [errors, setErrors] = useState<StartFormErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const stepId = stepChoice ?? defaultStep;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = validateStartForm({ stepId, perPerson, perItem }, steps.map((s) => s.id));
    if (!checked.ok) {
      setErrors(checked.errors);
      setFormError(null);
      const first = (['stepId', 'perPerson', 'perItem'] as const).find((k) => checked.errors[k]);
      if (first) document.getElementById(`${id}-${first}`)?.focus();
      return;
    }
    setErrors({});
    setFormError(null);
    setBusy(true);
    try {
      await startVote(f.boardId, f.token, { ...checked.value, by: f.me().name.slice(0, 60) });
    } catch (err) {
      if (err instanceof ApiError && err.field && ['stepId', 'perPerson', 'perItem'].includes(err.field)) {
        setErrors({ [err.field]: err.message });
      } else if (err instanceof ApiError && err.code === 'vote_in_progress') {
        setFormError('A vote is already open on this board: reveal it before starting another.');
      } else {
        setFormError(`The vote could not be started: ${apiMessage(err)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  const fieldProps = (key: keyof StartFormErrors) => ({
    id: `${id}-${key}`,
    'aria-invalid': errors[key] ? true : undefined,
    'aria-describedby': errors[key] ? `${id}-${key}-error` : undefined,
  });
  const fieldError = (key: keyof StartFormErrors) =>
    errors[key] ? (
      <p className="field-error" id={`${id}-${key}-error`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <form className="vote-start" onSubmit={(e) => void submit(e)} noValidate aria-labelledby={`${id}-heading`} data-testid="vote-start-form">
      <h2 id={`${id}-heading`}>{again ? 'Start another dot vote' : 'Start a dot vote'}</h2>
      <p className="hint">Each person places dots on the cards of one step; counts stay hidden until you reveal them.</p>
      <div className="insp-field">
        <label htmlFor={`${id}-stepId`}>Step</label>
        <select {...fieldProps('stepId')} value={stepId} onChange={(e) => setStepChoice(e.target.value)}>
          {steps.map((s, i) => (
            <option key={s.id} value={s.id}>
              {i + 1}. {s.title}
            </option>
          ))}
        </select>
        {fieldError('stepId')}
      </div>
      <div className="vote-start-numbers">
        <div className="insp-field">
          <label htmlFor={`${id}-perPerson`}>Dots per person</label>
          <input
            {...fieldProps('perPerson')}
            type="number"
            inputMode="numeric"
            min={1}
            max={VOTE_LIMITS.maxPerPerson}
            step={1}
            value={perPerson}
            onChange={(e) => setPerPerson(e.target.value)}
          />
          {fieldError('perPerson')}
        </div>
        <div className="insp-field">
          <label htmlFor={`${id}-perItem`}>Max per card</label>
          <input
            {...fieldProps('perItem')}
            type="number"
            inputMode="numeric"
            min={1}
            max={VOTE_LIMITS.maxPerPerson}
            step={1}
            placeholder="No limit"
            value={perItem}
            onChange={(e) => setPerItem(e.target.value)}
          />
          {fieldError('perItem')}
        </div>
      </div>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <button type="submit" className="button primary" data-testid="vote-start" disabled={busy}>
        {busy ? 'Starting…' : 'Start the vote'}
      </button>
    </form>
  );
}
