import type { ExtractedBoard } from '../kit/extract';
import { cleanText, compareText, shorten } from '../kit/text';
import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultConnection, ResultItem, TableFigure } from '../../shared/results';
import { JOURNEY_STAGES } from '../common/items';
import { STAGE_OF_ZONE } from './template';

/**
 * Derived figures of a journey map.
 *
 * Rules:
 *  - Variant: `board.variant === 'jobseeker'` is the jobseeker/student map; anything else (null,
 *    'employer', an unknown id) is read as the employer map.
 *  - Stage of a step: the stage column it sits in is the truth (the team drew the path by
 *    placing cards); a step outside the four columns falls back to its `stage` field. A step
 *    in a column whose field says another stage is listed in "stage-mismatch" (info).
 *  - Program: matched on the `program` text with case and runs of whitespace ignored
 *    ("Adult  education" = "adult education"); shown with the spelling of the first step (by id)
 *    that uses it. A program is one name, so the text is not split on commas. Steps with an
 *    empty program form the "(no program)" row and take no part in cross-program handoffs.
 *  - Handoffs count only when both ends are journey steps; loose ones are counted apart.
 *  - Added stages: steps at "another stage" (the fifth column, or the field outside the columns)
 *    count under the stage name written on the card, case and spaces ignored; each name gets its
 *    own column in the steps table, after the four stages the manual names.
 */

type Variant = 'employer' | 'jobseeker';

const NO_PROGRAM = '(no program)';
const UNNAMED_STAGE = 'Another stage (not named)';
/** The four stages the manual names; "other" steps form one column per stage name. */
const FIXED_STAGES = JOURNEY_STAGES.filter((s) => s.value !== 'other');
const STAGE_VALUES = JOURNEY_STAGES.map((s) => s.value);
const STAGE_LABEL = new Map(JOURNEY_STAGES.map((s) => [s.value, s.label]));
const QUALITY_ORDER = ['smooth', 'bumpy', 'broken', ''];

const STAGE_INDEX = new Map(STAGE_VALUES.map((v, i) => [v, i]));

const text = cleanText;

const cmp = compareText;
const short = shorten;

export function journeyVariant(board: Pick<ExtractedBoard, 'variant'>): Variant {
  return board.variant === 'jobseeker' ? 'jobseeker' : 'employer';
}

/** The stage a step counts at: its column, else its field ('' when neither). */
export function effectiveStage(step: ResultItem): string {
  const fromZone = step.zoneId ? STAGE_OF_ZONE.get(step.zoneId) : undefined;
  if (fromZone) return fromZone;
  return typeof step.fields.stage === 'string' ? step.fields.stage : '';
}

interface Program {
  key: string;
  label: string;
  steps: ResultItem[];
}

