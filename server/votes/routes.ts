import { VOTER_ID_PATTERN, VOTER_KEY_HEADER, VOTER_KEY_PATTERN } from '../../shared/doc/votes';
import type { BoardAccess } from '../boards/routes';
import { HttpError } from '../http/HttpError';
import { type AnyRoute, route } from '../http/router';
import { parseOr400 } from '../http/parseBody';
import type { VoterKeys } from '../sync/voterKeys';
import { BallotBody, StartVoteBody } from '../../shared/api/voteRequests';
import type { VoteService } from './VoteService';

/**
 * Dot voting (README "API"):
 *   POST    /api/boards/:id/votes?token=                            start a round (facilitator)
 *   GET|PUT /api/boards/:id/votes/:round/ballots/:voter?token=  one's own ballot (editor)
 *   POST    /api/boards/:id/votes/:round/reveal?token=            close and reveal (facilitator)
 */
export function voteRoutes(votes: VoteService, voterKeys: VoterKeys): AnyRoute[] {
  return [
    route<BoardAccess>({
      method: ['POST'],
      pattern: '/api/boards/:id/votes',
      role: 'facilitator',
      async handle(ctx) {
        const body = parseOr400(StartVoteBody, await ctx.readJson());
        ctx.json(201, { round: await votes.start(ctx.access.board, body) });
      },
    }),
    route<BoardAccess>({
      method: ['GET', 'HEAD', 'PUT'],
      pattern: '/api/boards/:id/votes/:round/ballots/:voter',
      role: 'editor',
      async handle(ctx) {
        const { board } = ctx.access;
        const { round: roundId, voter: voterId } = ctx.params;
        if (!VOTER_ID_PATTERN.test(voterId)) {
          throw new HttpError(400, 'invalid_request', 'voterId must be 1 to 64 letters, digits, "-" or "_"', 'voterId');
        }
        // The ballot is the one of the voter key the server issued over this browser's board
        // socket (server/sync/voterKeys.ts): it counts only while a connection to the board holds it.
        const key = ctx.req.headers[VOTER_KEY_HEADER];
        if (typeof key !== 'string' || !VOTER_KEY_PATTERN.test(key)) {
          throw new HttpError(400, 'invalid_request', `The ${VOTER_KEY_HEADER} header must be 16 to 128 letters, digits, "-" or "_"`, 'voterKey');
        }
        const ballotId = voterKeys.ballotIdOf(board.id, key);
        if (!ballotId) {
          throw new HttpError(403, 'voter_key_unknown', 'This voting key is not connected to the board: open the board, then vote again.', 'voterKey');
        }
        if (ctx.method === 'PUT') {
          const body = parseOr400(BallotBody, await ctx.readJson());
          return ctx.json(200, { itemIds: await votes.putBallot(board, roundId, ballotId, body.itemIds) });
        }
        ctx.json(200, { itemIds: await votes.ballot(board, roundId, ballotId) });
      },
    }),
    route<BoardAccess>({
      method: ['POST'],
      pattern: '/api/boards/:id/votes/:round/reveal',
      role: 'facilitator',
      handle: async (ctx) => ctx.json(200, { round: await votes.reveal(ctx.access.board, ctx.params.round) }),
    }),
  ];
}
