import type { FieldOption, ItemTypeDef } from '../kit/definitions';

const CONVENER_DECISION: FieldOption[] = [
  { value: 'lead', label: 'Lead convener' },
  { value: 'co', label: 'Co-convener' },
  { value: 'not-chosen', label: 'Not chosen' },
];

/** An organization that could convene the partnership, rated on the manual's three questions. */
const convenerCandidateItem: ItemTypeDef = {
  type: 'convener-candidate',
  label: 'Convener candidate',
  description: 'An organization that could convene the partnership: its credibility with the companies, the staff it can give, and whether it can set its own agenda aside.',
  color: 'violet',
  titleField: 'organization',
  w: 250,
  h: 200,
  fields: [
    { key: 'organization', label: 'Organization', kind: 'text', placeholder: 'e.g. Upper Valley Workforce Board' },
    { key: 'decision', label: 'Decision', kind: 'choice', options: CONVENER_DECISION },
    { key: 'credibility', label: 'Credibility', kind: 'scale', min: 1, max: 5, minLabel: 'Unknown to them', maxLabel: 'Trusted', help: 'How much the sector’s companies trust it.' },
    { key: 'staffing', label: 'Staff time', kind: 'scale', min: 1, max: 5, minLabel: 'None to spare', maxLabel: 'Dedicated staff', help: 'How much staff time it can put into the partnership.' },
    {
      key: 'neutrality',
      label: 'Neutrality',
      kind: 'scale',
      min: 1,
      max: 5,
      minLabel: 'Pushes its own agenda',
      maxLabel: 'Neutral host',
      help: 'Whether it can run the process for the companies rather than for its own goals.',
    },
    {
      key: 'agenda',
      label: 'Agenda to set aside',
      kind: 'text',
      placeholder: 'e.g. growing its membership, advising on curriculum, its performance measures',
    },
  ],
};

/** A partner that will support the partnership, and how. */
const supportPartnerItem: ItemTypeDef = {
  type: 'support-partner',
  label: 'Support partner',
  description: 'A partner in a support role: it listens at meetings with employers and acts once the priorities are set.',
  color: 'blue',
  titleField: 'partner',
  w: 250,
  h: 170,
  fields: [
    { key: 'partner', label: 'Partner', kind: 'text', placeholder: 'e.g. Valley Community College' },
    { key: 'contact', label: 'Contact', kind: 'text' },
    {
      key: 'listening',
      label: 'Listens at employer meetings',
      kind: 'boolean',
      help: 'Tick once the partner has agreed to listen, not pitch its programs, whenever employers meet.',
    },
    { key: 'actionRole', label: 'Its part in the work', kind: 'longtext', placeholder: 'What it will do once the employers’ priorities are set' },
  ],
};

const INVITATION_STATUS: FieldOption[] = [
  { value: 'invited', label: 'Invited' },
  { value: 'confirmed', label: 'Confirmed' },
  { value: 'declined', label: 'Declined' },
];

/** A chief executive of a company in the sector: who knows them and their part in the launch. */
const ceoItem: ItemTypeDef = {
  type: 'ceo',
  label: 'CEO',
  description: 'A company leader to invite: sub-sector, who on the team knows them, whether they could chair or sign the invitation, who reaches out, and where the invitation stands.',
  color: 'orange',
  titleField: 'name',
  w: 250,
  h: 200,
  fields: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'company', label: 'Company', kind: 'text' },
    { key: 'subSector', label: 'Sub-sector', kind: 'text', placeholder: 'e.g. Home health' },
    { key: 'status', label: 'Invitation', kind: 'choice', options: INVITATION_STATUS, help: 'Empty while not invited yet.' },
    { key: 'outreachBy', label: 'Reached by', kind: 'text', help: 'Who on the team makes the call.' },
    { key: 'knownBy', label: 'Known by', kind: 'text', help: 'Who on the support team knows them personally.' },
    { key: 'chairCandidate', label: 'Chair candidate', kind: 'boolean', help: 'One of the top three people the team would ask to chair.' },
    { key: 'signsInvitation', label: 'Signs the invitation', kind: 'boolean' },
    { key: 'hosts', label: 'Offers to host', kind: 'boolean' },
    {
      key: 'civicEntrepreneur',
      label: 'Civic entrepreneur',
      kind: 'boolean',
      help: 'Makes decisions for the company and sees its long-term success as tied to the community’s prosperity.',
    },
  ],
};

/** The launch meeting: when, where, and how the invitation went out. */
const launchPlanItem: ItemTypeDef = {
  type: 'launch-plan',
  label: 'Launch meeting',
  description: 'The launch meeting: date, time and place (ideally a company’s site), who signs the invitation, when it goes out and the follow-up calls.',
  color: 'green',
  titleField: 'name',
  w: 270,
  h: 230,
  fields: [
    { key: 'name', label: 'Meeting', kind: 'text', placeholder: 'e.g. Healthcare partnership launch' },
    { key: 'date', label: 'Date', kind: 'text', placeholder: 'YYYY-MM-DD' },
    { key: 'time', label: 'Time', kind: 'text', placeholder: 'e.g. 7:30-9:30 am' },
    { key: 'location', label: 'Location', kind: 'text' },
    { key: 'atCompany', label: 'At a company’s site', kind: 'boolean', help: 'Hosting at a company shows the partnership belongs to industry.' },
    { key: 'signedBy', label: 'Invitation signed by', kind: 'text', placeholder: 'The chairs who sign it' },
    { key: 'invitationSent', label: 'Invitation sent on', kind: 'text', placeholder: 'YYYY-MM-DD', help: 'Three to four weeks before the meeting.' },
    { key: 'followUpCalls', label: 'Follow-up calls made', kind: 'boolean' },
  ],
};

export const launchPreparationItemTypes: ItemTypeDef[] = [convenerCandidateItem, supportPartnerItem, ceoItem, launchPlanItem];
