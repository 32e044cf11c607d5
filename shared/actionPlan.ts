/**
 * The action plan of a board: rows of actions, each optionally linked to the board item it was
 * promoted from. Stored in the doc under DOC_ACTIONS (see docLayout.ts), one Y.Map per action.
 */
export const ACTION_STATUSES = [
  { value: 'not-started', label: 'Not started' },
  { value: 'in-progress', label: 'In progress' },
  { value: 'done', label: 'Done' },
  { value: 'blocked', label: 'Blocked' },
] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number]['value'];

export interface ActionRow {
  id: string;
  /** What will be done. */
  text: string;
  /** Owner / who is committed. */
  owner: string;
  /** Due date (YYYY-MM-DD) or a free timeline ("within 60 days"). */
  due: string;
  status: ActionStatus;
  /** The priority area it serves (free text, or a priority card's title). */
  priorityArea: string;
  /** Record id of the board item it was promoted from, or '' when added directly. */
  sourceItemId: string;
  /** Title of the source item when it was promoted (shown when the item is gone). */
  sourceTitle: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}
