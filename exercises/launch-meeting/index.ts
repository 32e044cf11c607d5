/**
 * The launch meeting (the manual's step 4): employers name opportunities for growth
 * (`opportunity`, ticked as shared priority after a dot vote), what it takes to seize them
 * (`requirement`: kind, priority; `needed-for` arrow to the opportunity) and the champions who
 * carry them (`champion`: company, next step, will lead; `commits-to` arrow to an opportunity or
 * a requirement); the shared `action` card holds the next steps; `launch-record` notes who came,
 * the partners' debrief and when the summary went out. Figures (figures.ts): shared priorities,
 * how many (3-5), requirements by kind, champions and their next steps, business leaders present,
 * the executive summary drafted from the board, unfinished connectors.
 */
import { actionItem } from '../common/items';
import type { ExerciseDef } from '../kit/definitions';
import { launchMeetingConnectors } from './connectors';
import { evidence } from './evidence';
import { figures } from './figures';
import { launchMeetingItemTypes } from './items';
import { launchMeetingTemplate } from './template';

export const launchMeeting: ExerciseDef = {
  template: launchMeetingTemplate,
  itemTypes: [...launchMeetingItemTypes, actionItem],
  connectorKinds: launchMeetingConnectors,
  figures,
  evidence,
  // The manual's step 4: critical mass, priorities the employers own, commitments, the partners'
  // debrief and the summary sent straight after.
  reviewPhase: 'launch',
};
