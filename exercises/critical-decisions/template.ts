import type { ExerciseTemplate } from '../../shared/template';

/** Zone id of a category's area (`outreach` → `category-outreach`). */
export function categoryZoneId(category: string): string {
  return `category-${category}`;
}

/**
 * Critical decisions: the three categories side by side on top, the partnership's place and the
 * tables and knocks brought in from the Many Tables map below.
 */
export const criticalDecisionsTemplate: ExerciseTemplate = {
  id: 'critical-decisions',
  title: 'Response and critical decisions',
  purpose:
    'Decide how the region coordinates its business outreach and how the sector partnership fits into it: a consistent method and a single point of contact, shared marketing, and the development of business-facing staff, each with answers, decisions and owners.',
  version: 1,
  steps: [
    {
      id: 'bring-the-map',
      title: 'Bring in the tables and knocks',
      prompt:
        'Open the team’s Many Tables, Many Knocks board, select its Table and Knock cards, copy them and paste them here: they keep their fields. (No such board yet? Add the main ones here.) They are what the decisions below should change.',
      minutes: 10,
      zoneId: 'reference',
    },
    {
      id: 'outreach',
      title: 'Outreach coordination and a consistent method',
      prompt:
        'Take the questions one at a time: do businesses know what to expect from any of our programs, do we share criteria for good business services, could there really be a single point of contact (and if not, what would bring its benefits), how do we make methods consistent, do we use the same job titles? Add an Answer card per question with your answer and whether it is in place, partly, or not yet.',
      minutes: 20,
      zoneId: categoryZoneId('outreach'),
    },
    {
      id: 'marketing',
      title: 'Shared marketing or common branding',
      prompt:
        'Do we have shared goals and methods to show businesses? Have we mapped what each partner does best for them, and used it for joint marketing and referrals? Could we market together with stories of partnerships that worked, under one shared plan rather than as separate, confusing offices? Add an Answer card per question.',
      minutes: 15,
      zoneId: categoryZoneId('marketing'),
    },
    {
      id: 'staff',
      title: 'Staff development',
      prompt:
        'Where have we already improved? Do we hire for the same skills in business-facing jobs, reward coordination and hold people jointly accountable? How could we train business-facing staff alike across organizations, and keep the staff who serve jobseekers and students connected to them? Add an Answer card per question.',
      minutes: 15,
      zoneId: categoryZoneId('staff'),
    },
    {
      id: 'fit',
      title: 'Where does the sector partnership fit?',
      prompt:
        'Now step back: where does the sector partnership fit in all this? What could it do to bring order to our separate outreach, and how can the coordination already under way help the partnership? Answer both questions on Answer cards.',
      minutes: 15,
      zoneId: categoryZoneId('fit'),
    },
    {
      id: 'decide',
      title: 'Decide and assign',
      prompt:
        'Turn the answers into decisions. Add a Decision card in the zone of its category, name its owner and a date, tick Agreed by all partners once everyone is in, and draw an Addresses arrow to each table or knock it changes. Promote the decisions to the action plan (right-click the card).',
      minutes: 15,
    },
  ],
  zones: [
    // Each zone fits a 1366×768 screen at a zoom where the cards stay legible (about 70 %).
    { id: categoryZoneId('outreach'), label: 'Outreach coordination and a consistent method', color: 'blue', x: 0, y: 0, w: 1100, h: 900, itemTypes: ['coordination-answer', 'coordination-decision'] },
    { id: categoryZoneId('marketing'), label: 'Shared marketing or common branding', color: 'violet', x: 1200, y: 0, w: 1100, h: 900, itemTypes: ['coordination-answer', 'coordination-decision'] },
    { id: categoryZoneId('staff'), label: 'Staff development', color: 'light-green', x: 2400, y: 0, w: 1100, h: 900, itemTypes: ['coordination-answer', 'coordination-decision'] },
    { id: categoryZoneId('fit'), label: 'Where the sector partnership fits', color: 'yellow', x: 0, y: 1000, w: 1100, h: 700, itemTypes: ['coordination-answer', 'coordination-decision'] },
    { id: 'reference', label: 'Tables and knocks from the Many Tables map', color: 'orange', x: 1200, y: 1000, w: 1100, h: 900, itemTypes: ['table', 'knock'] },
  ],
};
