import type { ExerciseTemplate } from '../../shared/template';

/**
 * The worksheet's standard next steps, in our words: every board from this template starts with
 * them in its action plan (owner and date empty).
 */
export const STANDARD_NEXT_STEPS = [
  'Recruit business champions to sign the invitation letter and host the launch meeting',
  'Build the list of employers from the target sector to invite',
  'Send the invitations and make follow-up phone calls',
] as const;

/**
 * Prepare to launch: the convener and the support partners on top, the companies and their
 * leaders below (the largest zone), the meeting beside them.
 */
export const launchPreparationTemplate: ExerciseTemplate = {
  id: 'launch-preparation',
  title: 'Prepare to launch',
  purpose:
    'Get ready for the launch meeting: check the groundwork, choose a neutral and credible convener, agree that every other partner supports and listens, list the companies and their leaders with who knows them, pick the chairs, and set the date, place and invitations.',
  version: 1,
  startingActions: STANDARD_NEXT_STEPS,
  steps: [
    {
      id: 'team-ready',
      title: 'Is the support team in place?',
      prompt:
        'Before planning anything, open the Notes tab and answer the questions on the support team yes, no or not yet: do the partners see the partnership as their shared table with the sector, will they commit to one target sector, are roles and the convener agreed? A “no” here is the first thing to fix.',
      minutes: 5,
    },
    {
      id: 'scope-ready',
      title: 'Is the scope right for business?',
      prompt:
        'Answer the scope questions in the Notes tab: is the first sector agreed from data and first-hand knowledge, would the scope make sense to the companies, and does the area follow the industry rather than county lines or service areas?',
      minutes: 5,
    },
    {
      id: 'convener',
      title: 'Choose the convener',
      prompt:
        'Add a Convener candidate card for each organization, or pair, that could lead. Rate each from 1 to 5 on the three questions that matter: do the sector’s companies trust it, can it put staff time in, and can it run the process neutrally? Name the agenda it would have to leave at the door (a chamber’s membership drive, a college’s curriculum advice, a workforce area’s performance measures). Then mark the lead convener, or two co-conveners.',
      minutes: 15,
      zoneId: 'convener',
    },
    {
      id: 'support-roles',
      title: 'Agree the support roles',
      prompt:
        'Add a Support partner card for every other partner. Confirm together that each will stay in a support role for the life of the partnership: listening, not pitching, whenever employers meet, and acting once the priorities are set. Tick Listens at employer meetings when the partner agrees, and write what its part in the work could be.',
      minutes: 10,
      zoneId: 'support',
    },
    {
      id: 'companies',
      title: 'List the companies and their leaders',
      prompt:
        'Add a CEO card for each company leader in the sector and region worth inviting, with the sub-sector and who on the team knows them personally. Look for civic entrepreneurs: leaders who decide for their company and see its future tied to the community’s. Mark the top three you would ask to chair, those who will sign the invitation or host, and who makes each call. Update the invitation status as answers come in.',
      minutes: 25,
      zoneId: 'companies',
    },
    {
      id: 'meeting',
      title: 'Set the meeting',
      prompt:
        'Add a Launch meeting card. Ask the chairs which date and time suit companies, and hold it at one of their sites: it tells everyone the partnership belongs to industry. Draft the invitation for the chairs to sign, send it three to four weeks ahead, and follow up by phone to bring a critical mass of companies.',
      minutes: 10,
      zoneId: 'meeting',
    },
    {
      id: 'next-steps',
      title: 'Next steps',
      prompt:
        'Open the Actions tab: the three standard next steps (recruit the champions, build the invitation list, send the invitations and follow up) are already there. Give each an owner and a date, and add any other step the team needs.',
      minutes: 10,
    },
  ],
  zones: [
    // Each zone fits a 1366×768 screen at a zoom where the cards stay legible (about 70 %).
    { id: 'convener', label: 'Who convenes', color: 'violet', x: 0, y: 0, w: 1100, h: 700, itemTypes: ['convener-candidate'] },
    { id: 'support', label: 'Support partners: listen, then act', color: 'blue', x: 1200, y: 0, w: 1100, h: 700, itemTypes: ['support-partner'] },
    { id: 'companies', label: 'Companies and their leaders', color: 'orange', x: 0, y: 800, w: 1100, h: 900, itemTypes: ['ceo'] },
    { id: 'meeting', label: 'The launch meeting', color: 'green', x: 1200, y: 800, w: 1100, h: 900, itemTypes: ['launch-plan'] },
  ],
};
