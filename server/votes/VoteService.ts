import { randomBytes } from 'node:crypto';
import type * as Y from 'yjs';
import { readRecords } from '../../shared/doc/boardDoc';
import { CONTROL_MAP, CONTROL_VOTES, ControlKey, type VoteRound } from '../../shared/doc/control';
import { parseVoteRound, readRounds, tally, validateBallot } from '../../shared/doc/votes';
import { getTemplate } from '../../exercises/registry';
import { ZONE_SHAPE_TYPE } from '../../exercises/kit/shapes';
import { HttpError } from '../http/HttpError';
import type { Logger } from '../runtime/log';
import type { Relay } from '../sync/Relay';
import { SERVER_ORIGIN } from '../sync/Room';

/** Ballots one round takes (beyond it a new voter gets 409 too_many_voters). */
export const MAX_VOTERS_PER_ROUND = 500;
import type { BoardRow, Storage } from '../storage/Storage';
import { ballotStore } from './ballotStore';

/** Round ids: 72 random bits, base64url (12 characters). */
export const ROUND_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export interface StartRound {
  stepId: string;
  perPerson: number;
  perItem?: number | null;
  /** Display name of the facilitator starting it (shown to participants). */
  by?: string;
}

/** The ids of the shapes one may vote on: every shape of the board but zones and arrows. */
export function votableItemIds(doc: Y.Doc): Set<string> {
  const ids = new Set<string>();
  for (const [id, record] of readRecords(doc)) {
    const r = record as { typeName?: unknown; type?: unknown };
    if (r.typeName === 'shape' && r.type !== ZONE_SHAPE_TYPE && r.type !== 'arrow') ids.add(id);
  }
  return ids;
}

function roundIn(doc: Y.Doc, roundId: string): VoteRound {
  const round = parseVoteRound(doc.getMap<unknown>(CONTROL_VOTES).get(roundId));
  if (!round || round.id !== roundId) throw new HttpError(404, 'round_not_found', 'This vote round does not exist.');
  return round;
}

function writeRound(doc: Y.Doc, round: VoteRound, current = false): void {
  doc.transact(() => {
    doc.getMap<unknown>(CONTROL_VOTES).set(round.id, round);
    if (current) doc.getMap<unknown>(CONTROL_MAP).set(ControlKey.Vote, round.id);
  }, SERVER_ORIGIN);
}

/**
 * Dot voting on the server. Ballots live in storage only; the rounds (status, limits, number of
 * voters, and the tally once revealed) live in the board's control document, written by the
 * server into the live room (Relay.withControlDoc), so every client sees them at once and no
 * count exists anywhere before the reveal.
 *
 * Every operation on one board's votes runs after the previous one has finished (one chain per
 * board), so a ballot can never slip in between a reveal's count and its write, and two starts
 * cannot both find no open round.
 */
export class VoteService {
  private readonly chains = new Map<string, Promise<unknown>>();

  constructor(
    private readonly relay: Relay,
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly now: () => number = Date.now,
  ) {}

