import type { ExerciseTemplate } from '../../shared/template';
import { JOURNEY_STAGES } from '../common/items';

/** Zone id of the column of a journey stage (`engagement` → `stage-engagement`). */
function stageZoneId(stage: string): string {
  return `stage-${stage}`;
}

/** Stage value of each stage column, by zone id. */
export const STAGE_OF_ZONE: ReadonlyMap<string, string> = new Map(JOURNEY_STAGES.map((s) => [stageZoneId(s.value), s.value]));

const COLUMN_W = 1000;
const COLUMN_GAP = 100;
const COLUMNS_Y = 900;
const COLUMN_H = 2500;
const COLUMN_COLORS = ['light-violet', 'violet', 'light-blue', 'light-green', 'grey'] as const;
const COLUMN_LABEL: Record<string, string> = { referral: 'Referral(s)', other: 'More stages (name them on the cards)' };

/**
 * Journey map (employer or jobseeker/student variant): a quotes strip on top, then the four
 * stages as columns, left to right, and a fifth column for any stage the team adds. Programs are lanes by convention (one row per program),
 * recorded by each step's `program` field rather than by zones.
 */
export const journeyMapTemplate: ExerciseTemplate = {
  id: 'journey-map',
  title: 'Journey map',
  purpose:
    'Trace the path a business, or a jobseeker or student, takes through each program: where it starts, where it is referred, who follows up and what is finally received. Then find where paths repeat, break or miss each other.',
  // 2: a solo drafting step, and a fifth column for stages the team adds.
  version: 2,
  variants: [
    { id: 'employer', title: 'Employer journey' },
    { id: 'jobseeker', title: 'Jobseeker or student journey' },
  ],
  steps: [
    {
      id: 'what-they-say',
      title: 'What they say about us',
      prompt:
        'Open with a quick round: what do the people this map is about (businesses, or jobseekers and students) say about working with our programs? Add one Quote card per remark, in their words, and mark it positive or negative. The uncomfortable remarks are the useful ones, so do not filter.',
      minutes: 10,
      zoneId: 'quotes',
    },
    {
      id: 'solo-draft',
      title: 'Draft your path alone',
      prompt:
        'Each program lead takes five to ten minutes alone, without discussing, to lay out the path people take with their program: a Journey step card for each point of engagement, referral, follow-up and service received, placed in its column on one row (their program’s lane). Name any stage beyond these four on the card and put it in the last column. Say clearly what people actually receive.',
      minutes: 10,
    },
    {
      id: 'engagement',
      title: 'Point of engagement',
      prompt:
        'Now walk the lanes together, stage by stage. Check every way people first meet each program: a call from a business rep, a walk-in, an event, an online form. Add what is missing; the program name on each card keeps its lane.',
      minutes: 5,
      zoneId: stageZoneId('engagement'),
    },
    {
      id: 'referral',
      title: 'Referrals',
      prompt:
        'Where does your program send people next, and who sends people to you? Add one card per referral in this column and draw a Handoff arrow from the step it comes from, even when it crosses into another program’s lane.',
      minutes: 5,
      zoneId: stageZoneId('referral'),
    },
    {
      id: 'follow-through',
      title: 'Follow-through',
      prompt:
        'Who checks back after the referral, how and when? Add the follow-up your program really does today, not what the procedure says. If there is none, leave your lane empty here: the board will point it out.',
      minutes: 5,
      zoneId: stageZoneId('follow-through'),
    },
    {
      id: 'services',
      title: 'Services received',
      prompt:
        'Say plainly what the business or the person ends up receiving: a screened candidate, a training seat, a wage subsidy, a credential. One card per service, linked with a Handoff arrow from the step that leads to it.',
      minutes: 5,
      zoneId: stageZoneId('services'),
    },
    {
      id: 'other-stages',
      title: 'Stages beyond these',
      prompt:
        'Does the path go on after the services: placement, retention, advancement, a return for more training? Add those steps in the last column with the stage named on each card, so steps of the same stage count together.',
      minutes: 5,
      zoneId: stageZoneId('other'),
    },
    {
      id: 'mark-points',
      title: 'Mark strong and weak points',
      prompt:
        'Walk the lanes together, one program at a time. Mark each card that stands out as a strong point or a weak point; on an employer map also mark steps that repeat what another program already does, on a jobseeker map mark the points of connection and the missed connections. Rate every handoff smooth, bumpy or broken and note why.',
      minutes: 20,
    },
  ],
  zones: [
    { id: 'quotes', label: 'What they say about us', color: 'light-blue', x: 0, y: 0, w: JOURNEY_STAGES.length * COLUMN_W + (JOURNEY_STAGES.length - 1) * COLUMN_GAP, h: 800, itemTypes: ['quote'] },
    ...JOURNEY_STAGES.map((stage, i) => ({
      id: stageZoneId(stage.value),
      label: COLUMN_LABEL[stage.value] ?? stage.label,
      color: COLUMN_COLORS[i],
      x: i * (COLUMN_W + COLUMN_GAP),
      y: COLUMNS_Y,
      w: COLUMN_W,
      h: COLUMN_H,
      itemTypes: ['journey-step'],
    })),
  ],
};
