import * as Y from 'yjs';
import { seedBoardDoc } from '../../shared/doc/boardDoc';
import { ROLES, type Role } from '../../shared/roles';
import { boardSchema, getExercise } from '../../exercises/registry';
import { exerciseRecords } from '../../exercises/kit/seed';
import type { CreateBoardResponse } from '../../shared/api/boards';
import { HttpError } from '../http/HttpError';
import type { CreateBoardBody } from '../../shared/api/boardRequests';
import type { BoardRow, Storage, TokenRow } from '../storage/Storage';
import { hashToken, newBoardId, newToken } from '../runtime/tokens';

export function boardLink(origin: string, id: string, token: string): string {
  return `${origin}/b/${id}?token=${token}`;
}

/** A board ready to be stored: its row, the plain tokens (for links only), their hashes and its seeded doc. */
export interface PreparedBoard {
  row: BoardRow;
  tokens: Record<Role, string>;
  tokenRows: TokenRow[];
  state: Uint8Array;
}

/**
 * Everything a new board from a template needs, without storing it: validates the template and
 * variant (400 naming the field), makes the row, one token per role and the seeded document.
 * `createBoard` stores one; cohorts (server/cohorts/) store several in one transaction.
 */
export function prepareBoard(body: CreateBoardBody): PreparedBoard {
  const exercise = getExercise(body.template);
  if (!exercise) throw new HttpError(400, 'unknown_template', `template "${body.template}" does not exist`, 'template');
  const template = exercise.template;
  const variants = template.variants ?? [];
  if (body.variant !== undefined && !variants.some((v) => v.id === body.variant)) {
    throw new HttpError(400, 'unknown_variant', `variant "${body.variant}" is not a variant of ${template.id}`, 'variant');
  }
  const variant = body.variant ?? variants[0]?.id;
  const row: BoardRow = {
    id: newBoardId(),
    title: body.title,
    region: body.region,
    sector: body.sector,
    templateId: template.id,
    templateVersion: template.version,
    variant: variant ?? null,
    createdAt: new Date().toISOString(),
  };
  const doc = new Y.Doc();
  seedBoardDoc(
    doc,
    { id: row.id, title: row.title, region: row.region, sector: row.sector, variant, createdAt: row.createdAt },
    template,
    boardSchema(),
    exerciseRecords(exercise),
  );
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  const tokens = Object.fromEntries(ROLES.map((r) => [r, newToken()])) as Record<Role, string>;
  return { row, tokens, tokenRows: ROLES.map((role) => ({ role, hash: hashToken(tokens[role]) })), state };
}

/** The three links of a board, from its plain tokens. */
export function boardLinks(origin: string, id: string, tokens: Record<Role, string>): Record<Role, string> {
  return Object.fromEntries(ROLES.map((r) => [r, boardLink(origin, id, tokens[r])])) as Record<Role, string>;
}

/**
 * Creates a board from a template: its row, one token per role (only hashes are stored) and its
 * seeded document, in one storage call. The plain tokens exist only in the returned links.
 */
export async function createBoard(storage: Storage, body: CreateBoardBody, origin: string): Promise<CreateBoardResponse> {
  const { row, tokens, tokenRows, state } = prepareBoard(body);
  await storage.createBoard(row, tokenRows, state);
  return { id: row.id, links: boardLinks(origin, row.id, tokens) };
}

/** The board a token opens, with the token's role; 404 / 401 otherwise. */
export async function authorizeBoard(storage: Storage, id: string, token: string | null) {
  const board = await storage.getBoard(id);
  if (!board) throw new HttpError(404, 'board_not_found', 'This board does not exist.');
  const hash = token ? hashToken(token) : null;
  const role = hash ? await storage.roleForTokenHash(id, hash) : undefined;
  if (!role) {
    if (hash && (await storage.tokenRevokedAt(id, hash))) throw linkReplaced('board’s facilitator');
    throw new HttpError(401, 'invalid_token', 'The link is missing its token, or the token is wrong or expired.');
  }
  return { board, role };
}

/** 401 for a link whose token was replaced by a new one (server/links/rotate.ts). */
export function linkReplaced(whoHasTheNewOne: string): HttpError {
  return new HttpError(401, 'link_replaced', `This link was replaced by a new one and no longer works; ask the ${whoHasTheNewOne} for the new link.`);
}
