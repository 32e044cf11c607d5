import { atom, react, type Atom } from 'tldraw';
import type { VoteRound } from '../../../shared/doc/control';
import { canWriteDocument } from '../../../shared/roles';
import type { Facilitation } from '../sync/FacilitationContext';
import { addDot, ballotErrorMessage, refusalMessage, removeDot, sameDots, type Ballot } from './ballot';
import * as defaultApi from './votesApi';

export interface BallotApi {
  getBallot(boardId: string, roundId: string, voterId: string, token: string): Promise<string[]>;
  putBallot(boardId: string, roundId: string, voterId: string, token: string, itemIds: readonly string[]): Promise<string[]>;
}

/** The part of `Facilitation` this state reads. */
export type VotingEnv = Pick<Facilitation, 'boardId' | 'token' | 'role' | 'control' | 'template' | 'me'>;

/**
 * This browser's side of dot voting, one per open board: my ballot in the current round (shown
 * at once, optimistic), its exchange with the server and what to announce.
 *
 * - The ballot of the open round is fetched when the round appears, and again each time the
 *   control document syncs (a reconnect), unless local dots are waiting to be sent.
 * - Each edit replaces the whole ballot on the server (PUT). One request at a time: edits made
 *   while one is in flight are sent together afterwards, so requests never overtake each other.
 *   A refused or failed PUT puts back the dots the server last confirmed and sets `error`.
 */
export class VotingState {
  /** Round my ballot belongs to (the current round), or null. */
  readonly roundId: Atom<string | null> = atom('voteBallotRound', null);
  /** My dots in that round, as shown (local edits included). */
  readonly mine: Atom<Ballot> = atom('voteBallot', []);
  /** True once the server's copy of my ballot was read for this round (edits wait for it). */
  readonly loaded: Atom<boolean> = atom('voteBallotLoaded', false);
  /** True while edits are on their way to the server. */
  readonly saving: Atom<boolean> = atom('voteBallotSaving', false);
  readonly error: Atom<string | null> = atom('voteError', null);
  /** Polite announcement of the latest change ("Voting started on …", "Votes revealed"). */
  readonly announcement: Atom<{ text: string; seq: number } | null> = atom('voteAnnouncement', null);
  /** Whether the canvas shows dot badges on the cards (local to this tab). */
  readonly showBadges: Atom<boolean> = atom('voteShowBadges', true);

  private confirmed: Ballot = [];
  private currentId: string | null = null;
  private generation = 0;
  private inFlight = false;
  private dirty = false;
  private fetchWanted = false;
  private disposed = false;
  private announceSeq = 0;
  private readonly stops: (() => void)[] = [];

  constructor(
    private readonly env: VotingEnv,
    private readonly api: BallotApi = defaultApi,
  ) {
    const { control } = env;
    let last: { id: string; status: VoteRound['status'] } | null = null;
    let seenSync = false;
    this.stops.push(
      react('voteRound', () => {
        const round = control.currentRound();
        const synced = control.synced.get();
        if ((round?.id ?? null) !== this.currentId) this.switchRound(round);
        else if (round && round.status !== 'open' && this.dirty) this.dirty = false;
        // Announce changes seen live, not the state found on opening the board.
        // A round starting is announced by the vote notice (VoteNotice.tsx), which says what to do.
        if (synced && seenSync && round) {
          if (round.status === 'revealed' && (round.id !== last?.id || last?.status === 'open')) {
            this.announce('Votes revealed.');
          }
        }
        if (synced) seenSync = true;
        last = round ? { id: round.id, status: round.status } : null;
      }),
    );
    const onSync = (isSynced: boolean) => {
      if (!isSynced) return;
      this.fetchWanted = true;
      this.pump();
    };
    control.provider.on('sync', onSync);
    this.stops.push(() => control.provider.off('sync', onSync));
  }

  /** Whether this person may place dots at all (viewers may not). */
  get canVote(): boolean {
    return canWriteDocument(this.env.role);
  }

  /** Title of a template step, for messages. */
  stepTitle(stepId: string): string {
    return this.env.template?.steps.find((s) => s.id === stepId)?.title ?? 'this step';
  }

  private announce(text: string) {
    this.announcement.set({ text, seq: ++this.announceSeq });
  }

  private switchRound(round: VoteRound | null) {
    this.generation++;
    this.currentId = round?.id ?? null;
    this.roundId.set(this.currentId);
    this.mine.set([]);
    this.confirmed = [];
    this.dirty = false;
    this.loaded.set(false);
    this.saving.set(false);
    this.error.set(null);
    this.fetchWanted = !!round && round.status === 'open';
    // Outside the reaction that called us, so that what pump() reads is not tracked by it.
    queueMicrotask(() => this.pump());
  }

