import type { Figure, FigureStatus, ListFigure, NumberFigure, ResultItem, TableFigure } from '../../shared/results';
import type { ExtractedBoard } from '../kit/extract';
import { byTitle, yesNo } from '../kit/figureKit';
import { cleanText, shorten } from '../kit/text';

/**
 * Derived figures of preparing to launch.
 *
 * Rules:
 *  - Convener: cards decided "lead" or "co" are chosen; one lead, or one or two co-conveners
 *    (no lead), is a sound choice; a chosen organization rated 1 or 2 on credibility, staff time
 *    or neutrality is flagged.
 *  - Support partners: each should have agreed to listen at employer meetings and have a part in
 *    the work written down.
 *  - Chairs: CEOs marked chair candidate; the team looks for the top three (none, or more than
 *    three, is flagged), each with someone to reach out to them.
 *  - Champions signing: CEOs who will sign the invitation and have not declined; one is needed,
 *    three or four is better.
 *  - Invitation list: CEOs by sub-sector (case and spaces ignored, first spelling shown) and
 *    invitation status (empty = not invited yet).
 *  - Meeting readiness, per Launch meeting card: date and time, location, at a company's site,
 *    invitation signed (the card names who signs, or a CEO signs), sent at least 21 days before
 *    the date (both YYYY-MM-DD), follow-up calls.
 */

const text = cleanText;
const rating = (v: unknown): number | null => (typeof v === 'number' ? v : null);
const DAY = 86_400_000;
const LEAD_DAYS = 21;

function convenerChoice(candidates: ResultItem[]): TableFigure {
  const chosen = candidates.filter((c) => c.fields.decision === 'lead' || c.fields.decision === 'co');
  const leads = chosen.filter((c) => c.fields.decision === 'lead').length;
  const sound = (leads === 1 && chosen.length <= 2) || (leads === 0 && chosen.length >= 1 && chosen.length <= 2);
  const rows = byTitle(candidates).map((c) => {
    const r = [rating(c.fields.credibility), rating(c.fields.staffing), rating(c.fields.neutrality)];
    const decision = c.fields.decision === 'lead' ? 'Lead convener' : c.fields.decision === 'co' ? 'Co-convener' : c.fields.decision === 'not-chosen' ? 'Not chosen' : 'Not decided';
    const row: TableFigure['rows'][number] = { key: c.id, cells: [c.title, ...r.map((x) => x ?? ''), decision], itemIds: [c.id] };
    if (chosen.includes(c)) row.status = r.some((x) => x !== null && x <= 2) ? 'warn' : 'ok';
    return row;
  });
  return {
    id: 'convener-choice',
    kind: 'table',
    label: 'Convener',
    help: 'Each candidate rated 1-5 on credibility with the companies, staff time and neutrality; the partnership needs one lead convener or a pair of co-conveners, none weak on any of the three.',
    status: candidates.length === 0 ? 'info' : !sound || rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Organization', 'Trust', 'Staff', 'Neutral', 'Decision'],
    rows,
  };
}

function supportRoles(partners: ResultItem[]): ListFigure {
  const entries = byTitle(partners).map((p) => {
    const listening = p.fields.listening === true;
    const role = text(p.fields.actionRole);
    const says = [listening ? 'listens at employer meetings' : 'not yet agreed to listen at employer meetings', role ? `its part: ${shorten(role)}` : 'its part not written yet'];
    return { text: `${p.title}: ${says.join('; ')}`, status: (listening && role ? 'ok' : 'warn') as FigureStatus, itemIds: [p.id] };
  });
  return {
    id: 'support-roles',
    kind: 'list',
    label: 'Support partners',
    help: 'Every partner other than the convener supports: it listens whenever employers meet, and acts once the priorities are set.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : 'ok',
    entries,
    empty: 'No support partner on the board yet.',
  };
}

const STATUS_LABEL: Record<string, string> = { invited: 'invited', confirmed: 'confirmed', declined: 'declined', '': 'not invited yet' };

function chairCandidates(ceos: ResultItem[]): ListFigure {
  const chairs = byTitle(ceos.filter((c) => c.fields.chairCandidate === true));
  const entries: ListFigure['entries'] = chairs.map((c) => {
    const company = text(c.fields.company);
    const reach = text(c.fields.outreachBy);
    const facts = [c.fields.civicEntrepreneur === true ? 'civic entrepreneur' : '', STATUS_LABEL[String(c.fields.status ?? '')] ?? '', reach ? `reached by ${reach}` : 'nobody to reach out yet'].filter(Boolean);
    return { text: `${c.title}${company ? ` (${company})` : ''}: ${facts.join('; ')}`, status: reach && c.fields.status !== 'declined' ? 'ok' : 'warn', itemIds: [c.id] };
  });
  if (chairs.length > 3) entries.push({ text: `${chairs.length} chair candidates: narrow them to the top three`, status: 'warn' });
  return {
    id: 'chair-candidates',
    kind: 'list',
    label: 'Chair candidates',
    help: 'The top three company leaders the team would ask to chair, each with someone to make the call; civic entrepreneurs make the best chairs.',
    status: ceos.length === 0 ? 'info' : chairs.length === 0 || entries.some((e) => e.status === 'warn') ? 'warn' : 'ok',
    entries,
    empty: 'No chair candidate marked yet.',
  };
}

