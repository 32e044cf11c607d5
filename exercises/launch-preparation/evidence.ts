import type { BoardResults } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import { count, nameList, proposer, verb } from '../kit/evidenceKit';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle } from '../kit/figureKit';
import { cleanText } from '../kit/text';

const propose = proposer('launch-preparation');

/**
 * Rubric evidence of preparing to launch (rule: claim → dimension):
 *  - convener / no-convener: the lead convener or co-conveners chosen → regional coordination
 *    (once a candidate is on the board);
 *  - listening: support partners who agreed to listen at employer meetings → regional
 *    coordination (once a support partner is on the board);
 *  - champions: company leaders who will sign the invitation, and chair candidates among the
 *    CEOs → industry engagement (once a CEO is on the board);
 *  - invitations: leaders on the list, sub-sectors and confirmations → industry engagement;
 *  - at-company: the launch hosted at a company's site → industry engagement (once a meeting card
 *    is on the board).
 */
export function evidence(board: ExtractedBoard, _results: BoardResults): ProposedEvidence[] {
  const out: ProposedEvidence[] = [];
  const candidates = byTitle(board.ofType('convener-candidate'));
  if (candidates.length > 0) {
    const chosen = candidates.filter((c) => c.fields.decision === 'lead' || c.fields.decision === 'co');
    if (chosen.length) {
      const names = chosen.map((c) => `${c.title} (${c.fields.decision === 'lead' ? 'lead' : 'co-convener'})`);
      out.push(propose('convener', 'board', 'regional-coordination', `Convener chosen: ${nameList(names)}`, chosen.map((c) => c.id), 'convener-choice'));
    } else {
      out.push(propose('no-convener', 'board', 'regional-coordination', `No convener chosen yet among ${count(candidates.length, 'candidate')}`, candidates.map((c) => c.id), 'convener-choice'));
    }
  }

  const partners = board.ofType('support-partner');
  if (partners.length > 0) {
    const listening = partners.filter((p) => p.fields.listening === true);
    out.push(
      propose(
        'listening',
        'board',
        'regional-coordination',
        `${listening.length} of ${count(partners.length, 'support partner')} agreed to listen rather than pitch at meetings with employers`,
        partners.filter((p) => p.fields.listening !== true).map((p) => p.id),
        'support-roles',
      ),
    );
  }

  const ceos = byTitle(board.ofType('ceo'));
  if (ceos.length > 0) {
    const signing = ceos.filter((c) => c.fields.signsInvitation === true && c.fields.status !== 'declined');
    const chairs = ceos.filter((c) => c.fields.chairCandidate === true);
    const civic = chairs.filter((c) => c.fields.civicEntrepreneur === true).length;
    const sign = signing.length ? `${count(signing.length, 'company leader')} will sign the invitation (${nameList(signing.map((c) => c.title))})` : 'No company leader has agreed to sign the invitation yet';
    out.push(
      propose(
        'champions',
        'board',
        'industry-engagement',
        `${sign}; ${count(chairs.length, 'chair candidate')} named, ${civic} of them civic ${verb(civic, 'entrepreneur', 'entrepreneurs')}`,
        [...signing, ...chairs].map((c) => c.id),
        'champions-signing',
      ),
    );
    const subSectors = new Set(ceos.map((c) => cleanText(c.fields.subSector).toLowerCase()).filter(Boolean));
    const confirmed = ceos.filter((c) => c.fields.status === 'confirmed').length;
    out.push(
      propose(
        'invitations',
        'board',
        'industry-engagement',
        `${count(ceos.length, 'company leader')} from ${count(subSectors.size, 'sub-sector')} on the invitation list; ${confirmed} confirmed`,
        ceos.map((c) => c.id),
        'invitation-list',
      ),
    );
  }

  const plans = board.ofType('launch-plan');
  const atCompany = plans.filter((p) => p.fields.atCompany === true);
  if (atCompany.length > 0) {
    const where = atCompany.map((p) => String(p.fields.location ?? '').trim() || p.title);
    out.push(propose('at-company', 'board', 'industry-engagement', `The launch is hosted at a company’s site: ${nameList(where)}`, atCompany.map((p) => p.id), 'meeting-readiness'));
  }
  return out;
}
