import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema';
import type { FieldOption, ItemTypeDef } from '../kit/definitions';
import { itemShapeType } from '../kit/shapes';

/** Who brings a table together. */
export const CONVENER_TYPES: FieldOption[] = [
  { value: 'college', label: 'College' },
  { value: 'workforce-board', label: 'Workforce board' },
  { value: 'chamber', label: 'Chamber of commerce' },
  { value: 'economic-development', label: 'Economic development' },
  { value: 'community-organization', label: 'Community-based organization' },
  { value: 'k12', label: 'K-12' },
  { value: 'university', label: 'University' },
  { value: 'employers', label: 'Self-convened by employers' },
  { value: 'other', label: 'Other' },
];

/** Why an organization contacts a business. */
const KNOCK_PURPOSES: FieldOption[] = [
  { value: 'business-services', label: 'Business services' },
  { value: 'job-development', label: 'Job development' },
  { value: 'funding-ask', label: 'Sponsorship or funding ask' },
  { value: 'information-gathering', label: 'Survey or information gathering' },
  { value: 'other', label: 'Other' },
];

/** A standing group where businesses of the sector are convened. */
export const tableItem: ItemTypeDef = {
  type: 'table',
  label: 'Table',
  description: 'A standing group where businesses of the sector meet: a board, council, forum, association or committee.',
  color: 'blue',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Name of the table', kind: 'text', placeholder: 'e.g. Manufacturing advisory committee' },
    { key: 'convener', label: 'Convening organization', kind: 'text' },
    { key: 'convenerType', label: 'Convener type', kind: 'choice', options: CONVENER_TYPES },
    { key: 'purpose', label: 'Purpose', kind: 'longtext' },
    { key: 'businessTypes', label: 'Businesses involved', kind: 'text', placeholder: 'e.g. small machine shops, OEMs' },
    { key: 'cadence', label: 'Meets', kind: 'text', placeholder: 'e.g. quarterly' },
    {
      key: 'servesPurpose',
      label: 'Serves its purpose',
      kind: 'scale',
      min: 1,
      max: 5,
      minLabel: 'Poorly',
      maxLabel: 'Very well',
      help: 'How well the table does what it is meant to do, in the team’s view.',
    },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

/** One organization or program contacting individual businesses. */
export const knockItem: ItemTypeDef = {
  type: 'knock',
  label: 'Knock',
  description: 'An organization or program that contacts businesses one at a time, and why.',
  color: 'orange',
  titleField: 'program',
  w: 200,
  h: 100,
  fields: [
    { key: 'organization', label: 'Organization', kind: 'text', placeholder: 'e.g. Workforce board' },
    { key: 'program', label: 'Program', kind: 'text', placeholder: 'e.g. Veterans employment' },
    { key: 'role', label: 'Role or position', kind: 'text', placeholder: 'e.g. Business services rep' },
    { key: 'purpose', label: 'Purpose', kind: 'choice', options: KNOCK_PURPOSES },
    {
      key: 'businesses',
      label: 'Businesses contacted',
      kind: 'longtext',
      placeholder: 'Acme Tooling, North Fab; or a segment, e.g. small machine shops',
      help: 'Separate names with commas or semicolons so the board can spot businesses reached by several knocks.',
    },
    { key: 'frequency', label: 'How often', kind: 'text', placeholder: 'e.g. monthly' },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

const GAP_KINDS: FieldOption[] = [
  { value: 'tables', label: 'Tables: nobody brings them together' },
  { value: 'knocks', label: 'Knocks: nobody reaches out to them' },
];

const gapVersions = createShapePropsMigrationIds(itemShapeType('gap'), { AddAbout: 1 });

/** Businesses or a purpose that no table brings together, or that no program reaches out to. */
export const gapItem: ItemTypeDef = {
  type: 'gap',
  label: 'Gap',
  description: 'A gap: businesses or a purpose that no table brings together, or that no program reaches out to.',
  color: 'light-red',
  titleField: 'text',
  w: 200,
  h: 100,
  fields: [
    { key: 'text', label: 'What is missing', kind: 'longtext', placeholder: 'e.g. nobody convenes the small shops in the east county' },
    { key: 'businesses', label: 'Businesses left out', kind: 'text' },
    {
      key: 'about',
      label: 'Gap in',
      kind: 'choice',
      options: GAP_KINDS,
      help: 'Left empty, a gap among the knocks is read as a gap in outreach, anywhere else as a gap in the tables.',
    },
  ],
  migrations: createShapePropsMigrationSequence({
    sequence: [{ id: gapVersions.AddAbout, up: (props) => void (props.about = ''), down: (props) => void delete props.about }],
  }),
};