function championsSigning(ceos: ResultItem[]): NumberFigure {
  const signing = byTitle(ceos.filter((c) => c.fields.signsInvitation === true && c.fields.status !== 'declined'));
  return {
    id: 'champions-signing',
    kind: 'number',
    label: 'Champions signing the invitation',
    help: 'Company leaders who will sign the invitation and welcome everyone: at least one, three or four is better.',
    value: signing.length,
    target: 3,
    status: ceos.length === 0 ? 'info' : signing.length === 0 ? 'warn' : signing.length < 3 ? 'info' : 'ok',
    itemIds: signing.map((c) => c.id),
  };
}

function invitationList(ceos: ResultItem[]): TableFigure {
  const groups = new Map<string, { label: string; items: ResultItem[] }>();
  for (const c of byTitle(ceos)) {
    const label = text(c.fields.subSector);
    const key = label.toLowerCase();
    const g = groups.get(key) ?? { label: label || 'Sub-sector not set', items: [] };
    g.items.push(c);
    groups.set(key, g);
  }
  const keys = [...groups.keys()].sort((a, b) => (a === '' ? 1 : b === '' ? -1 : a < b ? -1 : a > b ? 1 : 0));
  const rows = keys.map((key) => {
    const g = groups.get(key)!;
    const n = (status: string) => g.items.filter((c) => String(c.fields.status ?? '') === status).length;
    const row: TableFigure['rows'][number] = { key: key || 'not-set', cells: [g.label, g.items.length, n(''), n('invited'), n('confirmed'), n('declined')], itemIds: g.items.map((c) => c.id) };
    if (key === '') row.status = 'info';
    return row;
  });
  return {
    id: 'invitation-list',
    kind: 'table',
    label: 'Invitation list by sub-sector',
    help: 'The companies to invite, grouped by sub-sector, and where each invitation stands: the launch needs a critical mass from across the sector.',
    status: 'info',
    columns: ['Sub-sector', 'Leaders', 'Not invited yet', 'Invited', 'Confirmed', 'Declined'],
    rows,
  };
}

function outreachGaps(ceos: ResultItem[]): ListFigure {
  const entries = byTitle(ceos)
    .filter((c) => c.fields.status !== 'declined' && (!text(c.fields.outreachBy) || !text(c.fields.knownBy)))
    .map((c) => {
      const missing = [!text(c.fields.knownBy) && 'nobody on the team knows them yet', !text(c.fields.outreachBy) && 'nobody assigned to reach out'].filter(Boolean);
      return { text: `${c.title}: ${missing.join('; ')}`, status: (text(c.fields.outreachBy) ? 'info' : 'warn') as FigureStatus, itemIds: [c.id] };
    });
  return {
    id: 'outreach-gaps',
    kind: 'list',
    label: 'Leaders nobody is reaching',
    help: 'Company leaders without a personal link on the team or without someone assigned to call them.',
    status: entries.some((e) => e.status === 'warn') ? 'warn' : entries.length ? 'info' : 'ok',
    entries,
    empty: 'Every leader has someone who knows them and someone to call.',
  };
}

/** Days from `sent` to `date` (both YYYY-MM-DD), or null when either is not such a date. */
export function daysAhead(sent: string, date: string): number | null {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (!iso.test(sent) || !iso.test(date)) return null;
  const a = Date.parse(`${sent}T00:00:00Z`);
  const b = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / DAY);
}

function meetingReadiness(plans: ResultItem[], ceos: ResultItem[]): TableFigure {
  const signers = byTitle(ceos.filter((c) => c.fields.signsInvitation === true && c.fields.status !== 'declined'));
  const rows: TableFigure['rows'] = [];
  for (const p of byTitle(plans)) {
    const f = p.fields;
    const prefix = plans.length > 1 ? `${p.title}: ` : '';
    const date = text(f.date);
    const sent = text(f.invitationSent);
    const ahead = daysAhead(sent, date);
    const signedBy = text(f.signedBy) || signers.map((c) => c.title).join(', ');
    const checks: [string, boolean, string][] = [
      ['Date and time set', !!date && !!text(f.time), [date, text(f.time)].filter(Boolean).join(', ')],
      ['Location set', !!text(f.location), text(f.location)],
      ['At a company’s site', f.atCompany === true, f.atCompany === true ? 'yes' : 'not at a company'],
      ['Invitation signed by champions', !!signedBy, signedBy],
      ['Sent 3-4 weeks ahead', ahead !== null && ahead >= LEAD_DAYS, !sent ? 'not sent yet' : ahead === null ? 'dates not as YYYY-MM-DD' : `${ahead} days ahead`],
      ['Follow-up calls made', f.followUpCalls === true, ''],
    ];
    for (const [check, ok, detail] of checks) {
      rows.push({ key: `${p.id}:${check}`, cells: [`${prefix}${check}`, yesNo(ok), detail], status: ok ? 'ok' : 'warn', itemIds: [p.id] });
    }
  }
  return {
    id: 'meeting-readiness',
    kind: 'table',
    label: 'Launch meeting readiness',
    help: `Date, time and place agreed with the chairs, hosted at a company, an invitation the champions sign sent at least ${LEAD_DAYS} days ahead, then follow-up calls.`,
    status: plans.length === 0 ? 'info' : rows.some((r) => r.status === 'warn') ? 'warn' : 'ok',
    columns: ['Check', 'Done', 'Detail'],
    rows,
  };
}

export function figures(board: ExtractedBoard): Figure[] {
  const ceos = board.ofType('ceo');
  return [
    convenerChoice(board.ofType('convener-candidate')),
    supportRoles(board.ofType('support-partner')),
    chairCandidates(ceos),
    championsSigning(ceos),
    invitationList(ceos),
    outreachGaps(ceos),
    meetingReadiness(board.ofType('launch-plan'), ceos),
  ];
}