export function figures(board: ExtractedBoard): Figure[] {
  const variant = journeyVariant(board);
  const who = variant === 'jobseeker' ? 'a jobseeker or student' : 'a business';
  const steps = board.ofType('journey-step');

  // Programs, keyed by normalised name (steps are in id order, so the first spelling is stable).
  const programs = new Map<string, Program>();
  const programOf = new Map<string, Program>();
  const stageOf = new Map<string, string>();
  for (const step of steps) {
    const name = text(step.fields.program);
    const key = name.toLowerCase();
    let p = programs.get(key);
    if (!p) programs.set(key, (p = { key, label: key ? name : NO_PROGRAM, steps: [] }));
    p.steps.push(step);
    programOf.set(step.id, p);
    stageOf.set(step.id, effectiveStage(step));
  }
  const stageIndex = (id: string) => STAGE_INDEX.get(stageOf.get(id) ?? '') ?? STAGE_VALUES.length;
  const programList = [...programs.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : cmp(a.key, b.key)));

  const programRank = new Map(programList.map((p, i) => [p, i]));

  // Display order of steps, computed once: program (as in the table), then stage, then id.
  // The lists below filter this array, so they come out in that order without sorting again.
  const ordered = steps
    .map((s, i) => ({ s, p: programRank.get(programOf.get(s.id)!)!, st: stageIndex(s.id), i }))
    .sort((a, b) => a.p - b.p || a.st - b.st || a.i - b.i)
    .map((o) => o.s);
  // Added stages, keyed by lower-cased name, shown as first written (steps are in id order).
  const addedStages = new Map<string, string>();
  const addedStageOf = (step: ResultItem) => {
    const name = text(step.fields.stageName);
    if (!addedStages.has(name.toLowerCase())) addedStages.set(name.toLowerCase(), name || UNNAMED_STAGE);
    return name.toLowerCase();
  };
  for (const step of steps) if (stageOf.get(step.id) === 'other') addedStageOf(step);
  const addedKeys = [...addedStages.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)));
  const stageName = (step: ResultItem) => {
    const stage = stageOf.get(step.id) ?? '';
    return stage === 'other' ? addedStages.get(text(step.fields.stageName).toLowerCase())! : (STAGE_LABEL.get(stage) ?? 'Stage not set');
  };
  const describe = (step: ResultItem) => {
    const stage = stageName(step);
    const what = text(step.fields.description);
    return `${programOf.get(step.id)!.label} · ${stage}: ${what ? short(what) : '(no description)'}`;
  };
  const annotated = (annotation: string, status: FigureStatus) =>
    ordered.filter((s) => s.fields.annotation === annotation).map((s) => ({ text: describe(s), status, itemIds: [s.id] }));
  const listStatus = (entries: { status?: FigureStatus }[], whenAny: FigureStatus): FigureStatus => (entries.length ? whenAny : 'ok');

  // 1. Steps per program and stage.
  const stepsTable: TableFigure = {
    id: 'steps-by-program-stage',
    kind: 'table',
    label: 'Steps per program and stage',
    help: `How many steps each program puts in front of ${who} at each stage; a stage column is the truth, the stage field only counts for cards outside the columns.`,
    columns: ['Program', ...FIXED_STAGES.map((s) => s.label), ...addedKeys.map((k) => addedStages.get(k)!), 'Stage not set', 'Total'],
    rows: programList.map((p) => {
      const counts = new Array<number>(FIXED_STAGES.length + addedKeys.length + 1).fill(0);
      for (const s of p.steps) {
        const stage = stageOf.get(s.id) ?? '';
        const column = stage === 'other' ? FIXED_STAGES.length + addedKeys.indexOf(text(s.fields.stageName).toLowerCase()) : stageIndex(s.id) < FIXED_STAGES.length ? stageIndex(s.id) : counts.length - 1;
        counts[column]++;
      }
      const row: TableFigure['rows'][number] = { key: p.key || NO_PROGRAM, cells: [p.label, ...counts, p.steps.length], itemIds: p.steps.map((s) => s.id) };
      if (p.key === '') row.status = 'warn';
      return row;
    }),
  };
  stepsTable.status = stepsTable.rows.some((r) => r.status === 'warn') ? 'warn' : 'ok';

  // 2. Handoffs between steps of different programs.
  const handoffs = board.connectionsOfKind('handoff');
  const between: { c: ResultConnection; from: ResultItem; to: ResultItem }[] = [];
  let loose: string[] = [];
  let unfinished = 0;
  for (const c of handoffs) {
    const from = c.fromId ? board.byId.get(c.fromId) : undefined;
    const to = c.toId ? board.byId.get(c.toId) : undefined;
    if (!c.complete || !from || !to) {
      unfinished++;
      if (c.fromId) loose.push(c.fromId);
      if (c.toId) loose.push(c.toId);
      continue;
    }
    if (from.type === 'journey-step' && to.type === 'journey-step') between.push({ c, from, to });
  }
  loose = [...new Set(loose)];

  // Keyed by the two programs' positions in programList: a number, so rows sort in table order.
  const pairs = new Map<number, { from: Program; to: Program; counts: number[]; itemIds: Set<string> }>();
  for (const { c, from, to } of between) {
    const pf = programOf.get(from.id)!;
    const pt = programOf.get(to.id)!;
    if (pf.key === '' || pt.key === '' || pf === pt) continue;
    const key = programRank.get(pf)! * programList.length + programRank.get(pt)!;
    let pair = pairs.get(key);
    if (!pair) pairs.set(key, (pair = { from: pf, to: pt, counts: [0, 0, 0, 0], itemIds: new Set() }));
    const q = QUALITY_ORDER.indexOf(String(c.fields.quality ?? ''));
    pair.counts[q < 0 ? QUALITY_ORDER.length - 1 : q]++;
    pair.itemIds.add(from.id).add(to.id);
  }
  const crossTable: TableFigure = {
    id: 'cross-program-handoffs',
    kind: 'table',
    label: 'Handoffs across programs',
    help: `Where ${who} is passed from one program to another, and how well those handoffs work; a broken one is where people get lost.`,
    columns: ['From program', 'To program', 'Handoffs', 'Smooth', 'Bumpy', 'Broken', 'Not rated'],
    rows: [...pairs.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([, p]) => {
        const row: TableFigure['rows'][number] = {
          key: `${p.from.label} → ${p.to.label}`,
          cells: [p.from.label, p.to.label, p.counts.reduce((n, x) => n + x, 0), ...p.counts],
          itemIds: [...p.itemIds],
        };
        if (p.counts[2] > 0) row.status = 'warn';
        return row;
      }),
  };
  crossTable.status = crossTable.rows.some((r) => r.status === 'warn') ? 'warn' : 'ok';

  // 3. Variant-specific marks.
  const variantFigure: ListFigure =
    variant === 'employer'
      ? (() => {
          const entries = annotated('redundant', 'warn');
          return {
            id: 'redundant-steps',
            kind: 'list',
            label: 'Redundant steps',
            help: 'Steps marked as repeating what another program already does with the same business: candidates for coordination.',
            status: listStatus(entries, 'warn'),
            entries,
            empty: 'No step is marked as a redundancy.',
          };
        })()
      : (() => {
          const entries = annotated('missed-connection', 'warn');
          return {
            id: 'missed-connections',
            kind: 'list',
            label: 'Missed connections',
            help: 'Steps where a jobseeker or student should have been connected to another program or service and was not.',
            status: listStatus(entries, 'warn'),
            entries,
            empty: 'No step is marked as a missed connection.',
          };
        })();

  const connectionPoints: ListFigure[] =
    variant === 'jobseeker'
      ? [
          {
            id: 'connection-points',
            kind: 'list',
            label: 'Points of connection',
            help: 'Steps where a jobseeker or student is well connected to another program or service: practices worth keeping.',
            status: 'ok',
            entries: annotated('connection', 'ok'),
            empty: 'No step is marked as a point of connection yet.',
          },
        ]
      : [];

  // 4-5. Weak and strong points.
  const weak = annotated('weak', 'warn');
  const strong = annotated('strong', 'ok');

  // 6. Bumpy and broken handoffs (any programs): broken first, then bumpy, by connector id.
  const rough = between
    .filter(({ c }) => c.fields.quality === 'broken' || c.fields.quality === 'bumpy')
    .sort((a, b) => (a.c.fields.quality === b.c.fields.quality ? cmp(a.c.id, b.c.id) : a.c.fields.quality === 'broken' ? -1 : 1))
    .map(({ c, from, to }) => {
      const notes = text(c.fields.notes);
      return {
        text: `${programOf.get(from.id)!.label} → ${programOf.get(to.id)!.label}, ${c.fields.quality}${notes ? `: ${short(notes)}` : ''}`,
        status: (c.fields.quality === 'broken' ? 'warn' : 'info') as FigureStatus,
        itemIds: [from.id, to.id],
      };
    });

  // 7. Programs without a follow-through step.
  const noFollow = programList
    .filter((p) => p.key !== '' && !p.steps.some((s) => stageOf.get(s.id) === 'follow-through'))
    .map((p) => ({
      text: `${p.label} (${p.steps.length} ${p.steps.length === 1 ? 'step' : 'steps'}, none at follow-through)`,
      status: 'warn' as FigureStatus,
      itemIds: p.steps.map((s) => s.id),
    }));

  // 8. Steps whose stage field disagrees with their column.
  const mismatches = ordered
    .filter((s) => {
      const column = s.zoneId ? STAGE_OF_ZONE.get(s.zoneId) : undefined;
      return column !== undefined && s.fields.stage !== '' && s.fields.stage !== column;
    })
    .map((s) => ({
    text: `${describe(s)}, marked ${s.fields.stage === 'other' ? 'another stage' : STAGE_LABEL.get(String(s.fields.stage))}`,
    status: 'info' as FigureStatus,
    itemIds: [s.id],
  }));

  const unfinishedFigure: NumberFigure = {
    id: 'unfinished-handoffs',
    kind: 'number',
    label: 'Unfinished handoffs',
    help: 'Handoff arrows with an end not attached to a step; attach both ends so they count.',
    value: unfinished,
    status: unfinished ? 'info' : 'ok',
    itemIds: loose,
  };

  return [
    stepsTable,
    crossTable,
    variantFigure,
    ...connectionPoints,
    {
      id: 'weak-points',
      kind: 'list',
      label: 'Weak points',
      help: `Steps the team marked as weak in the journey of ${who}.`,
      status: listStatus(weak, 'warn'),
      entries: weak,
      empty: 'No step is marked as a weak point.',
    },
    {
      id: 'strong-points',
      kind: 'list',
      label: 'Strong points',
      help: 'Steps the team marked as strong: practices worth keeping or spreading to other programs.',
      status: 'ok',
      entries: strong,
      empty: 'No step is marked as a strong point yet.',
    },
    {
      id: 'rough-handoffs',
      kind: 'list',
      label: 'Bumpy and broken handoffs',
      help: 'Handoffs rated bumpy or broken, within or across programs, with the team’s notes.',
      status: rough.some((e) => e.status === 'warn') ? 'warn' : rough.length ? 'info' : 'ok',
      entries: rough,
      empty: 'No handoff is rated bumpy or broken.',
    },
    {
      id: 'no-follow-through',
      kind: 'list',
      label: 'Programs with no follow-through',
      help: `Programs whose lane has no step at the follow-through stage: nobody checks back with ${who}.`,
      status: listStatus(noFollow, 'warn'),
      entries: noFollow,
      empty: 'Every program has a follow-through step.',
    },
    {
      id: 'stage-mismatch',
      kind: 'list',
      label: 'Stage field differs from column',
      help: 'Steps placed in one stage column but marked with another stage; the column is what counts.',
      status: listStatus(mismatches, 'info'),
      entries: mismatches,
      empty: 'Every step sits in the column of its stage.',
    },
    unfinishedFigure,
  ];
}
