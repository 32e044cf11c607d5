import type { ExerciseTemplate } from '../../shared/template';

/**
 * Sector scoping: candidates with their data and the team's first-hand knowledge side by side on
 * top; the working definition (sub-segments) and the geographic footprint below.
 */
export const sectorScopingTemplate: ExerciseTemplate = {
  id: 'sector-scoping',
  title: 'Define the scope of industry focus',
  purpose:
    'Choose which sector the partnership starts with and which comes next, from labour market data and what partners know first-hand; write a working definition of the sector and draw a footprint that follows the industry rather than official boundaries.',
  version: 1,
  steps: [
    {
      id: 'gather-data',
      title: 'Gather the data',
      prompt:
        'Add a Candidate sector card for each sector worth considering and fill in what the labour market data says: jobs in the region, the average wage and how it compares, whether jobs are growing, how concentrated the sector is here compared with the state and the nation, and the source. Also count how many of our organizations already reach out to its employers on their own. Leave a field empty rather than guess: the board lists the gaps.',
      minutes: 20,
      zoneId: 'candidates',
    },
    {
      id: 'ground-truth',
      title: 'Add what we know on the ground',
      prompt:
        'Data lags behind what partners hear every week. Add a Local knowledge card for each thing someone knows first-hand (a plant expanding, a hospital that cannot fill shifts, employers already asking to work together, a wave of layoffs), say who knows it and whether it argues for or against, and draw an About arrow to the sector it concerns.',
      minutes: 15,
      zoneId: 'knowledge',
    },
    {
      id: 'choose',
      title: 'Choose the first and the next sector',
      prompt:
        'Read the ranked candidates together: the board counts for each sector how many of the signals it shows (wages above average, concentrated here, growing, several partners already knocking, first-hand reasons to target it). Discuss, vote with dots if it helps, then set Order on the cards: one First, one Next, the others Later or Not a target. Do not wait for perfect data: a decision that is good enough beats another month of analysis.',
      minutes: 15,
      zoneId: 'candidates',
    },
    {
      id: 'define',
      title: 'Write a working definition',
      prompt:
        'For the first sector (and the next, if time allows), write a Working definition on its card in a sentence or two. Then add Sub-segment cards for the parts you discussed, with example companies or codes, mark each in, at the margin or left out, and draw a Part of arrow to the sector. Edges can stay fuzzy: the definition will keep evolving.',
      minutes: 15,
      zoneId: 'segments',
    },
    {
      id: 'footprint',
      title: 'Draw the footprint',
      prompt:
        'Add a Footprint card for the area the partnership will cover and list its counties or cities. Say what it is drawn around: follow where the companies, their suppliers and their workers are, not a county line or a program’s service area. Tick Follows the industry only once the team has checked, and judge whether the area is too small, about right or too big.',
      minutes: 10,
      zoneId: 'footprint',
    },
  ],
  zones: [
    // Each zone fits a 1366×768 screen at a zoom where the cards stay legible (about 70 %).
    { id: 'candidates', label: 'Candidate sectors and their data', color: 'violet', x: 0, y: 0, w: 1100, h: 900, itemTypes: ['candidate-sector'] },
    { id: 'knowledge', label: 'What we know on the ground', color: 'light-blue', x: 1200, y: 0, w: 1100, h: 900, itemTypes: ['sector-insight'] },
    { id: 'segments', label: 'Working definition: sub-segments', color: 'light-violet', x: 0, y: 1000, w: 1100, h: 700, itemTypes: ['sector-segment'] },
    { id: 'footprint', label: 'Geographic footprint', color: 'green', x: 1200, y: 1000, w: 1100, h: 700, itemTypes: ['footprint'] },
  ],
};
