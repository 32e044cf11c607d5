import type { FieldOption, ItemTypeDef } from '../kit/definitions';

const WAGE_LEVELS: FieldOption[] = [
  { value: 'above', label: 'Above the regional average' },
  { value: 'near', label: 'Near the average' },
  { value: 'below', label: 'Below the average' },
];

const JOB_TRENDS: FieldOption[] = [
  { value: 'growing', label: 'Growing' },
  { value: 'steady', label: 'Steady' },
  { value: 'shrinking', label: 'Shrinking' },
];

const CONCENTRATION: FieldOption[] = [
  { value: 'above-both', label: 'Higher than state and nation' },
  { value: 'above-one', label: 'Higher than state or nation' },
  { value: 'not-above', label: 'Not higher' },
];

export const SECTOR_ORDER: FieldOption[] = [
  { value: 'first', label: 'First' },
  { value: 'next', label: 'Next' },
  { value: 'later', label: 'Later' },
  { value: 'not-target', label: 'Not a target' },
];

/** A sector the team considers targeting, with the labour market data the manual asks for. */
const candidateSectorItem: ItemTypeDef = {
  type: 'candidate-sector',
  label: 'Candidate sector',
  description: 'A sector the team might target, with its jobs, wages, trend, concentration and how many partners already reach out to it.',
  color: 'violet',
  titleField: 'name',
  w: 250,
  h: 230,
  fields: [
    { key: 'name', label: 'Sector', kind: 'text', placeholder: 'e.g. Healthcare' },
    { key: 'order', label: 'Order', kind: 'choice', options: SECTOR_ORDER, help: 'First: where the partnership starts. Next: the one after.' },
    { key: 'jobs', label: 'Jobs in the region', kind: 'number' },
    { key: 'averageWage', label: 'Average wage ($ a year)', kind: 'number' },
    { key: 'wages', label: 'Wages', kind: 'choice', options: WAGE_LEVELS },
    { key: 'trend', label: 'Jobs trend', kind: 'choice', options: JOB_TRENDS },
    {
      key: 'lq',
      label: 'Location quotient',
      kind: 'number',
      help: 'The sector’s share of local jobs divided by its share nationally: 1.0 is the national norm, above 1 means it is concentrated here.',
    },
    { key: 'concentration', label: 'Concentration', kind: 'choice', options: CONCENTRATION, help: 'Compared with the state and the nation.' },
    {
      key: 'partnersReaching',
      label: 'Partners reaching out',
      kind: 'number',
      help: 'How many of our organizations already contact its employers on their own: several means it would gain from one coordinated approach.',
    },
    { key: 'dataSource', label: 'Data source', kind: 'text', placeholder: 'e.g. State LMI, 2025 annual averages' },
    {
      key: 'definition',
      label: 'Working definition',
      kind: 'longtext',
      help: 'Which companies are in and which are out, good enough to start with; it will keep changing at the edges.',
    },
  ],
};

const INSIGHT_LEANING: FieldOption[] = [
  { value: 'reason', label: 'A reason to target it' },
  { value: 'caution', label: 'A reason for caution' },
];

/** Something a partner knows first-hand about a sector, beyond the data. */
const sectorInsightItem: ItemTypeDef = {
  type: 'sector-insight',
  label: 'Local knowledge',
  description: 'What a partner knows first-hand, on the ground, about a sector: hiring, expansions, layoffs, skills gaps, employers keen to work together.',
  color: 'light-blue',
  titleField: 'text',
  w: 240,
  h: 170,
  fields: [
    { key: 'text', label: 'What we know', kind: 'longtext', placeholder: 'e.g. Both hospitals are short of 60 nurses each' },
    { key: 'source', label: 'Who knows it', kind: 'text', placeholder: 'e.g. College nursing dean' },
    { key: 'leaning', label: 'Points to', kind: 'choice', options: INSIGHT_LEANING },
  ],
};

const SEGMENT_SCOPE: FieldOption[] = [
  { value: 'in', label: 'In' },
  { value: 'margin', label: 'At the margin' },
  { value: 'out', label: 'Left out' },
];

/** A part of a sector the working definition keeps in, leaves out, or is unsure about. */
const sectorSegmentItem: ItemTypeDef = {
  type: 'sector-segment',
  label: 'Sub-segment',
  description: 'A part of the sector, with example companies or codes, marked in, at the margin or left out of the working definition.',
  color: 'light-violet',
  titleField: 'name',
  w: 240,
  h: 150,
  fields: [
    { key: 'name', label: 'Sub-segment', kind: 'text', placeholder: 'e.g. Home health care' },
    { key: 'examples', label: 'Examples', kind: 'text', placeholder: 'Companies or industry codes' },
    { key: 'scope', label: 'In the definition', kind: 'choice', options: SEGMENT_SCOPE },
  ],
};

export const FOOTPRINT_BASIS: FieldOption[] = [
  { value: 'industry', label: 'Where the companies and their workers are' },
  { value: 'commute', label: 'The commuting area' },
  { value: 'service-area', label: 'A program’s service area' },
  { value: 'jurisdiction', label: 'County or city lines' },
  { value: 'other', label: 'Other' },
];

/** Bases that draw the area around institutions rather than around the industry. */
export const JURISDICTIONAL_BASES: ReadonlySet<string> = new Set(['service-area', 'jurisdiction']);

export const FOOTPRINT_SIZE: FieldOption[] = [
  { value: 'too-small', label: 'Too small' },
  { value: 'right', label: 'About right' },
  { value: 'too-big', label: 'Too big' },
];

/** The geographic area the partnership covers. */
const footprintItem: ItemTypeDef = {
  type: 'footprint',
  label: 'Footprint',
  description: 'The area the partnership covers: what it is drawn around, and whether it follows the industry rather than official boundaries.',
  color: 'green',
  titleField: 'name',
  w: 280,
  h: 190,
  fields: [
    { key: 'name', label: 'Area', kind: 'text', placeholder: 'e.g. Upper river valley' },
    { key: 'places', label: 'Counties or cities', kind: 'longtext' },
    { key: 'basis', label: 'Drawn around', kind: 'choice', options: FOOTPRINT_BASIS },
    {
      key: 'followsIndustry',
      label: 'Follows the industry',
      kind: 'boolean',
      help: 'Tick once the team has checked that the area follows where the sector’s companies, suppliers and workers are, not a jurisdiction or a service area.',
    },
    { key: 'size', label: 'Size', kind: 'choice', options: FOOTPRINT_SIZE, help: 'Big enough to hold the sector, small enough for its companies to share issues.' },
    { key: 'notes', label: 'Notes', kind: 'longtext' },
  ],
};

export const sectorScopingItemTypes: ItemTypeDef[] = [candidateSectorItem, sectorInsightItem, sectorSegmentItem, footprintItem];
