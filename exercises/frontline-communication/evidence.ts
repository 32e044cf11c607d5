import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, findFigure, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { LAYERS } from './items';

const propose = proposer('frontline-communication');

/** Layers as a sentence names them. */
const LAYER_NAME: Record<string, string> = {
  partnership: 'the industry-led partnership',
  'decision-makers': 'decision makers',
  'program-staff': 'program staff',
  'frontline-workers': 'frontline workers',
  'jobseekers-students': 'jobseekers and students',
};

const TARGET_IDEAS = 10;

/**
 * Rubric evidence of the frontline communication exercise (rule: claim → dimension), read from
 * the figures:
 *  - broken-chain: layers no flow reaches, or a partnership sending nothing → regional
 *    coordination; chain-complete when information reaches every layer;
 *  - flows-unowned: finished flows without an owner or a cadence → regional coordination;
 *    flows-owned when every one has both;
 *  - role-overlaps: overlaps and connections marked between frontline roles → regional
 *    coordination;
 *  - ten-ways: ways of using sector information in frontline service, against the aim of ten →
 *    regional coordination (information from the partnership shaping frontline services).
 * The chain is judged only once an audience or a flow is on the board; an empty board proposes
 * nothing.
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const audiences = board.ofType('audience');
  const flows = board.connectionsOfKind('flow');

  const chain = findFigure(results, 'broken-chain', 'list');
  if (chain && (audiences.length > 0 || flows.length > 0)) {
    const broken = LAYERS.filter((l) => chain.entries.some((e) => e.text.startsWith(`${l.label}:`))).map((l) => l.value);
    const ids = chain.entries.flatMap((e) => e.itemIds ?? []);
    if (broken.length === 0) {
      out.push(propose('chain-complete', 'board', 'regional-coordination', 'Sector information flows from the partnership all the way to jobseekers and students', [], chain.id));
    } else {
      const parts: string[] = [];
      if (broken.includes('partnership')) parts.push('nothing flows out of the industry-led partnership');
      const unreached = broken.filter((l) => l !== 'partnership').map((l) => LAYER_NAME[l]);
      if (unreached.length) parts.push(`no flow reaches ${nameList(unreached, LAYERS.length)}`);
      const text = parts.join('; ');
      out.push(propose('broken-chain', 'board', 'regional-coordination', text.charAt(0).toUpperCase() + text.slice(1), ids, chain.id));
    }
  }

  const finished = flows.filter((f) => f.complete).length;
  const missing = findFigure(results, 'flows-without-owner-or-cadence', 'number');
  if (missing && finished > 0) {
    if (missing.value > 0) {
      out.push(
        propose(
          'flows-unowned',
          'board',
          'regional-coordination',
          `${missing.value} of ${count(finished, 'flow')} ${verb(missing.value, 'has', 'have')} no owner or no cadence`,
          missing.itemIds ?? [],
          missing.id,
        ),
      );
    } else {
      const text = finished === 1 ? 'The one flow drawn has an owner and a cadence' : `All ${finished} flows have an owner and a cadence`;
      out.push(propose('flows-owned', 'board', 'regional-coordination', text, [], missing.id));
    }
  }

  const links = findFigure(results, 'role-overlaps', 'list');
  if (links && links.entries.length > 0) {
    const overlaps = links.entries.filter((e) => e.status === 'warn');
    const connections = links.entries.length - overlaps.length;
    out.push(
      propose(
        'role-overlaps',
        'board',
        'regional-coordination',
        `${count(overlaps.length, 'overlap')} and ${count(connections, 'connection')} marked between frontline roles of the region`,
        overlaps.flatMap((e) => e.itemIds ?? []),
        links.id,
      ),
    );
  }

  const ideas = findFigure(results, 'ten-ways', 'number');
  if (ideas && ideas.value > 0) {
    out.push(
      propose(
        'ten-ways',
        'board',
        'regional-coordination',
        `${count(ideas.value, 'way')} so far of using sector information in frontline service (the aim is ${ideas.target ?? TARGET_IDEAS})`,
        ideas.itemIds ?? [],
        ideas.id,
      ),
    );
  }
  return out;
}
