import type { ExerciseTemplate } from '../../shared/template';

/**
 * Career pathways: the industry's needs along the top, the programs map below (the largest
 * zone, where the links are drawn), the institutions in a column beside it.
 */
export const careerPathwaysTemplate: ExerciseTemplate = {
  id: 'career-pathways',
  title: 'Career pathway systems',
  purpose:
    'Map the career pathway programs across the region’s institutions against what industry needs: how they link into a system people can move through, where pathways dead-end, where there is no way in, and which institutions work as closed systems.',
  version: 1,
  steps: [
    {
      id: 'needs',
      title: 'What industry needs',
      prompt:
        'Start from demand. Add an Industry need card for each occupation or skill the partnership’s employers say they need, with openings a year if known and who said so. If the partnership has not set these yet, that is the first gap.',
      minutes: 10,
      zoneId: 'needs',
    },
    {
      id: 'programs',
      title: 'Pathway programs',
      prompt:
        'Each education and training partner adds a Pathway program card for every program that prepares people for these jobs: the institution, the credential or credits it gives, whether they stack into a next credential, the support services around it (childcare, tutoring, transport), whether beginners can start there and whether it leads straight to a job.',
      minutes: 20,
      zoneId: 'programs',
    },
    {
      id: 'links',
      title: 'How programs connect',
      prompt:
        'Draw a Leads to arrow from each program to the next one people can move on to, also into another institution’s programs, and say whether credits transfer, a formal agreement exists, or it is a referral only. Then draw an Answers arrow from each program to the industry need it prepares people for.',
      minutes: 15,
      zoneId: 'programs',
    },
    {
      id: 'institutions',
      title: 'Closed or open and connected',
      prompt:
        'Add an Institution card for each organization on the map, named as on its programs, and mark honestly how it operates today: as a closed system, easier to manage, or open and connected, so that whichever door a student or jobseeker walks through leads somewhere.',
      minutes: 10,
      zoneId: 'institutions',
    },
    {
      id: 'gaps',
      title: 'Read the gaps',
      prompt:
        'Read the results together: programs that answer no industry need, dead ends that lead neither to a next program nor to a job, needs with no way in for beginners, institutions working as closed systems. Decide what to fix first and add it to the action plan, with the employers who will guide it.',
      minutes: 15,
    },
  ],
  zones: [
    // Sized for a 1366×768 screen: the needs and the institutions each fit at about 70 %, the
    // programs map (up to some 20 programs and their links) at about 60 %.
    { id: 'needs', label: 'What industry needs', color: 'orange', x: 0, y: 0, w: 1300, h: 600, itemTypes: ['industry-need'] },
    { id: 'institutions', label: 'Institutions: closed, or open and connected?', color: 'violet', x: 1400, y: 0, w: 900, h: 600, itemTypes: ['institution'] },
    { id: 'programs', label: 'Pathway programs and how they connect', color: 'light-blue', x: 0, y: 700, w: 1300, h: 950, itemTypes: ['pathway-program'] },
  ],
};
