import { useEffect } from 'react';
import { usePageShell, type PageShellText } from '../components/usePageShell';
import { ActionPlan } from './PartnershipActionPlan';
import { ChangesSince } from './ChangesSince';
import { MeetingTimeline } from './MeetingTimeline';
import { PartnershipLinks } from './PartnershipLinks';
import { RubricOverTime } from './RubricOverTime';
import { rememberPartnership } from './recentPartnerships';
import { usePartnership } from './usePartnership';
import './partnership.css';

const LIVE_TEXT = { connecting: 'Connecting…', live: 'Live', offline: 'Offline: showing the last copy' } as const;

const SHELL_TEXT: PageShellText = {
  badLink: {
    title: 'This partnership link does not work',
    body: <p>The link is incomplete, or it was replaced by the partnership’s lead. Ask the lead for the current link (it ends in ?token=…).</p>,
  },
  notFound: {
    code: 'partnership_not_found',
    title: 'This partnership does not exist',
    body: <p>There is no partnership at this address. Check that the link was copied whole.</p>,
  },
  failedTitle: 'The partnership could not be opened',
  loading: 'Opening the partnership…',
};

/** A partnership's home at `/p/<id>?token=<lead or member token>`. */
export function PartnershipPage({ partnershipId, token }: { partnershipId: string; token: string | null }) {
  const state = usePartnership(partnershipId, token);
  const { load } = state;
  // Opening the page puts the partnership on this browser's home page (the link is the only way back).
  const okData = load.kind === 'ok' ? load.data : null;
  const [knownId, knownName, knownRole] = [okData?.id, okData?.name, okData?.role];
  useEffect(() => {
    if (knownId && knownName !== undefined && knownRole) rememberPartnership({ id: knownId, name: knownName, role: knownRole, url: window.location.href });
  }, [knownId, knownName, knownRole]);

  const shell = usePageShell({ load, token, text: SHELL_TEXT, title: load.kind === 'ok' ? `${load.data.name} · Partnership` : 'Partnership', retry: state.reload });
  if (shell || load.kind !== 'ok' || !token) return shell;
  const { data } = load;
  const canEdit = data.role === 'lead' || data.memberRole === 'editor';
  const today = new Date().toLocaleDateString('en-CA');
  const liveState = load.offline ? 'offline' : state.live;
  return (
    <div className="page page-wide partnership-page" data-testid="partnership-page" data-role={data.role}>
      <header className="p-header">
        <div>
          <a href="/" className="muted">
            Partnership boards
          </a>
          <h1>{data.name}</h1>
          <p className="muted">
            {data.region} · {data.sector} · {data.boards.length} meeting board{data.boards.length === 1 ? '' : 's'} ·{' '}
            {data.role === 'lead' ? 'lead' : canEdit ? 'member' : 'member (read only)'}
          </p>
        </div>
        <p className={`p-live p-live-${liveState}`} role="status" data-testid="partnership-live" data-state={liveState}>
          {LIVE_TEXT[liveState]}
          {state.pending > 0 && ` · ${state.pending} change${state.pending === 1 ? '' : 's'} waiting to be sent`}
        </p>
      </header>
      {state.refused && (
        <p className="p-refused" role="alert">
          A change was not saved: {state.refused}
        </p>
      )}
      <MeetingTimeline data={data} token={token} onChanged={state.reload} />
      <div className="p-grid">
        <RubricOverTime data={data} canEdit={canEdit} onEdit={state.edit} />
        <div className="p-side">
          <ChangesSince data={data} today={today} />
          <PartnershipLinks data={data} token={token} onChanged={state.reload} />
        </div>
      </div>
      <ActionPlan data={data} canEdit={canEdit} onEdit={state.edit} today={today} />
    </div>
  );
}
