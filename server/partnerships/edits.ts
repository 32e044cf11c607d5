import * as Y from 'yjs';
import { actionsMap, addAction, updateAction } from '../../shared/doc/actionPlanDoc';
import { RUBRIC_DIMENSION_IDS } from '../../shared/rubric';
import { setRationale, setScore } from '../../shared/doc/rubricDoc';
import { HttpError } from '../http/HttpError';
import { SERVER_ORIGIN } from '../sync/Room';
import type { Relay } from '../sync/Relay';
import type { ActionChangesBody, NewActionBody, RubricDateBody } from '../../shared/api/partnershipRequests';

/**
 * Edits made on the partnership page, written into the board document the entry lives on (the
 * board stays its home: no copy is kept here). Each runs inside `relay.editBoardDoc`, so the
 * change reaches everyone on the board at once and is stored before the request is answered.
 */

/** Changes fields of one action of a board; 404 when the board has no such action. */
export async function editAction(relay: Relay, boardId: string, actionId: string, changes: ActionChangesBody): Promise<void> {
  await relay.editBoardDoc(boardId, (doc) => {
    if (!(actionsMap(doc).get(actionId) instanceof Y.Map)) throw new HttpError(404, 'action_not_found', 'This board has no such action.');
    doc.transact(() => updateAction(doc, actionId, changes), SERVER_ORIGIN);
  });
}

/** Adds an action to a board's plan; resolves with its id. */
export async function newAction(relay: Relay, boardId: string, body: NewActionBody): Promise<string> {
  return relay.editBoardDoc(boardId, (doc) => {
    let id = '';
    doc.transact(() => {
      id = addAction(doc, { text: body.text.trim(), owner: body.owner, due: body.due, status: body.status, priorityArea: body.priorityArea, createdBy: body.by || 'Partnership page' });
    }, SERVER_ORIGIN);
    return id;
  });
}

/** Writes one rubric date's scores (and rationales) on a board, in one transaction. */
export async function scoreRubricDate(relay: Relay, boardId: string, body: RubricDateBody): Promise<void> {
  await relay.editBoardDoc(boardId, (doc) => {
    doc.transact(() => {
      for (const d of RUBRIC_DIMENSION_IDS) {
        const score = body.scores[d];
        if (score !== undefined) setScore(doc, body.date, d, score);
        const rationale = body.rationale?.[d];
        if (rationale !== undefined) setRationale(doc, body.date, d, rationale);
      }
    }, SERVER_ORIGIN);
  });
}
