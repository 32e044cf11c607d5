/**
 * Frontline communication flows: who serves jobseekers and students directly, how sector
 * information could drive their work, and how it travels from the industry-led partnership to
 * the people served. Cards: `frontline-role` (title, organization, serves, does), shared `idea`
 * (the "ten ways"), `audience` (name, layer) placed in one of five layer lanes — the lane is
 * the truth, the layer field counts only outside the lanes. Connector: `flow` (channel,
 * cadence, owner). Figures (figures.ts): flows per layer pair, broken chain (layers no flow
 * reaches, a partnership sending nothing), audiences without an owner or cadence, flows missing
 * either, ideas against the target of ten, frontline roles per organization, layer field vs lane
 * mismatches, unfinished flows.
 */
import type { ExerciseDef } from '../kit/definitions';
import { ideaItem } from '../common/items';
import { frontlineConnectors } from './connectors';
import { figures } from './figures';
import { evidence } from './evidence';
import { frontlineItemTypes } from './items';
import { frontlineTemplate } from './template';

export const frontlineCommunication: ExerciseDef = {
  template: frontlineTemplate,
  itemTypes: [...frontlineItemTypes, ideaItem],
  connectorKinds: frontlineConnectors,
  figures,
  evidence,
  // Carrying industry's information through program staff to the frontline is how each kind of
  // partner draws lasting value from the partnership, which the step 6 questions ask about.
  reviewPhase: 'sustain-evolve',
};
