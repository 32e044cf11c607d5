import { describe, expect, it } from 'vitest';
import type { ActionRow } from '../../../shared/actionPlan';
import {
  DEFAULT_SORT,
  isFiltered,
  matchesFilter,
  nextSort,
  NO_FILTER,
  ownersOf,
  sortActions,
  summaryOf,
  visibleActions,
  type ActionSort,
} from './actionRows';

let n = 0;
/** A row in the plan's own order: each call is created a minute after the previous one. */
function row(fields: Partial<ActionRow>): ActionRow {
  n += 1;
  const createdAt = new Date(Date.UTC(2026, 2, 2, 9, n)).toISOString();
  return {
    id: `action:${String(n).padStart(3, '0')}`,
    text: '',
    owner: '',
    due: '',
    status: 'not-started',
    priorityArea: '',
    sourceItemId: '',
    sourceTitle: '',
    createdAt,
    createdBy: 'Ada',
    updatedAt: createdAt,
    ...fields,
  };
}

const texts = (rows: ActionRow[]) => rows.map((r) => r.text);
const asc = (key: ActionSort['key']): ActionSort => ({ key, direction: 'ascending' });
const desc = (key: ActionSort['key']): ActionSort => ({ key, direction: 'descending' });

describe('sorting the action plan', () => {
  const plan = [
    row({ text: 'Send invitations', owner: 'maria', status: 'done', due: 'within 60 days', priorityArea: 'Launch' }),
    row({ text: 'build the list', owner: '', status: 'blocked', due: '2026-05-01', priorityArea: '' }),
    row({ text: 'Recruit champions', owner: 'Kim', status: 'in-progress', due: '2026-04-15', priorityArea: 'Champions' }),
    row({ text: 'Quick win 10', owner: 'Maria', status: 'not-started', due: '', priorityArea: 'launch' }),
    row({ text: 'Quick win 9', owner: 'Lee', status: 'in-progress', due: 'next quarter', priorityArea: 'Apprenticeships' }),
  ];

  it('keeps the plan order (oldest first) by default', () => {
    expect(texts(sortActions(plan, DEFAULT_SORT))).toEqual(texts(plan));
    expect(texts(sortActions(plan, desc('created')))).toEqual(texts(plan).reverse());
  });

  it('sorts action text without regard to case and with numbers in numeric order', () => {
    expect(texts(sortActions(plan, asc('text')))).toEqual(['build the list', 'Quick win 9', 'Quick win 10', 'Recruit champions', 'Send invitations']);
  });

  it('sorts by status in workflow order, both ways, ties in plan order', () => {
    expect(sortActions(plan, asc('status')).map((r) => r.status)).toEqual(['not-started', 'in-progress', 'in-progress', 'done', 'blocked']);
    expect(texts(sortActions(plan, asc('status')).slice(1, 3))).toEqual(['Recruit champions', 'Quick win 9']);
    expect(sortActions(plan, desc('status')).map((r) => r.status)).toEqual(['blocked', 'done', 'in-progress', 'in-progress', 'not-started']);
    // Ties keep the plan order in both directions.
    expect(texts(sortActions(plan, desc('status')).slice(2, 4))).toEqual(['Recruit champions', 'Quick win 9']);
  });

  it('puts actions without an owner last, whichever the direction', () => {
    expect(sortActions(plan, asc('owner')).map((r) => r.owner)).toEqual(['Kim', 'Lee', 'maria', 'Maria', '']);
    expect(sortActions(plan, desc('owner')).map((r) => r.owner)).toEqual(['maria', 'Maria', 'Lee', 'Kim', '']);
  });

  it('sorts dates by date before free timelines, and empty due last', () => {
    expect(sortActions(plan, asc('due')).map((r) => r.due)).toEqual(['2026-04-15', '2026-05-01', 'next quarter', 'within 60 days', '']);
    expect(sortActions(plan, desc('due')).map((r) => r.due)).toEqual(['within 60 days', 'next quarter', '2026-05-01', '2026-04-15', '']);
  });

  it('sorts by priority area with blanks last', () => {
    expect(sortActions(plan, asc('priorityArea')).map((r) => r.priorityArea)).toEqual(['Apprenticeships', 'Champions', 'Launch', 'launch', '']);
  });

  it('sorts by source title, actions added directly last', () => {
    const rows = [
      row({ text: 'a', sourceItemId: 'shape:2', sourceTitle: 'Zebra sticky' }),
      row({ text: 'b' }),
      row({ text: 'c', sourceItemId: 'shape:1', sourceTitle: 'Apple sticky' }),
      row({ text: 'd', sourceItemId: 'shape:3', sourceTitle: '' }),
    ];
    expect(texts(sortActions(rows, asc('source')))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('ignores spaces around values', () => {
    const rows = [row({ text: 'b', owner: '  Zed' }), row({ text: 'a', owner: 'Amy  ' }), row({ text: 'c', owner: '   ' })];
    expect(texts(sortActions(rows, asc('owner')))).toEqual(['a', 'b', 'c']);
  });

  it('does not change the array it is given', () => {
    const copy = [...plan];
    sortActions(plan, asc('text'));
    expect(plan).toEqual(copy);
  });
});

describe('filtering the action plan', () => {
  const plan = [
    row({ text: 'one', owner: 'Maria', status: 'done' }),
    row({ text: 'two', owner: ' maria ', status: 'in-progress' }),
    row({ text: 'three', owner: 'Kim', status: 'in-progress' }),
    row({ text: 'four', owner: '', status: 'blocked' }),
  ];

  it('shows everything without a filter', () => {
    expect(texts(visibleActions(plan, NO_FILTER, DEFAULT_SORT))).toEqual(['one', 'two', 'three', 'four']);
    expect(isFiltered(NO_FILTER)).toBe(false);
  });

  it('filters by status', () => {
    const filter = { ...NO_FILTER, status: 'in-progress' as const };
    expect(texts(visibleActions(plan, filter, DEFAULT_SORT))).toEqual(['two', 'three']);
    expect(isFiltered(filter)).toBe(true);
  });

  it('filters by owner without regard to case or outer spaces', () => {
    const filter = { ...NO_FILTER, owner: { kind: 'owner' as const, name: 'MARIA' } };
    expect(texts(visibleActions(plan, filter, DEFAULT_SORT))).toEqual(['one', 'two']);
  });

  it('filters the actions nobody owns yet', () => {
    expect(texts(visibleActions(plan, { ...NO_FILTER, owner: { kind: 'none' } }, DEFAULT_SORT))).toEqual(['four']);
  });

  it('combines status and owner, then sorts', () => {
    const filter = { status: 'in-progress' as const, owner: { kind: 'owner' as const, name: 'maria' } };
    expect(texts(visibleActions(plan, filter, desc('text')))).toEqual(['two']);
    expect(matchesFilter(plan[0], filter)).toBe(false);
  });

  it('shows nothing when nothing matches', () => {
    expect(visibleActions(plan, { status: 'done', owner: { kind: 'owner', name: 'Kim' } }, DEFAULT_SORT)).toEqual([]);
  });
});

describe('header clicks', () => {
  it('start a new column ascending and flip the same column', () => {
    expect(nextSort(DEFAULT_SORT, 'status')).toEqual(asc('status'));
    expect(nextSort(asc('status'), 'status')).toEqual(desc('status'));
    expect(nextSort(desc('status'), 'status')).toEqual(asc('status'));
    expect(nextSort(desc('status'), 'owner')).toEqual(asc('owner'));
  });
});

describe('owners and summary', () => {
  it('lists each owner once, first spelling, alphabetically, without blanks', () => {
    const rows = [row({ owner: 'maria' }), row({ owner: 'Kim' }), row({ owner: ' Maria ' }), row({ owner: '' }), row({ owner: 'Jo  Ann' })];
    expect(ownersOf(rows)).toEqual(['Jo Ann', 'Kim', 'maria']);
  });

  it('summarises counts per status, leaving out empty ones', () => {
    expect(summaryOf([])).toBe('No actions yet');
    expect(summaryOf([row({ status: 'done' })])).toBe('1 action: 1 done');
    expect(summaryOf([row({}), row({ status: 'blocked' }), row({})])).toBe('3 actions: 2 not started, 1 blocked');
  });
});
