import type { FieldOption, ItemTypeDef } from '../kit/definitions';

/** The manual's three categories of decisions about business outreach, and the closing question. */
export const DECISION_CATEGORIES: FieldOption[] = [
  { value: 'outreach', label: 'Outreach coordination and a consistent method' },
  { value: 'marketing', label: 'Shared marketing or common branding' },
  { value: 'staff', label: 'Staff development' },
  { value: 'fit', label: 'Where the sector partnership fits' },
];

/** The questions of each category, in our words. The value's prefix is its category. */
export const COORDINATION_QUESTIONS: FieldOption[] = [
  { value: 'outreach.expectations', label: 'Do businesses know what to expect from any one of our programs?' },
  { value: 'outreach.quality', label: 'Do we share a vision of, and criteria for, good business services?' },
  { value: 'outreach.single-contact', label: 'Is a single point of contact realistic here? If not, what gets us its benefits?' },
  { value: 'outreach.methods', label: 'How do we move to shared, consistent methods (on-the-job training, customised training, recruiting and assessing candidates)?' },
  { value: 'outreach.titles', label: 'Do we use the same titles and job descriptions for staff who work with businesses?' },
  { value: 'marketing.message', label: 'Do we have shared goals and methods we can present to businesses?' },
  { value: 'marketing.strengths', label: 'Have we mapped each partner’s strengths in serving businesses, and used them for joint marketing and referrals?' },
  { value: 'marketing.stories', label: 'Can we market together with stories of business relationships that worked?' },
  { value: 'marketing.plan', label: 'Can we write one shared marketing plan and show businesses one front?' },
  { value: 'staff.progress', label: 'Where have we already improved?' },
  { value: 'staff.hiring', label: 'Do we hire for the same qualities and skills in business-facing roles?' },
  { value: 'staff.rewards', label: 'Do we reward coordination, and expect joint accountability, across programs and agencies?' },
  { value: 'staff.training', label: 'How can we train business-facing staff the same way across our organizations?' },
  { value: 'staff.frontline', label: 'Are staff who serve jobseekers and students connected to business-facing staff, so candidates match what was promised?' },
  { value: 'fit.role', label: 'Where does our sector partnership fit, and what could it do to coordinate our outreach?' },
  { value: 'fit.bring-in', label: 'How can our existing coordination efforts help the sector partnership?' },
];

export function categoryOfQuestion(question: string): string {
  const dot = question.indexOf('.');
  return dot > 0 ? question.slice(0, dot) : '';
}

export const ANSWER_STATUS: FieldOption[] = [
  { value: 'in-place', label: 'In place' },
  { value: 'partly', label: 'Partly' },
  { value: 'not-yet', label: 'Not yet' },
];

/** The team's answer to one of the manual's questions. */
const coordinationAnswerItem: ItemTypeDef = {
  type: 'coordination-answer',
  label: 'Answer',
  description: 'The team’s answer to one of the questions on coordinating business outreach, and whether it is in place today.',
  color: 'light-blue',
  titleField: 'answer',
  w: 250,
  h: 190,
  fields: [
    { key: 'question', label: 'Question', kind: 'choice', options: COORDINATION_QUESTIONS },
    { key: 'answer', label: 'Our answer', kind: 'longtext' },
    { key: 'status', label: 'Today', kind: 'choice', options: ANSWER_STATUS },
  ],
};

/** A decision the partners take, with who carries it. */
const coordinationDecisionItem: ItemTypeDef = {
  type: 'coordination-decision',
  label: 'Decision',
  description: 'A decision about coordinating outreach: what, who owns it, by when, and whether every partner agreed.',
  color: 'green',
  titleField: 'decision',
  w: 250,
  h: 180,
  fields: [
    { key: 'decision', label: 'Decision', kind: 'longtext', placeholder: 'e.g. One shared intake form for employer requests' },
    { key: 'category', label: 'Category', kind: 'choice', options: DECISION_CATEGORIES, help: 'The zone the card sits in decides; this counts outside the zones.' },
    { key: 'owner', label: 'Owner', kind: 'text' },
    { key: 'due', label: 'By when', kind: 'text' },
    { key: 'agreed', label: 'Agreed by all partners', kind: 'boolean' },
  ],
};

export const criticalDecisionsItemTypes: ItemTypeDef[] = [coordinationAnswerItem, coordinationDecisionItem];
