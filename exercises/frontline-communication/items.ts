import type { FieldOption, ItemTypeDef } from '../kit/definitions';

/** The five layers information passes through, from the source to the people served. */
export const LAYERS: FieldOption[] = [
  { value: 'partnership', label: 'Industry-led partnership' },
  { value: 'decision-makers', label: 'Decision makers' },
  { value: 'program-staff', label: 'Program staff' },
  { value: 'frontline-workers', label: 'Frontline workers' },
  { value: 'jobseekers-students', label: 'Jobseekers and students' },
];

/** Someone who works directly with jobseekers or students. */
export const frontlineRoleItem: ItemTypeDef = {
  type: 'frontline-role',
  label: 'Frontline role',
  description: 'A job that serves jobseekers or students directly: who holds it, whom it serves, what it does.',
  color: 'blue',
  titleField: 'title',
  w: 200,
  h: 100,
  fields: [
    { key: 'title', label: 'Role', kind: 'text', placeholder: 'e.g. Career navigator' },
    { key: 'organization', label: 'Organization', kind: 'text' },
    { key: 'serves', label: 'Who they serve', kind: 'text', placeholder: 'e.g. Adults without a diploma' },
    { key: 'does', label: 'What they do', kind: 'longtext' },
  ],
};

/** A group that should receive (or pass on) industry information. */
export const audienceItem: ItemTypeDef = {
  type: 'audience',
  label: 'Audience',
  description: 'A group information has to reach, placed in the lane of its layer.',
  color: 'light-green',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Audience', kind: 'text', placeholder: 'e.g. Job center managers' },
    {
      key: 'layer',
      label: 'Layer',
      kind: 'choice',
      options: LAYERS,
      help: 'The lane the card sits in decides; this field only counts for a card outside the lanes.',
    },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

export const frontlineItemTypes: ItemTypeDef[] = [frontlineRoleItem, audienceItem];
