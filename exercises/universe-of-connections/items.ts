import type { FieldOption, ItemTypeDef } from '../kit/definitions';

export const ORG_CATEGORIES: FieldOption[] = [
  { value: 'workforce-development', label: 'Workforce development' },
  { value: 'k12', label: 'K-12' },
  { value: 'community-college', label: 'Community or technical college' },
  { value: 'university', label: 'University' },
  { value: 'adult-education', label: 'Adult education' },
  { value: 'economic-development', label: 'Economic development' },
  { value: 'chamber', label: 'Chamber of commerce' },
  { value: 'organized-labor', label: 'Organized labor or apprenticeship' },
  { value: 'community-organization', label: 'Community-based organization' },
  { value: 'government', label: 'Elected official or government' },
  { value: 'human-services', label: 'Human services' },
  { value: 'business', label: 'Business' },
  { value: 'other', label: 'Other' },
];

export const RINGS: FieldOption[] = [
  { value: 'core', label: 'Core support team' },
  { value: 'broader', label: 'Broader partner' },
  { value: 'industry', label: 'Industry' },
];

const ORG_ROLES: FieldOption[] = [
  { value: 'convener', label: 'Convener' },
  { value: 'co-convener', label: 'Co-convener' },
  { value: 'support-partner', label: 'Support partner' },
  { value: 'none', label: 'No role yet' },
];

export const organizationItem: ItemTypeDef = {
  type: 'organization',
  label: 'Organization',
  description: 'An organization with a stake in the sector, placed in its ring of the universe.',
  color: 'violet',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Name', kind: 'text', placeholder: 'e.g. Three Rivers Workforce Board' },
    { key: 'category', label: 'Category', kind: 'choice', options: ORG_CATEGORIES },
    { key: 'ring', label: 'Ring', kind: 'choice', options: RINGS, help: 'Core support team, broader partner, or industry.' },
    { key: 'role', label: 'Role in the partnership', kind: 'choice', options: ORG_ROLES },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

export const personItem: ItemTypeDef = {
  type: 'person',
  label: 'Person',
  description: 'A key individual the team relies on or needs to reach.',
  color: 'light-green',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Name', kind: 'text' },
    { key: 'organization', label: 'Organization', kind: 'text' },
    { key: 'role', label: 'Role or position', kind: 'text', placeholder: 'e.g. Dean of workforce programs' },
  ],
};

export const sectorItem: ItemTypeDef = {
  type: 'sector',
  label: 'Sector',
  description: 'A candidate target sector; tick Agreed once the whole team commits to it.',
  color: 'orange',
  titleField: 'name',
  w: 200,
  h: 100,
  fields: [
    { key: 'name', label: 'Sector', kind: 'text', placeholder: 'e.g. Advanced manufacturing' },
    { key: 'agreed', label: 'Agreed by the team', kind: 'boolean' },
    { key: 'notes', label: 'Why this sector', kind: 'longtext' },
  ],
};
