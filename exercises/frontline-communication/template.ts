import type { ExerciseTemplate } from '../../shared/template';
import { LAYERS } from './items';

/** Zone id of the lane of a layer (`program-staff` → `layer-program-staff`). */
function layerZoneId(layer: string): string {
  return `layer-${layer}`;
}

/** Layer of each lane, by zone id. */
export const LAYER_OF_ZONE: ReadonlyMap<string, string> = new Map(LAYERS.map((l) => [layerZoneId(l.value), l.value]));

const LANE_W = 700;
const LANE_GAP = 80;
const LANES_Y = 1100;
const LANE_H = 1600;
const LANE_COLORS = ['violet', 'blue', 'light-blue', 'light-green', 'yellow'] as const;

/**
 * Frontline communication: the frontline map and the "ten ways" brainstorm on top, then five
 * lanes left to right, one per layer, from the industry-led partnership to jobseekers and
 * students.
 */
export const frontlineTemplate: ExerciseTemplate = {
  id: 'frontline-communication',
  title: 'Frontline communication flows',
  purpose:
    'Make sure what industry tells the partnership reaches the people who advise jobseekers and students every day: map the frontline, list ways sector information can shape their work, and draw how information travels from the partnership down to the people served.',
  // 2: the ten ways have their own card, and frontline roles can be linked as overlapping or connected.
  version: 2,
  steps: [
    {
      id: 'map-frontline',
      title: 'Map the frontline',
      prompt:
        'Add a Frontline role card for every job that works directly with jobseekers or students in the region: case managers, career navigators, adult education instructors, school counselors, job developers. Fill in the organization, whom they serve and what they really do. Then draw an Overlap or connection arrow between roles that serve the same people or do the same work (an overlap) and between roles that refer to or work with each other (a connection).',
      minutes: 20,
      zoneId: 'frontline',
    },
    {
      id: 'ten-ways',
      title: 'Ten ways to use sector information',
      prompt:
        'Brainstorm how what the partnership learns from employers could change frontline work: which jobs are hiring, starting wages, the skills asked for, when hiring peaks. Add one Way to use sector information card per idea; the board counts toward ten. On each, say how it would actually happen on the frontline, why it matters, and which roles would use it.',
      minutes: 20,
      zoneId: 'ten-ways',
    },
    {
      id: 'communication',
      title: 'Draw the communication strategy',
      prompt:
        'Work left to right through the five lanes, from the industry-led partnership to jobseekers and students. Add an Audience card for each group in the lane where it belongs, then draw Flow arrows for how information reaches the next lane and set the channel, how often, and who owns it. A lane nothing flows into is where the chain breaks.',
      minutes: 30,
      zoneId: layerZoneId('partnership'),
    },
  ],
  zones: [
    { id: 'frontline', label: 'Who is on the frontline', color: 'light-blue', x: 0, y: 0, w: 2000, h: 1000, itemTypes: ['frontline-role'] },
    { id: 'ten-ways', label: 'Ten ways sector information can drive frontline service', color: 'yellow', x: 2100, y: 0, w: 5 * LANE_W + 4 * LANE_GAP - 2100, h: 1000, itemTypes: ['sector-info-use'] },
    ...LAYERS.map((layer, i) => ({
      id: layerZoneId(layer.value),
      label: layer.label,
      color: LANE_COLORS[i],
      x: i * (LANE_W + LANE_GAP),
      y: LANES_Y,
      w: LANE_W,
      h: LANE_H,
      itemTypes: ['audience'],
    })),
  ],
};
