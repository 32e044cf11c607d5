/**
 * Prepare to launch (the manual's step 3 and its "preparing to launch" worksheet): the convener
 * (`convener-candidate`: credibility, staff time, neutrality rated 1-5, agenda to set aside,
 * decision lead / co / not chosen), the support partners (`support-partner`: listens at employer
 * meetings, its part in the work), company leaders (`ceo`: company, sub-sector, known by, civic
 * entrepreneur, chair candidate, signs the invitation, hosts, reached by, invitation status) and
 * the meeting (`launch-plan`: date, time, location, at a company's site, signed by, sent on,
 * follow-up calls). A new board starts with the worksheet's three standard next steps in its
 * action plan. No connectors. Figures (figures.ts): convener, support partners, chair
 * candidates, champions signing, invitation list by sub-sector, leaders nobody is reaching,
 * meeting readiness.
 */
import type { ExerciseDef } from '../kit/definitions';
import { launchPreparationConnectors } from './connectors';
import { evidence } from './evidence';
import { figures } from './figures';
import { launchPreparationItemTypes } from './items';
import { launchPreparationTemplate } from './template';

export const launchPreparation: ExerciseDef = {
  template: launchPreparationTemplate,
  itemTypes: launchPreparationItemTypes,
  connectorKinds: launchPreparationConnectors,
  figures,
  evidence,
  // The manual's step 3. The worksheet opens by checking steps 1 and 2, so its first two steps
  // start from those reviews.
  reviewPhase: 'prepare-launch',
  stepReviewPhases: { 'team-ready': 'support-team', 'scope-ready': 'industry-scope' },
};
