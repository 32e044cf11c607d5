import type { FieldOption, ItemTypeDef } from '../kit/definitions';

/** An occupation or skill the sector needs, as the partnership's employers describe it. */
const industryNeedItem: ItemTypeDef = {
  type: 'industry-need',
  label: 'Industry need',
  description: 'An occupation or skill the sector’s employers need, with how many openings and who said so.',
  color: 'orange',
  titleField: 'name',
  w: 240,
  h: 150,
  fields: [
    { key: 'name', label: 'Occupation or skill', kind: 'text', placeholder: 'e.g. Registered nurse' },
    { key: 'openings', label: 'Openings a year', kind: 'number' },
    { key: 'source', label: 'Who says so', kind: 'text', placeholder: 'e.g. Talent task force, 2026' },
  ],
};

/** A career pathway program at one institution. */
const pathwayProgramItem: ItemTypeDef = {
  type: 'pathway-program',
  label: 'Pathway program',
  description: 'A program at one institution: the credential it leads to, whether it stacks into the next one, the support around it, and where people can start.',
  color: 'blue',
  titleField: 'name',
  w: 240,
  h: 200,
  fields: [
    { key: 'name', label: 'Program', kind: 'text', placeholder: 'e.g. Certified nursing assistant' },
    { key: 'institution', label: 'Institution', kind: 'text', help: 'Written as on its Institution card, so the board can match them.' },
    { key: 'credential', label: 'Credential', kind: 'text', placeholder: 'e.g. State CNA licence, 12 credits' },
    { key: 'supportServices', label: 'Support services', kind: 'text', placeholder: 'e.g. Childcare, tutoring, bus passes' },
    { key: 'entryPoint', label: 'Open to beginners', kind: 'boolean', help: 'People can start here without an earlier credential: an on-ramp.' },
    { key: 'leadsToJob', label: 'Leads to a job', kind: 'boolean', help: 'Completers are hired into the sector straight from here.' },
    { key: 'stackable', label: 'Stackable', kind: 'boolean', help: 'Its credential or credits stack into a further credential.' },
  ],
};

export const INSTITUTION_TYPES: FieldOption[] = [
  { value: 'k12', label: 'K-12' },
  { value: 'adult-education', label: 'Adult education' },
  { value: 'community-college', label: 'Community or technical college' },
  { value: 'university', label: 'University' },
  { value: 'workforce', label: 'Workforce training' },
  { value: 'apprenticeship', label: 'Apprenticeship or labor' },
  { value: 'community-organization', label: 'Community-based organization' },
  { value: 'employer', label: 'Employer' },
];

const OPENNESS: FieldOption[] = [
  { value: 'closed', label: 'Closed system' },
  { value: 'open', label: 'Open and connected' },
];

/** An education or training institution, marked closed or open and connected. */
const institutionItem: ItemTypeDef = {
  type: 'institution',
  label: 'Institution',
  description: 'An education or training organization: does it run its programs as a closed system, or open and connected to the others?',
  color: 'violet',
  titleField: 'name',
  w: 240,
  h: 150,
  fields: [
    { key: 'name', label: 'Institution', kind: 'text' },
    { key: 'type', label: 'Type', kind: 'choice', options: INSTITUTION_TYPES },
    {
      key: 'openness',
      label: 'Operates as',
      kind: 'choice',
      options: OPENNESS,
      help: 'Closed is easier to manage; open and connected is what students and jobseekers need to be sure the door they walk through leads to a job.',
    },
  ],
};

export const careerPathwaysItemTypes: ItemTypeDef[] = [industryNeedItem, pathwayProgramItem, institutionItem];
