import type { ExtractedBoard } from '../kit/extract';
import { cleanText, compareText, shorten } from '../kit/text';
import type { Figure, FigureStatus, ListFigure, NumberFigure, TableFigure } from '../../shared/results';
import { FIXED_STAGES, NO_PROGRAM, readJourney, STAGE_LABEL, type Journey, type Program } from './journey';
import { STAGE_OF_ZONE } from './template';
import { statusOf } from '../kit/figureKit';

export { effectiveStage, journeyVariant } from './journey';

/**
 * Derived figures of a journey map.
 *
 * Rules:
 *  - Variant: `board.variant === 'jobseeker'` is the jobseeker/student map; anything else (null,
 *    'employer', an unknown id) is read as the employer map.
 *  - Stage of a step: the stage column it sits in is the truth (the team drew the path by
 *    placing cards); a step outside the columns falls back to its `stage` field. A step in a
 *    column whose field says another stage is listed in "stage-mismatch" (info).
 *  - Program: matched on the `program` text with case and runs of whitespace ignored
 *    ("Adult  education" = "adult education"); shown with the spelling of the first step (by id)
 *    that uses it. A program is one name, so the text is not split on commas. Steps with an
 *    empty program form the "(no program)" row and take no part in cross-program handoffs.
 *  - Handoffs count only when both ends are journey steps; loose ones are counted apart.
 *  - Added stages: steps at "another stage" (the fifth column, or the field outside the columns)
 *    count under the stage name written on the card, case and spaces ignored; each name gets its
 *    own column in the steps table, after the four stages the manual names.
 */

const QUALITY_ORDER = ['smooth', 'bumpy', 'broken', ''];
const text = cleanText;
const cmp = compareText;

function stepsTable(j: Journey): TableFigure {
  const rows = j.programList.map((p) => {
    const counts = new Array<number>(FIXED_STAGES.length + j.addedKeys.length + 1).fill(0);
    for (const s of p.steps) {
      const stage = j.stageOf.get(s.id) ?? '';
      const fixed = j.stageIndex(s.id);
      const column = stage === 'other' ? FIXED_STAGES.length + j.addedKeys.indexOf(text(s.fields.stageName).toLowerCase()) : fixed < FIXED_STAGES.length ? fixed : counts.length - 1;
      counts[column]++;
    }
    const row: TableFigure['rows'][number] = { key: p.key || NO_PROGRAM, cells: [p.label, ...counts, p.steps.length], itemIds: p.steps.map((s) => s.id) };
    if (p.key === '') row.status = 'warn';
    return row;
  });
  return {
    id: 'steps-by-program-stage',
    kind: 'table',
    label: 'Steps per program and stage',
    help: `How many steps each program puts in front of ${j.who} at each stage; a stage column is the truth, the stage field only counts for cards outside the columns.`,
    columns: ['Program', ...FIXED_STAGES.map((s) => s.label), ...j.addedKeys.map((k) => j.addedStages.get(k)!), 'Stage not set', 'Total'],
    rows,
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
  };
}

function crossProgramHandoffs(j: Journey): TableFigure {
  // Keyed by the two programs' positions in programList: a number, so rows sort in table order.
  const pairs = new Map<number, { from: Program; to: Program; counts: number[]; itemIds: Set<string> }>();
  for (const { c, from, to } of j.between) {
    const pf = j.programOf.get(from.id)!;
    const pt = j.programOf.get(to.id)!;
    if (pf.key === '' || pt.key === '' || pf === pt) continue;
    const key = j.programRank.get(pf)! * j.programList.length + j.programRank.get(pt)!;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { from: pf, to: pt, counts: [0, 0, 0, 0], itemIds: new Set() }));
    const q = QUALITY_ORDER.indexOf(String(c.fields.quality ?? ''));
    pair.counts[q < 0 ? QUALITY_ORDER.length - 1 : q]++;
    pair.itemIds.add(from.id).add(to.id);
  }
  const rows = [...pairs.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, p]) => {
      const row: TableFigure['rows'][number] = { key: `${p.from.label} → ${p.to.label}`, cells: [p.from.label, p.to.label, p.counts.reduce((n, x) => n + x, 0), ...p.counts], itemIds: [...p.itemIds] };
      if (p.counts[2] > 0) row.status = 'warn';
      return row;
    });
  return {
    id: 'cross-program-handoffs',
    kind: 'table',
    label: 'Handoffs across programs',
    help: `Where ${j.who} is passed from one program to another, and how well those handoffs work; a broken one is where people get lost.`,
    columns: ['From program', 'To program', 'Handoffs', 'Smooth', 'Bumpy', 'Broken', 'Not rated'],
    rows,
    status: rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
  };
}

