import type { ConnectorKindDef } from '../kit/definitions';

/**
 * Preparing to launch has no typed connectors: who knows whom and who makes each call are fields
 * of the CEO card, so a long invitation list stays readable without a web of arrows.
 */
export const launchPreparationConnectors: ConnectorKindDef[] = [];
