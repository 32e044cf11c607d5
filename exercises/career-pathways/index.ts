/**
 * Career pathway systems (the manual's module 4): industry needs (`industry-need`: occupation or
 * skill, openings a year, who says so), pathway programs across institutions (`pathway-program`:
 * institution, credential, stackable, support services, open to beginners, leads straight to a
 * job), `leads-to` arrows between programs (credits transfer / formal agreement / referral
 * only), `answers` arrows from programs to needs, and `institution` cards marked closed system or
 * open and connected. Figures (figures.ts): pathways to each need, programs with no industry
 * link, dead ends, missing on-ramps, institutions with their cross-institution links, stackable
 * programs, unfinished connectors.
 */
import type { ExerciseDef } from '../kit/definitions';
import { careerPathwaysConnectors } from './connectors';
import { evidence } from './evidence';
import { figures } from './figures';
import { careerPathwaysItemTypes } from './items';
import { careerPathwaysTemplate } from './template';

export const careerPathways: ExerciseDef = {
  template: careerPathwaysTemplate,
  itemTypes: careerPathwaysItemTypes,
  connectorKinds: careerPathwaysConnectors,
  figures,
  evidence,
  // Educators valuing the partnership as the way to build industry-driven pathway systems is one
  // of the lasting values the manual's step 6 asks about.
  reviewPhase: 'sustain-evolve',
};
