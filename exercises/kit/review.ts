/**
 * The after-action review: the manual closes each of the six steps of building an industry-led
 * sector partnership with questions a regional team asks itself before moving on. Here they are
 * in our own words, one phase per step, as data.
 *
 * Ids are stable: answers are stored under `<stepId>|<questionId>` (shared/doc/reviewDoc.ts), so a
 * question may be reworded but its id must not change or be reused for another question.
 * Question ids are unique across all phases (`<phase>.<name>`), so an answer names its question
 * alone. Each question is answered yes, no or not yet, with a short text.
 */

export const REVIEW_PHASE_IDS = ['support-team', 'industry-scope', 'prepare-launch', 'launch', 'move-to-action', 'sustain-evolve'] as const;
export type ReviewPhaseId = (typeof REVIEW_PHASE_IDS)[number];

export interface ReviewQuestion {
  id: string;
  text: string;
}

export interface ReviewPhase {
  id: ReviewPhaseId;
  /** Step number in the manual's step-by-step process (1-6). */
  step: number;
  title: string;
  questions: ReviewQuestion[];
}

export const REVIEW_PHASES: readonly ReviewPhase[] = [
  {
    id: 'support-team',
    step: 1,
    title: 'Build the regional support team',
    questions: [
      {
        id: 'support-team.shared-table',
        text: 'Do our education, workforce and economic development partners see the sector partnership as the one table where they meet the sector’s businesses, learn what those businesses need and shape joint responses with each other?',
      },
      {
        id: 'support-team.one-sector',
        text: 'Have we committed to at least one target sector where we try this shared-table way of working, instead of each partner approaching the same employers on its own?',
      },
      { id: 'support-team.roles', text: 'Are the roles and responsibilities of every partner on the support team clear and agreed?' },
      { id: 'support-team.convener', text: 'Have we named the lead convener, or the pair of co-conveners?' },
    ],
  },
  {
    id: 'industry-scope',
    step: 2,
    title: 'Define the scope of industry focus',
    questions: [
      { id: 'industry-scope.sectors-agreed', text: 'Has the whole regional team agreed which sectors deserve a joint effort to launch a partnership?' },
      {
        id: 'industry-scope.data-and-knowledge',
        text: 'Did we pick them from labour market data combined with what partners know first-hand about the region’s industries?',
      },
      { id: 'industry-scope.first-sector', text: 'Do we know which sector we start with, and which one comes next?' },
      {
        id: 'industry-scope.footprint',
        text: 'Have we discussed and agreed a geographic area for the partnership that is neither so small it misses the sector nor so large it loses focus?',
      },
      {
        id: 'industry-scope.business-sense',
        text: 'Would the scope make sense to the businesses themselves: are the companies in it likely to share opportunities and challenges?',
      },
      {
        id: 'industry-scope.follows-industry',
        text: 'Does the area follow where the industry’s companies and workers actually are, rather than a county line or a program’s service area?',
      },
    ],
  },
  {
    id: 'prepare-launch',
    step: 3,
    title: 'Prepare to launch',
    questions: [
      {
        id: 'prepare-launch.champions',
        text: 'Have we recruited at least one chief executive from the target sector in our region (three or four is better) to sign the invitation and welcome everyone at the launch?',
      },
      {
        id: 'prepare-launch.date-venue',
        text: 'Have we chosen a date, time and place that work for the businesses, ideally hosted at one of their own sites?',
      },
      {
        id: 'prepare-launch.invite-list',
        text: 'Have we drawn up, together, the list of senior leaders of sector companies in the region to invite?',
      },
      {
        id: 'prepare-launch.invite-sent',
        text: 'Did the invitation go out about a month before the launch, and did we follow it up with phone calls?',
      },
    ],
  },
  {
    id: 'launch',
    step: 4,
    title: 'Launch the partnership',
    questions: [
      { id: 'launch.critical-mass', text: 'Did enough business leaders come to the launch meeting to speak for the sector?' },
      { id: 'launch.owned-priorities', text: 'Did the meeting end with shared priorities that the business leaders feel are their own?' },
      { id: 'launch.next-steps', text: 'Did employers commit to concrete next steps after the meeting?' },
      {
        id: 'launch.partner-debrief',
        text: 'Did the support partners, who mostly listened at the launch, debrief together afterwards, and hold back from offering solutions before industry-led task forces have spent the next few weeks defining needs and early wins?',
      },
      {
        id: 'launch.follow-up',
        text: 'Are we ready to follow up: a short summary of the meeting sent to the business members straight away, and brief task force calls arranged?',
      },
    ],
  },
  {
    id: 'move-to-action',
    step: 5,
    title: 'Move to action',
    questions: [
      {
        id: 'move-to-action.task-forces',
        text: 'Have task forces formed around the employers’ priorities, made up mostly of employers, with support partners brought in only where they are needed?',
      },
      { id: 'move-to-action.lead-champions', text: 'Have lead employer champions stepped forward and started turning ideas into action?' },
      { id: 'move-to-action.outcomes-clear', text: 'Are the outcomes and strategies clear for each priority area?' },
      {
        id: 'move-to-action.partners-value',
        text: 'Can support partners see where they add value on the priorities, and is there a way to involve them while employers keep setting the agenda and the strategy?',
      },
      { id: 'move-to-action.quick-wins', text: 'Have we achieved any quick wins yet?' },
      { id: 'move-to-action.next-meeting', text: 'Is the date of the next quarterly meeting of the full partnership set?' },
    ],
  },
  {
    id: 'sustain-evolve',
    step: 6,
    title: 'Sustain and evolve',
    questions: [
      {
        id: 'sustain-evolve.value-companies',
        text: 'Do companies value the partnership as the place to tackle shared competitiveness, to work with public partners at one table and to share the cost of solutions?',
      },
      {
        id: 'sustain-evolve.value-educators',
        text: 'Do educators value it as a quicker way to follow industry’s changing needs and to build career pathways that industry drives?',
      },
      {
        id: 'sustain-evolve.value-workforce',
        text: 'Do workforce developers value it as a way to aim time and money at high-impact solutions, to serve employers as a group rather than one at a time, and to design training that fits employers closely?',
      },
      {
        id: 'sustain-evolve.value-economic',
        text: 'Do economic developers value it as a focused place to work with key industries alongside education and workforce partners, and to understand the strengths and prospects of the sectors that drive the region?',
      },
      { id: 'sustain-evolve.home', text: 'Have we settled on an organisational home that keeps the partnership industry-driven and focused on action?' },
      { id: 'sustain-evolve.refresh', text: 'Do we have a regular way to assess progress, revise priorities and renew the partnership’s agenda?' },
    ],
  },
];

const byId = new Map(REVIEW_PHASES.map((p) => [p.id, p]));
const questionIndex = new Map(REVIEW_PHASES.flatMap((p) => p.questions.map((q) => [q.id, { phase: p, question: q }] as const)));

export function isReviewPhaseId(id: unknown): id is ReviewPhaseId {
  return typeof id === 'string' && byId.has(id as ReviewPhaseId);
}

export function reviewPhase(id: ReviewPhaseId): ReviewPhase {
  return byId.get(id)!;
}

/** A question and its phase by the question's id, or undefined for an id no phase has. */
export function reviewQuestion(id: string): { phase: ReviewPhase; question: ReviewQuestion } | undefined {
  return questionIndex.get(id);
}
