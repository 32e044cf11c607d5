import type { ExerciseTemplate } from '../../shared/template';

/**
 * Building momentum and sustaining: moving from ideas to action on top left, then one zone per
 * role (conveners, support team, employers), and the two closing next-steps questions at the
 * bottom.
 */
export const momentumTemplate: ExerciseTemplate = {
  id: 'momentum-and-sustaining',
  title: 'Building momentum and sustaining the partnership',
  purpose:
    'For a partnership that has launched: check that it is moving from ideas to action, ask conveners, support partners and employers what sustaining it takes from each of them, and turn the answers into next steps.',
  version: 1,
  steps: [
    {
      id: 'ideas-to-action',
      title: 'From ideas to action',
      prompt:
        'Add an Ideas to action card and answer its five checks together, yes, no or not yet: task teams with business leaders in them, clear outcomes and quick wins, lead employer champions writing the action plan, community partners brought in and clear on their roles, a convener who keeps notes, the action plan and meetings in good shape. Task teams may each fill in their own card.',
      minutes: 15,
      zoneId: 'ideas',
    },
    {
      id: 'what-is-needed',
      title: 'What is needed',
      prompt:
        'For every no or not yet, add a What is needed card: facilitating task team meetings to write the action plan, finding quick wins and mobilising support partners, asking employers to lead a task team or the whole partnership, or something else. Say who takes it on.',
      minutes: 10,
      zoneId: 'ideas',
    },
    {
      id: 'conveners',
      title: 'Conveners',
      prompt:
        'There is no single right way to sustain a partnership. Each convener adds a Convener answers card and answers for themselves, yes, no or not yet: less reliance on stop-gap money, a job that has changed, partnerships as the organization’s standard way with employers, mapping who can contribute, a yearly fresh look with employers, successes written up.',
      minutes: 10,
      zoneId: 'conveners',
    },
    {
      id: 'support-team',
      title: 'The sector support team',
      prompt:
        'Each support partner adds a Support partner answers card and answers for their organization or program: working on solutions with other public partners, giving staff time or money, working differently with employers, a commitment made formal in writing.',
      minutes: 10,
      zoneId: 'support-team',
    },
    {
      id: 'employers',
      title: 'Employers',
      prompt:
        'Each employer adds an Employer answers card: staying a leader while delegating, colleagues brought in, acting as a partner rather than a customer, using the informal benefits such as meeting other companies, giving resources or helping find them.',
      minutes: 10,
      zoneId: 'employers',
    },
    {
      id: 'next-momentum',
      title: 'Next steps to keep momentum',
      prompt:
        'What are our next steps to keep the partnership action-oriented and gaining momentum? Add an Action card for each with an owner and a date, and promote it to the action plan (right-click the card).',
      minutes: 10,
      zoneId: 'next-momentum',
    },
    {
      id: 'next-sustain',
      title: 'Priorities for sustainability',
      prompt:
        'What are our priorities for setting the partnership up to last: funding, its organizational home, leadership beyond the first champions? Add an Action card for each and promote it to the action plan.',
      minutes: 10,
      zoneId: 'next-sustain',
    },
  ],
  zones: [
    // Each zone fits a 1366×768 screen at a zoom where the cards stay legible (about 70 %).
    { id: 'ideas', label: 'From ideas to action', color: 'violet', x: 0, y: 0, w: 1100, h: 900, itemTypes: ['ideas-to-action', 'momentum-need'] },
    { id: 'conveners', label: 'Conveners', color: 'blue', x: 1200, y: 0, w: 1100, h: 900, itemTypes: ['convener-check'] },
    { id: 'support-team', label: 'Sector support team', color: 'light-green', x: 0, y: 1000, w: 1100, h: 900, itemTypes: ['support-team-check'] },
    { id: 'employers', label: 'Employers', color: 'orange', x: 1200, y: 1000, w: 1100, h: 900, itemTypes: ['employer-check'] },
    { id: 'next-momentum', label: 'Next steps: staying action-oriented', color: 'green', x: 0, y: 2000, w: 1100, h: 700, itemTypes: ['action'] },
    { id: 'next-sustain', label: 'Next steps: priorities for sustainability', color: 'yellow', x: 1200, y: 2000, w: 1100, h: 700, itemTypes: ['action'] },
  ],
};
