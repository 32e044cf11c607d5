import type { ExerciseTemplate } from '../../shared/template';

/**
 * The influence × commitment grid as four quadrant zones: influence grows upwards, commitment
 * to the right. Influence 4-5 belongs in the top row, 1-2 in the bottom row; commitment 4-5 on
 * the right, 1-2 (or unknown) on the left; a 3 fits either side.
 */
const QUADRANTS = {
  'win-over': { highInfluence: true, highCommitment: false },
  drivers: { highInfluence: true, highCommitment: true },
  'keep-informed': { highInfluence: false, highCommitment: false },
  'ready-to-help': { highInfluence: false, highCommitment: true },
} as const satisfies Record<string, { highInfluence: boolean; highCommitment: boolean }>;

export type QuadrantId = keyof typeof QUADRANTS;

export function quadrantOf(zoneId: string | null): (typeof QUADRANTS)[QuadrantId] | undefined {
  return zoneId && Object.hasOwn(QUADRANTS, zoneId) ? QUADRANTS[zoneId as QuadrantId] : undefined;
}

const Q_W = 1400;
const Q_H = 1000;
const GAP = 80;
const GRID_X = 1100;

export const influenceMapTemplate: ExerciseTemplate = {
  id: 'influence-map',
  title: 'Influence map and tipping the scales',
  purpose:
    'Put the right people on each priority area: map who has influence and who is committed, staff every task force with a majority of industry members, an industry champion in the chair and a facilitating support partner, agree how it will know it succeeded, and find a quick win for the next 60 days.',
  // 2: priority cards gained the success measure, relevant partners and quick win achieved.
  version: 2,
  steps: [
    {
      id: 'priorities',
      title: 'Name the priority areas',
      prompt:
        'Add one Priority area card for each of the three to five areas the businesses chose at the launch (the board counts them). Write the outcome the task force is after in a sentence a business owner would sign, and how it will know it succeeded. Leave the quick win empty for now.',
      minutes: 10,
      zoneId: 'priorities',
    },
    {
      id: 'drivers',
      title: 'Who is already driving',
      prompt:
        'Add a Stakeholder card for each person with real sway who is already committed: the employers who spoke up at the launch, a respected convener. Rate influence and commitment from 1 to 5 and put the card in this quadrant. Everyone adds cards at once; merge duplicates as you go.',
      minutes: 10,
      zoneId: 'drivers',
    },
    {
      id: 'win-over',
      title: 'Who must be won over',
      prompt:
        'Add the people who could make or break a priority but are not committed yet, or whose commitment nobody knows (leave commitment empty). For each of them, draw a "Can bring in" arrow from anyone on the board who has the relationship to bring them to the table.',
      minutes: 15,
      zoneId: 'win-over',
    },
    {
      id: 'ready-to-help',
      title: 'Who is ready to help',
      prompt:
        'Add committed people with less sway: program staff, smaller employers, community partners eager to contribute. They are the hands of the task forces, so do not skip them.',
      minutes: 5,
      zoneId: 'ready-to-help',
    },
    {
      id: 'keep-informed',
      title: 'Who to keep informed',
      prompt: 'Add the remaining names with little sway and little commitment so far. A short list is fine: they get updates, not asks.',
      minutes: 5,
      zoneId: 'keep-informed',
    },
    {
      id: 'task-forces',
      title: 'Staff the task forces',
      prompt:
        'For every priority area, draw a "Task force member" arrow from each person who will serve on it and set their role: member, chair or facilitator. Aim for mostly industry members, an industry champion in the chair (never a support partner) and a trusted support partner as facilitator, and bring in the support partners who matter most for that area; tick that on the card once checked. Then agree one quick win the task force can deliver in the next 60 days and tick it; tick Quick win achieved once it is delivered.',
      minutes: 20,
      zoneId: 'priorities',
    },
    {
      id: 'tip-the-scales',
      title: 'Tip the scales',
      prompt:
        'Read the tipping-the-scales table together: every "No" is a gap in a task force. Decide who will make each missing ask, and who will approach each person on the win-over list, and add those as actions.',
      minutes: 15,
    },
  ],
  zones: [
    { id: 'priorities', label: 'Priority areas and task forces', color: 'violet', x: 0, y: 0, w: 1000, h: 2 * Q_H + GAP, itemTypes: ['priority'] },
    { id: 'win-over', label: 'High influence · low or unknown commitment: win them over', color: 'light-red', x: GRID_X, y: 0, w: Q_W, h: Q_H, itemTypes: ['stakeholder'] },
    { id: 'drivers', label: 'High influence · high commitment: drivers', color: 'green', x: GRID_X + Q_W + GAP, y: 0, w: Q_W, h: Q_H, itemTypes: ['stakeholder'] },
    { id: 'keep-informed', label: 'Lower influence · lower commitment: keep informed', color: 'grey', x: GRID_X, y: Q_H + GAP, w: Q_W, h: Q_H, itemTypes: ['stakeholder'] },
    { id: 'ready-to-help', label: 'Lower influence · high commitment: ready to help', color: 'light-green', x: GRID_X + Q_W + GAP, y: Q_H + GAP, w: Q_W, h: Q_H, itemTypes: ['stakeholder'] },
  ],
};
