import * as Y from 'yjs';
import { addReconnectJitter } from './reconnectJitter';
import { WebsocketProvider } from 'y-websocket';
import * as decoding from 'lib0/decoding';
import * as authProtocol from 'y-protocols/auth';
import { IndexeddbPersistence } from 'y-indexeddb';
import { atom, type Atom } from 'tldraw';
import {
  CONTROL_MAP,
  CONTROL_VOTES,
  ControlKey,
  controlRoomName,
  parseBanner,
  parseBring,
  parseFollow,
  parseStep,
  type Banner,
  type BringRequest,
  type FollowState,
  type SessionStep,
  type VoteRound,
} from '../../../shared/doc/control';
import { MessageType, TOKEN_QUERY_PARAM } from '../../../shared/protocol';
import { hasRole, type Role } from '../../../shared/roles';
import { parseTimer, type TimerState } from '../../../shared/timer';
import { parseVoteRound } from '../../../shared/doc/votes';
import { wsBaseUrl } from './boardConnection';

/**
 * The board's control document (shared/control.ts) on its own room: the current step, timer,
 * follow/bring requests, vote rounds and banner. Everyone reads it; only a facilitator's writes
 * are accepted by the server (others get `permission denied`), so the write methods below are
 * offered to facilitators only.
 */
export class ControlConnection {
  readonly doc = new Y.Doc();
  readonly provider: WebsocketProvider;
  readonly synced: Atom<boolean> = atom('controlSynced', false);
  readonly step: Atom<SessionStep | null> = atom('sessionStep', null);
  readonly timer: Atom<TimerState | null> = atom('sessionTimer', null);
  readonly follow: Atom<FollowState | null> = atom('sessionFollow', null);
  readonly bring: Atom<BringRequest | null> = atom('sessionBring', null);
  readonly banner: Atom<Banner | null> = atom('sessionBanner', null);
  /** The facilitators' "Take everyone there" (true unless a facilitator turned it off). */
  readonly takeEveryone: Atom<boolean> = atom('sessionTakeEveryone', true);
  /** Id of the vote round in progress or last revealed. */
  readonly voteId: Atom<string | null> = atom('sessionVoteId', null);
  readonly rounds: Atom<ReadonlyMap<string, VoteRound>> = atom('voteRounds', new Map());
  readonly permissionDenied: Atom<string | null> = atom('controlDenied', null);
  private readonly map: Y.Map<unknown>;
  private readonly votes: Y.Map<unknown>;
  /** This browser's copy of the control document (IndexedDB), when asked for. */
  private readonly local: IndexeddbPersistence | null = null;

  /**
   * @param localName IndexedDB database keeping a copy of the control document in this browser,
   *   so a board opened offline shows the session's last step, timer and votes (none when omitted).
   */
  constructor(
    readonly boardId: string,
    token: string,
    readonly role: Role,
    localName?: string,
  ) {
    this.map = this.doc.getMap(CONTROL_MAP);
    this.votes = this.doc.getMap(CONTROL_VOTES);
    this.provider = new WebsocketProvider(wsBaseUrl(), controlRoomName(boardId), this.doc, {
      params: { [TOKEN_QUERY_PARAM]: token },
      disableBc: true,
    });
    // A server's clients do not all come back in the same moment when it goes away.
    addReconnectJitter(this.provider);
    // Presence travels on the board's room; nothing to say here.
    this.provider.awareness.setLocalState(null);
    this.provider.messageHandlers[MessageType.Auth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) => this.permissionDenied.set(reason));
    };
    // The board room's ack message never comes here (no ack=1), but tolerate it.
    this.provider.messageHandlers[MessageType.Ack] = (_encoder, decoder) => {
      decoding.readVarUint8Array(decoder);
    };
    this.provider.on('sync', (synced: boolean) => {
      if (synced) this.synced.set(true);
    });
    this.map.observe(() => this.readMap());
    this.votes.observe(() => this.readVotes());
    this.readMap();
    this.readVotes();
    if (localName && typeof indexedDB !== 'undefined') {
      try {
        this.local = new IndexeddbPersistence(localName, this.doc);
        (this.local as unknown as { _db: Promise<unknown> })._db.catch(() => {});
      } catch {
        this.local = null;
      }
    }
  }

  get canControl(): boolean {
    return hasRole(this.role, 'facilitator');
  }

  private readMap() {
    this.step.set(parseStep(this.map.get(ControlKey.Step)));
    this.timer.set(parseTimer(this.map.get(ControlKey.Timer)));
    this.follow.set(parseFollow(this.map.get(ControlKey.Follow)));
    this.bring.set(parseBring(this.map.get(ControlKey.Bring)));
    this.banner.set(parseBanner(this.map.get(ControlKey.Banner)));
    this.takeEveryone.set(this.map.get(ControlKey.TakeEveryone) !== false);
    const vote = this.map.get(ControlKey.Vote);
    this.voteId.set(typeof vote === 'string' ? vote : null);
  }

  private readVotes() {
    const next = new Map<string, VoteRound>();
    for (const [id, value] of this.votes.entries()) {
      const round = parseVoteRound(value);
      if (round && round.id === id) next.set(id, round);
    }
    this.rounds.set(next);
  }

  /** The round named by `vote`, if any. */
  currentRound(): VoteRound | null {
    const id = this.voteId.get();
    return id ? (this.rounds.get().get(id) ?? null) : null;
  }

  private write(values: Partial<Record<(typeof ControlKey)[keyof typeof ControlKey], unknown>>) {
    if (!this.canControl) return;
    this.doc.transact(() => {
      for (const [key, value] of Object.entries(values)) this.map.set(key, value ?? null);
    });
  }

  setStep(step: SessionStep, timer?: TimerState) {
    this.write(timer ? { [ControlKey.Step]: step, [ControlKey.Timer]: timer } : { [ControlKey.Step]: step });
  }

  setTimer(timer: TimerState) {
    this.write({ [ControlKey.Timer]: timer });
  }

  setFollow(follow: FollowState | null) {
    this.write({ [ControlKey.Follow]: follow });
  }

  requestBring(bring: BringRequest) {
    this.write({ [ControlKey.Bring]: bring });
  }

  setTakeEveryone(value: boolean) {
    this.write({ [ControlKey.TakeEveryone]: value });
  }

  setBanner(banner: Banner | null) {
    this.write({ [ControlKey.Banner]: banner });
  }

  destroy() {
    this.provider.destroy();
    void this.local?.destroy().catch(() => {});
    this.doc.destroy();
  }
}
