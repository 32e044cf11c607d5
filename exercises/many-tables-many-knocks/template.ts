import type { ExerciseTemplate } from '../../shared/template';

/**
 * Many Tables, Many Knocks: five steps, one zone each. Row 1 holds the employer journey and the
 * tables; row 2 the knocks and the two alternatives (ideal, then real).
 *
 * Versions: 1 had zones of up to 2800 × 1300, mostly empty, whose step view showed cards at a
 * quarter of their size. 2: gap cards say whether they are a gap in the tables or in the knocks.
 * 3 sizes each zone for the cards a step usually gets (two laptop screens of readable cards for
 * the three mapping steps, one for each alternative); zone ids are unchanged, so boards made
 * under versions 1 and 2 keep their zones and extract as before.
 */
export const manyTablesManyKnocksTemplate: ExerciseTemplate = {
  id: 'many-tables-many-knocks',
  title: 'Many Tables, Many Knocks',
  purpose:
    'Diagnose how scattered the region’s contact with businesses is: every group that convenes employers, every separate call on their doors, where these overlap, and what a better-coordinated approach could look like.',
  version: 3,
  steps: [
    {
      id: 'employer-journey',
      title: 'Employer journey',
      prompt:
        'Open with what businesses tell us about working with our programs: one Quote card per remark, marked positive or negative. Then each program lead lays out Journey step cards for the route a business takes with their program, from the first contact through referrals and follow-up to the services it actually gets. Close with Quote cards for what we say about employers, fair and unfair alike.',
      minutes: 25,
      zoneId: 'journey',
    },
    {
      id: 'map-tables',
      title: 'Map the tables',
      prompt:
        'Add a Table card for every standing group where businesses of the target sector sit together: advisory committees, boards, councils, forums, task forces, associations, including groups employers run themselves. Fill in who convenes it, its purpose, the kinds of businesses at it, how often it meets, and rate how well it does its job. Link tables that share businesses or purpose with an Overlaps connector, and add a Gap card wherever nobody brings a group of businesses together.',
      minutes: 20,
      zoneId: 'tables',
    },
    {
      id: 'map-knocks',
      title: 'Map the knocks',
      prompt:
        'Add a Knock card for each program or person that reaches out to businesses one at a time: business service reps, job developers, sponsorship requests, surveys. Think beyond the support team: veterans, youth, older-worker and vocational rehabilitation programs, city and county economic development, chambers, universities, private schools. List the businesses each one contacts, separated by commas, then join knocks that reach the same businesses or ask for the same thing with a Knock overlap connector and tick the fatigue risk where employers are asked too often. Add a Gap card here for businesses, or needs of theirs, that nobody reaches out to.',
      minutes: 25,
      zoneId: 'knocks',
    },
    {
      id: 'ideal-alternative',
      title: 'Ideal alternative',
      prompt:
        'Look at the tables and knocks side by side and describe the best engagement you can imagine: one point of contact, one shared table, enough employers at it to matter, one way of collecting information, services combined around each partner’s strengths. Write each as an Idea card stated as a result for industry, for jobseekers and students, or for both. Think big here; what is feasible comes next.',
      minutes: 15,
      zoneId: 'ideal',
    },
    {
      id: 'real-alternative',
      title: 'Real alternative',
      prompt:
        'Now be practical about your region: how many counties it spans, how rural or urban it is, who has staff time. Move or add the ideas you could really build here and tick Feasible now on them. Turn the first manageable steps into Action cards with an owner and a date, and promote each to the action plan (right-click the card). Before closing, ask what came up today that the group had never talked about before, and write it in this step’s notes.',
      minutes: 20,
      zoneId: 'real',
    },
  ],
  zones: [
    { id: 'journey', label: 'Employer journey', color: 'light-violet', x: 0, y: 0, w: 1840, h: 960, itemTypes: ['quote', 'journey-step'] },
    { id: 'tables', label: 'The many tables', color: 'blue', x: 1940, y: 0, w: 1840, h: 960, itemTypes: ['table', 'gap'] },
    { id: 'knocks', label: 'The many knocks', color: 'orange', x: 0, y: 1060, w: 1840, h: 960, itemTypes: ['knock'] },
    { id: 'ideal', label: 'Ideal alternative', color: 'yellow', x: 1940, y: 1060, w: 880, h: 960, itemTypes: ['idea'] },
    { id: 'real', label: 'Real alternative', color: 'green', x: 2900, y: 1060, w: 880, h: 960, itemTypes: ['idea', 'action'] },
  ],
};