  private serialize<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.chains.get(boardId) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => {});
    this.chains.set(boardId, tail);
    void tail.then(() => {
      if (this.chains.get(boardId) === tail) this.chains.delete(boardId);
    });
    return next;
  }

  /** Starts a round: 400 for a step not in the board's template, 409 while another round is open. */
  async start(board: BoardRow, input: StartRound): Promise<VoteRound> {
    const template = getTemplate(board.templateId);
    if (!template?.steps.some((s) => s.id === input.stepId)) {
      throw new HttpError(400, 'unknown_step', `stepId "${input.stepId.slice(0, 80)}" is not a step of this board's exercise`, 'stepId');
    }
    return this.serialize(board.id, () =>
      this.relay.editControlDoc(board.id, (doc) => {
        const open = readRounds(doc).find((r) => r.status === 'open');
        if (open) throw new HttpError(409, 'vote_in_progress', 'A vote is already open; reveal it before starting another.');
        const round: VoteRound = {
          id: randomBytes(9).toString('base64url'),
          stepId: input.stepId,
          perPerson: input.perPerson,
          perItem: input.perItem ?? null,
          status: 'open',
          startedAt: this.now(),
          revealedAt: null,
          startedBy: input.by ?? '',
          voters: 0,
          tally: null,
        };
        writeRound(doc, round, true);
        this.logger.info('vote.start', { board: board.id, round: round.id, step: round.stepId, perPerson: round.perPerson, perItem: round.perItem });
        return round;
      }),
    );
  }

  /** A voter's dots (empty when none); 404 for an unknown round. */
  async ballot(board: BoardRow, roundId: string, voterId: string): Promise<string[]> {
    await this.readRound(board.id, roundId);
    return (await this.storage.feature(ballotStore).get(board.id, roundId, voterId))?.itemIds ?? [];
  }

  /**
   * Replaces a voter's dots after checking them (shared/doc/votes.ts validateBallot) against the
   * round and the board's current shapes; then updates the round's number of voters. Bad input
   * changes nothing.
   */
  putBallot(board: BoardRow, roundId: string, voterId: string, itemIds: string[]): Promise<string[]> {
    return this.serialize(board.id, async () => {
      const round = await this.readRound(board.id, roundId);
      const known = await this.relay.readDoc(board.id, 'board', votableItemIds);
      const check = validateBallot(round, itemIds, known);
      if (!check.ok) {
        const { code, message } = check.error;
        if (code === 'vote_closed') throw new HttpError(409, code, message);
        throw new HttpError(400, code, message, 'itemIds');
      }
      if (itemIds.length > 0 && !(await this.storage.feature(ballotStore).get(board.id, roundId, voterId))) {
        const ballots = await this.storage.feature(ballotStore).list(board.id, roundId);
        if (ballots.length >= MAX_VOTERS_PER_ROUND) {
          throw new HttpError(409, 'too_many_voters', `A vote takes at most ${MAX_VOTERS_PER_ROUND} voters.`);
        }
      }
      const voters = await this.storage.feature(ballotStore).put(board.id, roundId, voterId, itemIds, new Date(this.now()).toISOString());
      if (voters !== round.voters) {
        await this.relay.editControlDoc(board.id, (doc) => {
          const current = roundIn(doc, roundId);
          if (current.voters !== voters) writeRound(doc, { ...current, voters });
        });
      }
      return itemIds;
    });
  }

  /** Closes a round and publishes its tally; 409 when it was revealed already. */
  reveal(board: BoardRow, roundId: string): Promise<VoteRound> {
    return this.serialize(board.id, async () => {
      await this.readRound(board.id, roundId);
      const ballots = await this.storage.feature(ballotStore).list(board.id, roundId);
      return this.relay.editControlDoc(board.id, (doc) => {
        const round = roundIn(doc, roundId);
        if (round.status !== 'open') throw new HttpError(409, 'vote_already_revealed', 'This vote has been revealed already.');
        const revealed: VoteRound = {
          ...round,
          status: 'revealed',
          revealedAt: this.now(),
          voters: ballots.filter((b) => b.itemIds.length > 0).length,
          tally: tally(ballots.map((b) => b.itemIds)),
        };
        writeRound(doc, revealed);
        this.logger.info('vote.reveal', { board: board.id, round: roundId, voters: revealed.voters });
        return revealed;
      });
    });
  }

  /**
   * A round as the control document holds it: the live room's doc when it is open, otherwise
   * read from storage without loading a room (Relay.readDoc); 404 when unknown.
   */
  private async readRound(boardId: string, roundId: string): Promise<VoteRound> {
    if (!ROUND_ID_PATTERN.test(roundId)) throw new HttpError(404, 'round_not_found', 'This vote round does not exist.');
    return this.relay.readDoc(boardId, 'control', (doc) => roundIn(doc, roundId));
  }
}
