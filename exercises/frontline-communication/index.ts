/**
 * Frontline communication flows: who serves jobseekers and students directly, how sector
 * information could drive their work, and how it travels from the industry-led partnership to
 * the people served. Cards: `frontline-role` (title, organization, serves, does),
 * `sector-info-use` (the "ten ways": the way, how it shows up on the frontline, why it matters,
 * used by; idea cards of earlier boards still count), `audience` (name, layer) placed in one of
 * five layer lanes — the lane is the truth, the layer field counts only outside the lanes.
 * Connectors: `flow` (channel, cadence, owner) and `role-link` between frontline roles (overlap
 * or connect). Figures (figures.ts, roleFigures.ts): flows per layer pair, broken chain (layers
 * no flow reaches, a partnership sending nothing), audiences without an owner or cadence, flows
 * missing either, ways against the target of ten, ways still missing how or why, frontline roles
 * per organization, where roles overlap or connect, layer field vs lane mismatches, unfinished
 * flows.
 */
import type { ExerciseDef } from '../kit/definitions';
import { frontlineConnectors } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { frontlineItemTypes } from './items';
import { frontlineTemplate } from './template';

export const frontlineCommunication: ExerciseDef = {
  template: frontlineTemplate,
  itemTypes: frontlineItemTypes,
  connectorKinds: frontlineConnectors,
  figures,
  evidence,
  // Carrying industry's information through program staff to the frontline is how each kind of
  // partner draws lasting value from the partnership, which the step 6 questions ask about.
  reviewPhase: 'sustain-evolve',
};
