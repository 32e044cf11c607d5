import type { TLSchema } from '@tldraw/tlschema';
import type { ExerciseTemplate } from '../shared/template';
import type { ExerciseDef, ItemTypeDef } from './kit/definitions';
import { collectItemTypes, createBoardSchema } from './kit/schema';
import { blank } from './blank';
import { manyTablesManyKnocks } from './many-tables-many-knocks';
import { universeOfConnections } from './universe-of-connections';
import { journeyMap } from './journey-map';
import { influenceMap } from './influence-map';
import { frontlineCommunication } from './frontline-communication';
import { sectorScoping } from './sector-scoping';
import { launchPreparation } from './launch-preparation';
import { launchMeeting } from './launch-meeting';
import { criticalDecisions } from './critical-decisions';
import { momentumAndSustaining } from './momentum-and-sustaining';
import { successMetrics } from './success-metrics';
import { careerPathways } from './career-pathways';

/**
 * Every exercise the product offers. Adding an exercise is one folder under exercises/ and one
 * line here.
 */
export const EXERCISES: readonly ExerciseDef[] = [
  blank,
  manyTablesManyKnocks,
  universeOfConnections,
  journeyMap,
  influenceMap,
  frontlineCommunication,
  sectorScoping,
  launchPreparation,
  launchMeeting,
  criticalDecisions,
  momentumAndSustaining,
  successMetrics,
  careerPathways,
];

export const TEMPLATES: readonly ExerciseTemplate[] = EXERCISES.map((e) => e.template);

/** Every item type of every exercise: all are registered on every board, so any board opens. */
export const ITEM_TYPES: readonly ItemTypeDef[] = collectItemTypes(EXERCISES);

export function getExercise(id: string): ExerciseDef | undefined {
  return EXERCISES.find((e) => e.template.id === id);
}

export function getTemplate(id: string): ExerciseTemplate | undefined {
  return getExercise(id)?.template;
}

export function getItemType(type: string): ItemTypeDef | undefined {
  return ITEM_TYPES.find((d) => d.type === type);
}

let schema: TLSchema | undefined;
/** The tldraw schema every board is written with. */
export function boardSchema(): TLSchema {
  return (schema ??= createBoardSchema(ITEM_TYPES));
}
