import { YES_NO_NOT_YET } from '../common/items';
import type { FieldDef, FieldOption, ItemTypeDef } from '../kit/definitions';

/** A worksheet question: a short label for the card, and the question itself (in our words). */
export interface CheckQuestion {
  key: string;
  label: string;
  question: string;
}

const answerField = (q: CheckQuestion): FieldDef => ({ key: q.key, label: q.label, kind: 'choice', options: YES_NO_NOT_YET, help: q.question });

/** The five checks of moving from ideas to action. */
export const IDEAS_TO_ACTION: CheckQuestion[] = [
  { key: 'taskTeams', label: 'Task teams with business leaders', question: 'Have task teams formed around the priority areas, with business leaders taking an active part in them?' },
  { key: 'outcomes', label: 'Outcomes and quick wins', question: 'Have the task teams made their outcomes, strategies and action steps clear, and spotted chances for quick wins?' },
  { key: 'leadChampions', label: 'Lead employer champions', question: 'Are lead employer champions turning the partnership’s ideas into a written action plan?' },
  { key: 'communityPartners', label: 'Community partners in', question: 'Have community partners been brought in to support the priorities, and are they clear on their roles?' },
  {
    key: 'convenerSupport',
    label: 'Convener keeps it running',
    question: 'Is the convener working with the support team so the partnership is well supported: notes sent on time, the action plan kept current and used to communicate, meetings well run?',
  },
];

export const CONVENER_QUESTIONS: CheckQuestion[] = [
  { key: 'softMoney', label: 'Off stop-gap money', question: 'Has my organization moved away from relying on short-term, stop-gap funds to support sector partnerships?' },
  { key: 'jobChanged', label: 'My job has changed', question: 'Has convening changed my job description, informally or even formally?' },
  { key: 'standardWay', label: 'Our standard way', question: 'Has my organization made sector partnerships its usual way of working with employers in key industries, not a one-off?' },
  { key: 'mapContributions', label: 'Mapping who can help', question: 'Do I regularly map the partnership’s activities and members to find new ways for people to contribute?' },
  { key: 'yearlyReview', label: 'Yearly fresh look', question: 'Do I lead the employers through a fresh look at opportunities and requirements when needed, at least once a year?' },
  { key: 'documented', label: 'Successes written up', question: 'Have I documented what the partnership has done and achieved, so its value can be shown?' },
];

export const SUPPORT_TEAM_QUESTIONS: CheckQuestion[] = [
  { key: 'solutions', label: 'Building solutions', question: 'Am I actively working with other public partners on solutions to the priorities the partnership set?' },
  { key: 'contributes', label: 'Giving resources', question: 'Do I or my program give in-kind support, staff time or money to the partnership’s work?' },
  { key: 'changedEngagement', label: 'Working differently with employers', question: 'Have I or my program changed how we work with employers because of the partnership?' },
  { key: 'formalized', label: 'Commitment in writing', question: 'Have I or my program made our commitment formal, for example in a signed agreement or memorandum of understanding?' },
];

export const EMPLOYER_QUESTIONS: CheckQuestion[] = [
  { key: 'delegate', label: 'Leading and delegating', question: 'Have I thought about how to stay involved as a leader while handing some of the work to others in my company?' },
  { key: 'colleagues', label: 'Colleagues involved', question: 'Have I brought other people from my company into the partnership?' },
  { key: 'partner', label: 'Partner, not customer', question: 'Am I acting as a partner rather than a customer, with my company part of the solution?' },
  { key: 'informalBenefits', label: 'Informal benefits used', question: 'Am I making the most of the informal benefits, such as getting to know other companies, as well as the shared priorities?' },
  { key: 'resources', label: 'Giving resources', question: 'Is my company giving in-kind or financial resources, or helping to find funding?' },
];

/** How the team (or a task team) answers the five checks of moving from ideas to action. */
const ideasToActionItem: ItemTypeDef = {
  type: 'ideas-to-action',
  label: 'Ideas to action',
  description: 'The five checks of moving from ideas to action, each answered yes, no or not yet.',
  color: 'violet',
  titleField: 'answeredBy',
  w: 300,
  h: 220,
  fields: [{ key: 'answeredBy', label: 'Answered by', kind: 'text', placeholder: 'e.g. The whole team, or a task team' }, ...IDEAS_TO_ACTION.map(answerField), { key: 'notes', label: 'Notes', kind: 'longtext' }],
};

export const MOMENTUM_NEEDS: FieldOption[] = [
  { value: 'task-team-meetings', label: 'Facilitate task team meetings to write the action plan' },
  { value: 'quick-wins', label: 'Find quick wins and mobilise support partners' },
  { value: 'employer-leaders', label: 'Ask employers to lead a task team or the partnership' },
  { value: 'other', label: 'Other' },
];

/** What is needed where a check is answered no or not yet. */
const momentumNeedItem: ItemTypeDef = {
  type: 'momentum-need',
  label: 'What is needed',
  description: 'Where a check is no or not yet: what would help the partnership move from ideas to action, and who takes it on.',
  color: 'light-red',
  titleField: 'details',
  w: 260,
  h: 170,
  fields: [
    { key: 'need', label: 'Kind of help', kind: 'choice', options: MOMENTUM_NEEDS },
    { key: 'details', label: 'What is needed', kind: 'longtext' },
    { key: 'owner', label: 'Who takes it on', kind: 'text' },
  ],
};

function roleCard(type: string, label: string, description: string, color: ItemTypeDef['color'], org: string, questions: CheckQuestion[]): ItemTypeDef {
  return {
    type,
    label,
    description,
    color,
    titleField: 'name',
    w: 280,
    h: 250,
    fields: [{ key: 'name', label: 'Name', kind: 'text' }, { key: 'organization', label: org, kind: 'text' }, ...questions.map(answerField), { key: 'notes', label: 'Notes', kind: 'longtext' }],
  };
}

const convenerCheckItem = roleCard(
  'convener-check',
  'Convener answers',
  'One convener’s answers to the sustainability questions for conveners.',
  'blue',
  'Organization',
  CONVENER_QUESTIONS,
);
const supportTeamCheckItem = roleCard(
  'support-team-check',
  'Support partner answers',
  'One support partner’s answers to the sustainability questions for the sector support team.',
  'light-green',
  'Organization or program',
  SUPPORT_TEAM_QUESTIONS,
);
const employerCheckItem = roleCard(
  'employer-check',
  'Employer answers',
  'One employer’s answers to the sustainability questions for employers.',
  'orange',
  'Company',
  EMPLOYER_QUESTIONS,
);

export const momentumItemTypes: ItemTypeDef[] = [ideasToActionItem, momentumNeedItem, convenerCheckItem, supportTeamCheckItem, employerCheckItem];
