import type { FieldOption, ItemTypeDef } from '../kit/definitions';

/** An opportunity for the sector to grow, as employers name it. */
const opportunityItem: ItemTypeDef = {
  type: 'opportunity',
  label: 'Opportunity',
  description: 'An opportunity for the sector to grow, in the employers’ words; tick it once they choose it as a shared priority.',
  color: 'yellow',
  titleField: 'text',
  w: 240,
  h: 150,
  fields: [
    { key: 'text', label: 'Opportunity for growth', kind: 'longtext', placeholder: 'e.g. Hospitals expanding outpatient care' },
    { key: 'raisedBy', label: 'Raised by', kind: 'text', placeholder: 'Company' },
    {
      key: 'sharedPriority',
      label: 'Shared priority',
      kind: 'boolean',
      help: 'Tick for the opportunities the employers chose together after the vote: three to five is typical.',
    },
  ],
};

export const REQUIREMENT_KINDS: FieldOption[] = [
  { value: 'talent', label: 'Talent and skills' },
  { value: 'training', label: 'Education and training' },
  { value: 'infrastructure', label: 'Transportation or infrastructure' },
  { value: 'technology', label: 'Technology' },
  { value: 'policy', label: 'Policy or regulation' },
  { value: 'markets', label: 'Markets and supply chains' },
  { value: 'other', label: 'Other' },
];

/** What it takes to seize an opportunity. */
const requirementItem: ItemTypeDef = {
  type: 'requirement',
  label: 'What it takes',
  description: 'What it would take to seize an opportunity; mark the ones the employers rank highest as priority requirements.',
  color: 'light-blue',
  titleField: 'text',
  w: 240,
  h: 150,
  fields: [
    { key: 'text', label: 'What it takes', kind: 'longtext', placeholder: 'e.g. Twice as many surgical technicians' },
    { key: 'kind', label: 'Kind', kind: 'choice', options: REQUIREMENT_KINDS },
    { key: 'priority', label: 'Priority requirement', kind: 'boolean' },
  ],
};

/** An employer who steps forward for a priority. */
const championItem: ItemTypeDef = {
  type: 'champion',
  label: 'Champion',
  description: 'An employer who steps forward for a priority and commits to a next step after the meeting.',
  color: 'orange',
  titleField: 'name',
  w: 240,
  h: 170,
  fields: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'company', label: 'Company', kind: 'text' },
    { key: 'nextStep', label: 'Next step they commit to', kind: 'longtext', placeholder: 'e.g. Host the first task force call' },
    { key: 'leads', label: 'Will lead a task force', kind: 'boolean' },
  ],
};

/** The meeting as it happened: who came, and what was sent afterwards. */
const launchRecordItem: ItemTypeDef = {
  type: 'launch-record',
  label: 'Meeting record',
  description: 'Who came to the launch, whether the support partners debriefed, and when the summary went to the businesses.',
  color: 'green',
  titleField: 'name',
  w: 280,
  h: 210,
  fields: [
    { key: 'name', label: 'Meeting', kind: 'text', placeholder: 'e.g. Healthcare partnership launch' },
    { key: 'date', label: 'Date', kind: 'text', placeholder: 'YYYY-MM-DD' },
    { key: 'businessLeaders', label: 'Business leaders present', kind: 'number' },
    { key: 'companies', label: 'Companies present', kind: 'number' },
    { key: 'partnersDebriefed', label: 'Support partners debriefed', kind: 'boolean', help: 'The partners who listened met afterwards to share what they heard.' },
    { key: 'summarySent', label: 'Summary sent on', kind: 'text', placeholder: 'YYYY-MM-DD', help: 'Send the executive summary to the business members as soon as possible.' },
    { key: 'taskForceCalls', label: 'Task force calls', kind: 'text', placeholder: 'e.g. week of 6 July' },
  ],
};

export const launchMeetingItemTypes: ItemTypeDef[] = [opportunityItem, requirementItem, championItem, launchRecordItem];