  private round(): VoteRound | null {
    const round = this.env.control.currentRound();
    return round && round.id === this.currentId ? round : null;
  }

  /**
   * Adds one of my dots to an item; returns false (and sets `error`) when it is not allowed.
   * Dots on items in `gone` (deleted from the board since) are dropped with the edit: the server
   * would refuse a ballot naming them.
   */
  add(itemId: string, title: string, gone: ReadonlySet<string> = NONE): boolean {
    return this.edit(gone, (ballot, round) => {
      const r = addDot(ballot, itemId, round);
      return r.ok ? r : { ok: false as const, message: refusalMessage(r.reason, round, title) };
    });
  }

  /** Takes one of my dots off an item. */
  remove(itemId: string, title: string, gone: ReadonlySet<string> = NONE): boolean {
    return this.edit(gone, (ballot, round) => {
      const r = removeDot(ballot, itemId);
      return r.ok ? r : { ok: false as const, message: refusalMessage(r.reason, round, title) };
    });
  }

  private edit(
    gone: ReadonlySet<string>,
    fn: (ballot: Ballot, round: VoteRound) => { ok: true; ballot: string[] } | { ok: false; message: string },
  ): boolean {
    const round = this.round();
    if (round?.status !== 'open') {
      this.error.set('This vote is closed: your dots can no longer change.');
      return false;
    }
    if (!this.canVote) {
      this.error.set('Your link lets you watch the vote, not take part.');
      return false;
    }
    if (!this.loaded.get()) {
      this.error.set('Your dots are still loading; try again in a moment.');
      return false;
    }
    const mine = this.mine.get();
    const r = fn(gone.size ? mine.filter((id) => !gone.has(id)) : mine, round);
    if (!r.ok) {
      this.error.set(r.message);
      return false;
    }
    this.error.set(null);
    this.mine.set(r.ballot);
    this.dirty = true;
    this.saving.set(true);
    this.pump();
    return true;
  }

  /** Sends what is waiting, one request at a time. */
  private pump() {
    if (this.inFlight || this.disposed) return;
    const roundId = this.currentId;
    const round = this.round();
    if (!roundId || !round) {
      this.saving.set(false);
      return;
    }
    const gen = this.generation;
    const { boardId, token } = this.env;
    const voterId = this.env.me().id;
    if (this.dirty) {
      const sent = [...this.mine.get()];
      this.dirty = false;
      this.inFlight = true;
      this.api
        .putBallot(boardId, roundId, voterId, token, sent)
        .then((stored) => {
          if (gen !== this.generation) return;
          this.confirmed = stored;
          // A full replacement: the server now has what we sent, no need to read it back.
          this.fetchWanted = false;
          if (!this.dirty && !sameDots(this.mine.get(), stored)) this.mine.set(stored);
        })
        .catch((e) => {
          if (gen !== this.generation) return;
          this.dirty = false;
          this.mine.set(this.confirmed);
          this.error.set(ballotErrorMessage(e));
        })
        .finally(() => this.settle());
      return;
    }
    // Viewers watch: they have no ballot, and the server would refuse to read one (403).
    if (this.fetchWanted && round.status === 'open' && this.canVote) {
      this.fetchWanted = false;
      this.inFlight = true;
      this.api
        .getBallot(boardId, roundId, voterId, token)
        .then((stored) => {
          if (gen !== this.generation) return;
          this.confirmed = stored;
          if (!this.dirty) this.mine.set(stored);
          this.loaded.set(true);
        })
        .catch((e) => {
          if (gen !== this.generation) return;
          // Edits wait for a first successful read; later failures keep what we have.
          if (!this.loaded.get()) this.error.set(`Your dots could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => this.settle());
      return;
    }
    this.saving.set(false);
  }

  private settle() {
    this.inFlight = false;
    this.pump();
  }

  /** Reads my ballot from the server again (after a failed load). */
  reload() {
    this.error.set(null);
    this.fetchWanted = true;
    this.pump();
  }

  clearError() {
    this.error.set(null);
  }

  dispose() {
    this.disposed = true;
    for (const stop of this.stops.splice(0)) stop();
  }
}

const NONE: ReadonlySet<string> = new Set();
const states = new WeakMap<object, VotingState>();

/**
 * The voting state of an open board, made on first use and disposed with the board's control
 * connection (its doc's `destroy`), so the side panel and the canvas badges share one.
 */
export function votingFor(env: VotingEnv): VotingState {
  let state = states.get(env.control);
  if (!state) {
    const created = new VotingState(env);
    state = created;
    states.set(env.control, created);
    env.control.doc.once('destroy', () => created.dispose());
  }
  return state;
}
