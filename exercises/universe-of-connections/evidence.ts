import type { BoardResults, ResultItem } from '../../shared/results';
import type { ProposedEvidence, RubricDimensionId } from '../../shared/rubric';
import { count, fieldText, findFigure, itemName, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { countedCategory, KEY_CORE_CATEGORIES } from './figures';

const propose = proposer('universe-of-connections');

/** How a sentence names a partner of each key kind, and which dimension its absence speaks to. */
const CATEGORY: Record<(typeof KEY_CORE_CATEGORIES)[number], { name: string; dimension: RubricDimensionId }> = {
  'workforce-development': { name: 'workforce development partner', dimension: 'regional-coordination' },
  k12: { name: 'K-12 partner', dimension: 'career-pathways' },
  'community-college': { name: 'community or technical college', dimension: 'career-pathways' },
  'economic-development': { name: 'economic development partner or chamber', dimension: 'regional-coordination' },
  'adult-education': { name: 'adult education partner', dimension: 'career-pathways' },
};

const NODE_TYPES = new Set(['organization', 'person']);

/**
 * Rubric evidence of the Universe of Connections (rule: claim → dimension). Nothing is proposed
 * before the first organization is on the board.
 *  - core-team: how many organizations of how many key kinds form the core team → regional
 *    coordination;
 *  - missing-core (key = category): a key kind of partner missing from the core team, naming
 *    any on the board outside it → career pathways for K-12, colleges and adult education,
 *    regional coordination for the others (only once a core team exists);
 *  - conveners / no-convener: who convenes → regional coordination;
 *  - agreed-sectors / no-agreed-sector: shared target sectors → regional coordination;
 *  - isolated: organizations linked to nobody → regional coordination;
 *  - connection-strength: strong and weak among the finished connections → regional coordination;
 *  - businesses-connected: businesses (industry ring or category) linked to someone → industry
 *    engagement.
 * Connections count as in figures.ts: complete, between two different organizations or people.
 */
export function evidence(board: ExtractedBoard, results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const orgs = board.ofType('organization');
  if (orgs.length === 0) return out;
  const name = (o: ResultItem) => itemName(o, 'name');

  const core = orgs.filter((o) => o.fields.ring === 'core');
  if (core.length > 0) {
    const kinds = new Set(core.map((o) => countedCategory(fieldText(o.fields.category))));
    const covered = KEY_CORE_CATEGORIES.filter((c) => kinds.has(c)).length;
    out.push(
      propose(
        'core-team',
        'board',
        'regional-coordination',
        `The core team has ${count(core.length, 'organization')}, covering ${covered} of the ${KEY_CORE_CATEGORIES.length} key kinds of partner`,
        core.map((o) => o.id),
        'orgs-by-category',
      ),
    );
    for (const c of KEY_CORE_CATEGORIES) {
      if (kinds.has(c)) continue;
      const elsewhere = orgs.filter((o) => countedCategory(String(o.fields.category)) === c);
      const where = elsewhere.length ? ` (${nameList(elsewhere.map(name))} ${verb(elsewhere.length, 'is', 'are')} on the board outside it)` : '';
      out.push(propose('missing-core', c, CATEGORY[c].dimension, `No ${CATEGORY[c].name} in the core team${where}`, elsewhere.map((o) => o.id), 'missing-core-categories'));
    }
  }

  const conveners = findFigure(results, 'conveners', 'list');
  if (conveners) {
    if (conveners.entries.length === 0) {
      out.push(propose('no-convener', 'board', 'regional-coordination', 'No convener or co-conveners named yet', [], conveners.id));
    } else {
      const ids = conveners.entries.flatMap((e) => e.itemIds ?? []);
      const who = ids.map((id) => board.byId.get(id)).filter((o): o is ResultItem => !!o);
      const roles = who.map((o) => `${name(o)} (${o.fields.role === 'convener' ? 'convener' : 'co-convener'})`);
      out.push(propose('conveners', 'board', 'regional-coordination', `Convening role${who.length === 1 ? '' : 's'} taken by ${nameList(roles)}`, ids, conveners.id));
    }
  }

  const sectors = findFigure(results, 'agreed-sectors', 'list');
  if (sectors) {
    if (sectors.entries.length === 0) {
      out.push(propose('no-agreed-sector', 'board', 'regional-coordination', 'No target sector agreed by the whole team yet', board.ofType('sector').map((s) => s.id), sectors.id));
    } else {
      const n = sectors.entries.length;
      out.push(
        propose('agreed-sectors', 'board', 'regional-coordination', `The team agreed on ${count(n, 'target sector')}: ${nameList(sectors.entries.map((e) => e.text))}`, sectors.entries.flatMap((e) => e.itemIds ?? []), sectors.id),
      );
    }
  }

  // Distinct partners of every organization and person, as the figures count them.
  const linked = new Set<string>();
  let finished = 0;
  let strong = 0;
  let weak = 0;
  for (const c of board.connectionsOfKind('connection')) {
    const a = c.fromId ? board.byId.get(c.fromId) : undefined;
    const b = c.toId ? board.byId.get(c.toId) : undefined;
    if (!c.complete || !a || !b || a.id === b.id || !NODE_TYPES.has(a.type) || !NODE_TYPES.has(b.type)) continue;
    finished++;
    linked.add(a.id).add(b.id);
    if (c.fields.strength === 'strong') strong++;
    if (c.fields.strength === 'weak') weak++;
  }

  const isolated = orgs.filter((o) => !linked.has(o.id));
  if (isolated.length > 0) {
    out.push(
      propose(
        'isolated',
        'board',
        'regional-coordination',
        `${count(isolated.length, 'organization')} on the board ${verb(isolated.length, 'has', 'have')} no connection to anyone: ${nameList(isolated.map(name))}`,
        isolated.map((o) => o.id),
        'isolated-organizations',
      ),
    );
  }

  if (finished > 0) {
    out.push(
      propose(
        'connection-strength',
        'board',
        'regional-coordination',
        `Of ${count(finished, 'connection')} drawn, ${strong} ${verb(strong, 'is', 'are')} strong and ${weak} weak`,
        findFigure(results, 'weak-connections', 'number')?.itemIds ?? [],
        'weak-connections',
      ),
    );
  }

  const businesses = orgs.filter((o) => o.fields.ring === 'industry' || o.fields.category === 'business');
  if (businesses.length > 0) {
    const connected = businesses.filter((o) => linked.has(o.id));
    out.push(
      propose(
        'businesses-connected',
        'board',
        'industry-engagement',
        `${connected.length} of ${count(businesses.length, 'business', 'businesses')} on the map ${verb(connected.length, 'is', 'are')} connected to someone on the team`,
        businesses.map((o) => o.id),
      ),
    );
  }
  return out;
}