/** The marks only one variant asks for: redundancies on an employer map; missed connections and points of connection on a jobseeker map. */
function variantMarks(j: Journey): ListFigure[] {
  if (j.variant === 'employer') {
    const entries = j.annotated('redundant', 'warn');
    return [
      {
        id: 'redundant-steps',
        kind: 'list',
        label: 'Redundant steps',
        help: 'Steps marked as repeating what another program already does with the same business: candidates for coordination.',
        status: statusOf(entries, 'warn'),
        entries,
        empty: 'No step is marked as a redundancy.',
      },
    ];
  }
  const missed = j.annotated('missed-connection', 'warn');
  return [
    {
      id: 'missed-connections',
      kind: 'list',
      label: 'Missed connections',
      help: 'Steps where a jobseeker or student should have been connected to another program or service and was not.',
      status: statusOf(missed, 'warn'),
      entries: missed,
      empty: 'No step is marked as a missed connection.',
    },
    {
      id: 'connection-points',
      kind: 'list',
      label: 'Points of connection',
      help: 'Steps where a jobseeker or student is well connected to another program or service: practices worth keeping.',
      status: 'ok',
      entries: j.annotated('connection', 'ok'),
      empty: 'No step is marked as a point of connection yet.',
    },
  ];
}

function weakAndStrongPoints(j: Journey): ListFigure[] {
  const weak = j.annotated('weak', 'warn');
  return [
    {
      id: 'weak-points',
      kind: 'list',
      label: 'Weak points',
      help: `Steps the team marked as weak in the journey of ${j.who}.`,
      status: statusOf(weak, 'warn'),
      entries: weak,
      empty: 'No step is marked as a weak point.',
    },
    {
      id: 'strong-points',
      kind: 'list',
      label: 'Strong points',
      help: 'Steps the team marked as strong: practices worth keeping or spreading to other programs.',
      status: 'ok',
      entries: j.annotated('strong', 'ok'),
      empty: 'No step is marked as a strong point yet.',
    },
  ];
}

/** Bumpy and broken handoffs (any programs): broken first, then bumpy, by connector id. */
function roughHandoffs(j: Journey): ListFigure {
  const entries = j.between
    .filter(({ c }) => c.fields.quality === 'broken' || c.fields.quality === 'bumpy')
    .sort((a, b) => (a.c.fields.quality === b.c.fields.quality ? cmp(a.c.id, b.c.id) : a.c.fields.quality === 'broken' ? -1 : 1))
    .map(({ c, from, to }) => {
      const notes = text(c.fields.notes);
      return {
        text: `${j.programOf.get(from.id)!.label} → ${j.programOf.get(to.id)!.label}, ${c.fields.quality}${notes ? `: ${shorten(notes)}` : ''}`,
        status: (c.fields.quality === 'broken' ? 'warn' : 'info') as FigureStatus,
        itemIds: [from.id, to.id],
      };
    });
  return {
    id: 'rough-handoffs',
    kind: 'list',
    label: 'Bumpy and broken handoffs',
    help: 'Handoffs rated bumpy or broken, within or across programs, with the team’s notes.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'info' : 'ok',
    entries,
    empty: 'No handoff is rated bumpy or broken.',
  };
}

function noFollowThrough(j: Journey): ListFigure {
  const entries = j.programList
    .filter((p) => p.key !== '' && !p.steps.some((s) => j.stageOf.get(s.id) === 'follow-through'))
    .map((p) => ({
      text: `${p.label} (${p.steps.length} ${p.steps.length === 1 ? 'step' : 'steps'}, none at follow-through)`,
      status: 'warn' as FigureStatus,
      itemIds: p.steps.map((s) => s.id),
    }));
  return {
    id: 'no-follow-through',
    kind: 'list',
    label: 'Programs with no follow-through',
    help: `Programs whose lane has no step at the follow-through stage: nobody checks back with ${j.who}.`,
    status: statusOf(entries, 'warn'),
    entries,
    empty: 'Every program has a follow-through step.',
  };
}

function stageMismatch(j: Journey): ListFigure {
  const entries = j.ordered
    .filter((s) => {
      const column = s.zoneId ? STAGE_OF_ZONE.get(s.zoneId) : undefined;
      return column !== undefined && s.fields.stage !== '' && s.fields.stage !== column;
    })
    .map((s) => ({
      text: `${j.describe(s)}, marked ${s.fields.stage === 'other' ? 'another stage' : STAGE_LABEL.get(String(s.fields.stage))}`,
      status: 'info' as FigureStatus,
      itemIds: [s.id],
    }));
  return {
    id: 'stage-mismatch',
    kind: 'list',
    label: 'Stage field differs from column',
    help: 'Steps placed in one stage column but marked with another stage; the column is what counts.',
    status: statusOf(entries, 'info'),
    entries,
    empty: 'Every step sits in the column of its stage.',
  };
}

function unfinishedHandoffs(j: Journey): NumberFigure {
  return {
    id: 'unfinished-handoffs',
    kind: 'number',
    label: 'Unfinished handoffs',
    help: 'Handoff arrows with an end not attached to a step; attach both ends so they count.',
    value: j.unfinished,
    status: j.unfinished ? 'info' : 'ok',
    itemIds: j.loose,
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const j = readJourney(board);
  return [stepsTable(j), crossProgramHandoffs(j), ...variantMarks(j), ...weakAndStrongPoints(j), roughHandoffs(j), noFollowThrough(j), stageMismatch(j), unfinishedHandoffs(j)];
}
