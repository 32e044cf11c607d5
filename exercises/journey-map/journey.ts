import type { ExtractedBoard } from '../kit/extract';
import { cleanText, compareText, shorten } from '../kit/text';
import type { FigureStatus, ResultConnection, ResultItem } from '../../shared/results';
import { JOURNEY_STAGES } from '../common/items';
import { STAGE_OF_ZONE } from './template';

/**
 * A journey map read once for its figures (figures.ts): programs (lanes), the stage of each
 * step, added stages, the display order of steps and the handoffs. The rules are in figures.ts.
 */

export type Variant = 'employer' | 'jobseeker';

export const NO_PROGRAM = '(no program)';
const UNNAMED_STAGE = 'Another stage (not named)';
/** The four stages the manual names; "other" steps form one column per stage name. */
export const FIXED_STAGES = JOURNEY_STAGES.filter((s) => s.value !== 'other');
const STAGE_VALUES = JOURNEY_STAGES.map((s) => s.value);
export const STAGE_LABEL = new Map(JOURNEY_STAGES.map((s) => [s.value, s.label]));
const STAGE_INDEX = new Map(STAGE_VALUES.map((v, i) => [v, i]));

const text = cleanText;
const cmp = compareText;

export function journeyVariant(board: Pick<ExtractedBoard, 'variant'>): Variant {
  return board.variant === 'jobseeker' ? 'jobseeker' : 'employer';
}

/** The stage a step counts at: its column, else its field ('' when neither). */
export function effectiveStage(step: ResultItem): string {
  const fromZone = step.zoneId ? STAGE_OF_ZONE.get(step.zoneId) : undefined;
  if (fromZone) return fromZone;
  return typeof step.fields.stage === 'string' ? step.fields.stage : '';
}

export interface Program {
  key: string;
  label: string;
  steps: ResultItem[];
}

export interface Handoff {
  c: ResultConnection;
  from: ResultItem;
  to: ResultItem;
}

export interface Journey {
  variant: Variant;
  /** "a business" or "a jobseeker or student", for the figures' sentences. */
  who: string;
  programList: Program[];
  programOf: Map<string, Program>;
  programRank: Map<Program, number>;
  stageOf: Map<string, string>;
  /** Added stage keys (lower-cased names, unnamed last) and their labels. */
  addedKeys: string[];
  addedStages: Map<string, string>;
  /** Steps in display order: program (as in the table), then stage, then id. */
  ordered: ResultItem[];
  /** Handoffs joining two journey steps. */
  between: Handoff[];
  unfinished: number;
  /** Steps at the bound end of unfinished handoffs. */
  loose: string[];
  stageIndex(id: string): number;
  describe(step: ResultItem): string;
  annotated(annotation: string, status: FigureStatus): { text: string; status: FigureStatus; itemIds: string[] }[];
}

function readPrograms(steps: ResultItem[]) {
  // Keyed by normalised name (steps are in id order, so the first spelling is stable).
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
  const programList = [...programs.values()].sort((a, b) => (a.key === '' ? 1 : b.key === '' ? -1 : cmp(a.key, b.key)));
  return { programOf, stageOf, programList, programRank: new Map(programList.map((p, i) => [p, i])) };
}

/** Added stages, keyed by lower-cased name, shown as first written (steps are in id order). */
function readAddedStages(steps: ResultItem[], stageOf: Map<string, string>) {
  const addedStages = new Map<string, string>();
  for (const step of steps) {
    if (stageOf.get(step.id) !== 'other') continue;
    const name = text(step.fields.stageName);
    if (!addedStages.has(name.toLowerCase())) addedStages.set(name.toLowerCase(), name || UNNAMED_STAGE);
  }
  const addedKeys = [...addedStages.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : cmp(a, b)));
  return { addedStages, addedKeys };
}

function readHandoffs(board: ExtractedBoard) {
  const between: Handoff[] = [];
  const loose = new Set<string>();
  let unfinished = 0;
  for (const c of board.connectionsOfKind('handoff')) {
    const from = c.fromId ? board.byId.get(c.fromId) : undefined;
    const to = c.toId ? board.byId.get(c.toId) : undefined;
    if (!c.complete || !from || !to) {
      unfinished++;
      if (c.fromId) loose.add(c.fromId);
      if (c.toId) loose.add(c.toId);
      continue;
    }
    if (from.type === 'journey-step' && to.type === 'journey-step') between.push({ c, from, to });
  }
  return { between, unfinished, loose: [...loose] };
}

export function readJourney(board: ExtractedBoard): Journey {
  const variant = journeyVariant(board);
  const steps = board.ofType('journey-step');
  const { programOf, stageOf, programList, programRank } = readPrograms(steps);
  const { addedStages, addedKeys } = readAddedStages(steps, stageOf);
  const stageIndex = (id: string) => STAGE_INDEX.get(stageOf.get(id) ?? '') ?? STAGE_VALUES.length;
  const ordered = steps
    .map((s, i) => ({ s, p: programRank.get(programOf.get(s.id)!)!, st: stageIndex(s.id), i }))
    .sort((a, b) => a.p - b.p || a.st - b.st || a.i - b.i)
    .map((o) => o.s);
  const stageName = (step: ResultItem) => {
    const stage = stageOf.get(step.id) ?? '';
    return stage === 'other' ? addedStages.get(text(step.fields.stageName).toLowerCase())! : (STAGE_LABEL.get(stage) ?? 'Stage not set');
  };
  const describe = (step: ResultItem) => {
    const what = text(step.fields.description);
    return `${programOf.get(step.id)!.label} · ${stageName(step)}: ${what ? shorten(what) : '(no description)'}`;
  };
  return {
    variant,
    who: variant === 'jobseeker' ? 'a jobseeker or student' : 'a business',
    programList,
    programOf,
    programRank,
    stageOf,
    addedKeys,
    addedStages,
    ordered,
    ...readHandoffs(board),
    stageIndex,
    describe,
    annotated: (annotation, status) => ordered.filter((s) => s.fields.annotation === annotation).map((s) => ({ text: describe(s), status, itemIds: [s.id] })),
  };
}
