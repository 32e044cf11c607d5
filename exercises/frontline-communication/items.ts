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
const frontlineRoleItem: ItemTypeDef = {
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
const audienceItem: ItemTypeDef = {
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

/** One way industry sector information can drive frontline service (the "ten ways"). */
const sectorInfoUseItem: ItemTypeDef = {
  type: 'sector-info-use',
  label: 'Way to use sector information',
  description: 'One way what the partnership learns from employers can drive frontline service: what, how it shows up, why it matters, who uses it.',
  color: 'yellow',
  titleField: 'text',
  w: 250,
  h: 170,
  fields: [
    { key: 'text', label: 'The way', kind: 'longtext', placeholder: 'e.g. Share the hiring calendar of the top ten employers' },
    { key: 'how', label: 'How it shows up on the frontline', kind: 'longtext', placeholder: 'e.g. Navigators time training starts to hiring peaks' },
    { key: 'why', label: 'Why it matters', kind: 'text' },
    { key: 'usedBy', label: 'Used by', kind: 'text', placeholder: 'Which frontline roles' },
  ],
};

export const frontlineItemTypes: ItemTypeDef[] = [frontlineRoleItem, sectorInfoUseItem, audienceItem];
