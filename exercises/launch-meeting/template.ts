import type { ExerciseTemplate } from '../../shared/template';

/**
 * The launch meeting: opportunities, requirements and champions left to right (the chain the
 * employers build), then the next steps and the meeting record below.
 */
export const launchMeetingTemplate: ExerciseTemplate = {
  id: 'launch-meeting',
  title: 'Launch meeting',
  purpose:
    'Let the employers set their own agenda: the opportunities for their sector to grow, what it takes to seize them, and the champions who take the next step, ending in shared priorities, commitments and a summary sent straight after.',
  version: 1,
  steps: [
    {
      id: 'opportunities',
      title: 'Opportunities for growth',
      prompt:
        'Ask the employers where their sector could grow in the next few years: new markets, products, expansions, investments. Add one Opportunity card per idea, in their words, with the company that raised it. Support partners listen and write; they do not propose solutions today.',
      minutes: 25,
      zoneId: 'opportunities',
    },
    {
      id: 'prioritise',
      title: 'Choose the shared priorities',
      prompt:
        'Group similar opportunities, then let the employers vote with dots on the ones that matter most to them together. Tick Shared priority on the three to five that rise to the top: from here on they are the employers’ agenda, not anyone else’s.',
      minutes: 15,
      zoneId: 'opportunities',
    },
    {
      id: 'requirements',
      title: 'What it takes',
      prompt:
        'For each shared priority, ask what it would take to seize it: people and skills, training, transport, technology, regulation, supply chains. Add a What it takes card for each requirement, draw a Needed for arrow to the priority, and let the employers mark the requirements that matter most.',
      minutes: 25,
      zoneId: 'requirements',
    },
    {
      id: 'champions',
      title: 'Champions',
      prompt:
        'Ask who will carry each priority forward. Add a Champion card for each employer who steps up, with the next step they commit to after today, and draw a Commits to arrow to the priority or the requirement. Note who is ready to lead a task force.',
      minutes: 15,
      zoneId: 'champions',
    },
    {
      id: 'next-steps',
      title: 'Commit to next steps',
      prompt:
        'Before people leave, agree the next steps: short task force calls within two to four weeks, the summary going out, the date of the next meeting. Add an Action card for each with an owner and a date, then promote it to the action plan (right-click the card).',
      minutes: 10,
      zoneId: 'next-steps',
    },
    {
      id: 'wrap-up',
      title: 'Record the meeting and send the summary',
      prompt:
        'After the meeting, fill in the Meeting record: how many business leaders and companies came, whether the support partners debriefed together. The results panel drafts the executive summary from the board: check it, send it to the business members straight away and note the date. The shared priorities become the Priority area cards of the influence map.',
      minutes: 10,
      zoneId: 'record',
    },
  ],
  zones: [
    // Each zone fits a 1366×768 screen at a zoom where the cards stay legible (about 70 %).
    { id: 'opportunities', label: 'Opportunities for growth', color: 'yellow', x: 0, y: 0, w: 1100, h: 900, itemTypes: ['opportunity'] },
    { id: 'requirements', label: 'What it takes: requirements', color: 'light-blue', x: 1200, y: 0, w: 1100, h: 900, itemTypes: ['requirement'] },
    { id: 'champions', label: 'Champions', color: 'orange', x: 2400, y: 0, w: 1100, h: 900, itemTypes: ['champion'] },
    { id: 'next-steps', label: 'Next steps after the meeting', color: 'green', x: 0, y: 1000, w: 1100, h: 700, itemTypes: ['action'] },
    { id: 'record', label: 'Meeting record', color: 'light-green', x: 1200, y: 1000, w: 1100, h: 700, itemTypes: ['launch-record'] },
  ],
};
