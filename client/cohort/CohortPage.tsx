import { useEffect, useId, useMemo, useState } from 'react';
import { useValue } from 'tldraw';
import { ServerClock } from '../lib/serverClock';
import { ErrorPage } from '../components/ErrorPage';
import { usePageShell, type PageLoad, type PageShellText } from '../components/usePageShell';
import { TabList, tabIds } from '../components/Tabs';
import { ApiError, listTemplates, NetworkError, type TemplateListing } from '../lib/api';
import { readJson, writeJson } from '../lib/localSettings';
import { BroadcastPanel } from './BroadcastPanel';
import { NewLinkNotice } from '../components/NewLinkNotice';
import { rememberNewLink } from '../lib/newLink';
import { CohortLinks, type LinkReplacing } from './CohortLinks';
import { getCohort, replaceTeamLink, replaceTrainerLink, type CohortInfo } from './cohortApi';
import { ComparisonView } from './ComparisonView';
import { suggestedStep } from './nextStep';
import { rememberCohort } from './recentCohorts';
import { formatDateTime } from './relativeTime';
import { isWorking, parseStuckMinutes, STUCK_MINUTES_CHOICES, STUCK_MINUTES_KEY, stuckFor } from './stuck';
import { TeamTile, type TileModel } from './TeamTile';
import { useCohortLive, type LiveStatus } from './useCohortLive';
import { useNow } from './useNow';
import './cohort.css';

type Load = PageLoad<{ kind: 'ok'; cohort: CohortInfo }>;
type Tab = 'teams' | 'comparison' | 'links';

const SHELL_TEXT: PageShellText = {
  badLink: {
    title: 'This trainer link does not work',
    body: (
      <p>
        The link is incomplete or its key is wrong. Open the dashboard with the trainer link you got when the cohort was made (it ends
        in <code>?token=…</code>); the home page lists the cohorts this browser created.
      </p>
    ),
  },
  notFound: {
    code: 'cohort_not_found',
    title: 'This cohort does not exist',
    body: <p>There is no cohort at this address. Check that the link was copied whole.</p>,
  },
  failedTitle: 'The dashboard could not be opened',
  loading: 'Opening the cohort…',
};

/** The trainer's cohort dashboard at `/c/<id>?token=<trainer token>`. */
export function CohortPage({ cohortId, token }: { cohortId: string; token: string | null }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // `attempt` is the "Try again" button: a new value reads the cohort again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (!token) return;
    let live = true;
    setLoad({ kind: 'loading' });
    getCohort(cohortId, token)
      .then((cohort) => live && setLoad({ kind: 'ok', cohort }))
      .catch((e) => {
        if (!live) return;
        if (e instanceof ApiError) setLoad({ kind: 'error', status: e.status, code: e.code, message: e.message });
        else setLoad({ kind: 'error', status: null, code: 'network', message: e instanceof NetworkError ? 'The server could not be reached.' : String(e) });
      });
    return () => {
      live = false;
    };
  }, [cohortId, token, attempt]);

  const shell = usePageShell({
    load,
    token,
    text: SHELL_TEXT,
    title: load.kind === 'ok' ? `${load.cohort.name} · Cohort dashboard` : 'Cohort dashboard',
    retry: () => setAttempt((n) => n + 1),
  });
  // A replaced link says so, instead of "this link does not work" (it did, until it was replaced).
  if (load.kind === 'error' && load.code === 'link_replaced') return <TrainerLinkReplaced />;
  if (shell || load.kind !== 'ok' || !token) return shell;
  return <Dashboard cohort={load.cohort} token={token} onCohort={(cohort) => setLoad({ kind: 'ok', cohort })} />;
}

/** The trainer link was replaced (here or elsewhere): it opens nothing any more. */
function TrainerLinkReplaced() {
  return (
    <ErrorPage code="link_replaced" title="This trainer link was replaced by a new one">
      <p>
        Someone with this trainer link made a new one, so this one no longer opens the dashboard. Use the new trainer link; the
        teams’ links are not affected.
      </p>
    </ErrorPage>
  );
}

const STATUS_TEXT: Record<LiveStatus, string> = { connecting: 'Connecting…', live: 'Live', reconnecting: 'Reconnecting…', refused: 'Link replaced' };

function Dashboard({ cohort, token, onCohort }: { cohort: CohortInfo; token: string; onCohort(cohort: CohortInfo): void }) {
  const [templates, setTemplates] = useState<TemplateListing[] | null>(null);
  const [tab, setTab] = useState<Tab>('teams');
  const [stuckMinutes, setStuckMinutes] = useState(() => parseStuckMinutes(readJson<unknown>(STUCK_MINUTES_KEY)));
  const clock = useMemo(() => new ServerClock(), []);
  useEffect(() => () => clock.dispose(), [clock]);
  useValue('clockEstimate', () => clock.estimate.get(), [clock]);
  const live = useCohortLive(cohort.id, token, true, () => clock.now());
  const anyRunning = [...live.boards.values()].some((b) => b.timer?.status === 'running');
  useNow(anyRunning ? 1000 : 15_000);
  const now = clock.now();
  const tabsId = useId();

  useEffect(() => {
    listTemplates()
      .then((list) => setTemplates(Array.isArray(list) ? list : []))
      .catch(() => setTemplates([]));
  }, []);
  const template = templates?.find((t) => t.id === cohort.templateId);
  const variantTitle = cohort.variant ? (template?.variants.find((v) => v.id === cohort.variant)?.title ?? cohort.variant) : null;
  const steps = template?.steps ?? [];

  // Opening the dashboard puts the cohort on this browser's home page.
  useEffect(() => {
    rememberCohort({
      id: cohort.id,
      name: cohort.name,
      trainerUrl: window.location.href,
      createdAt: cohort.createdAt,
      ...(template ? { templateTitle: template.title } : {}),
      teams: cohort.boards.length,
    });
  }, [cohort, template]);

  const tiles: TileModel[] = cohort.boards.map((b) => {
    const summary = live.boards.get(b.id) ?? null;
    const lastActivity = summary?.lastActivity ? Date.parse(summary.lastActivity) : Number.NaN;
    const stuck = summary
      ? stuckFor({
          working: isWorking(summary),
          lastActivity: Number.isNaN(lastActivity) ? null : lastActivity,
          workingSince: live.workingSince.get(b.id) ?? null,
          now,
          thresholdMs: stuckMinutes * 60_000,
        })
      : null;
    return { boardId: b.id, team: b.team, links: b.links, summary, stuck };
  });
  const working = tiles.filter((t) => t.summary && isWorking(t.summary)).length;
  const stuckCount = tiles.filter((t) => t.stuck).length;
  const teamOf = (boardId: string) => cohort.boards.find((b) => b.id === boardId)?.team;
  const ids = tabIds(tabsId, tab);
  const replacing: LinkReplacing = {
    async trainer() {
      const { link } = await replaceTrainerLink(cohort.id, token);
      rememberCohort({ id: cohort.id, name: cohort.name, trainerUrl: link, createdAt: cohort.createdAt, teams: cohort.boards.length });
      rememberNewLink(cohort.id);
      window.location.replace(link);
      return link;
    },
    async team(boardId, role) {
      const { link } = await replaceTeamLink(cohort.id, token, boardId, role);
      onCohort({ ...cohort, boards: cohort.boards.map((b) => (b.id === boardId ? { ...b, links: { ...b.links, [role]: link } } : b)) });
      return link;
    },
  };

  if (live.status === 'refused') return <TrainerLinkReplaced />;

  return (
    <div className="page page-wide cohort-page" data-testid="cohort-dashboard">
      <header className="cohort-header">
        <div className="cohort-title">
          <a href="/" className="muted cohort-home">
            Partnership boards
          </a>
          <h1>{cohort.name}</h1>
          <p className="muted">
            {[template?.title ?? cohort.templateId, variantTitle].filter(Boolean).join(' · ')} · {cohort.boards.length}{' '}
            {cohort.boards.length === 1 ? 'team' : 'teams'}
            {cohort.createdAt ? ` · created ${formatDateTime(cohort.createdAt)}` : ''}
          </p>
        </div>
        <p className={`live-status live-${live.status}`} role="status" data-testid="live-status" data-state={live.status}>
          <span className="live-dot" aria-hidden="true" />
          {STATUS_TEXT[live.status]}
        </p>
      </header>

      <NewLinkNotice id={cohort.id} what="trainer" />
      <TabList<Tab>
        label="Dashboard views"
        idPrefix={tabsId}
        className="cohort-tabs"
        tabs={[
          { id: 'teams', label: 'Teams', testId: 'cohort-tab-teams' },
          { id: 'comparison', label: 'Comparison', testId: 'cohort-tab-comparison' },
          { id: 'links', label: 'Links', testId: 'cohort-tab-links' },
        ]}
        selected={tab}
        onSelect={setTab}
      />

      <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab} className="cohort-panel">
        {tab === 'teams' && (
          <div className="teams-layout">
            <section aria-labelledby={`${tabsId}-teams-heading`} className="teams-main">
              <div className="teams-toolbar">
                <h2 id={`${tabsId}-teams-heading`} className="visually-hidden">
                  Teams
                </h2>
                <p className="teams-summary" data-testid="teams-summary">
                  {!live.loaded
                    ? 'Waiting for the first news from the boards…'
                    : `${working} of ${tiles.length} ${tiles.length === 1 ? 'team' : 'teams'} working${stuckCount > 0 ? `, ${stuckCount} maybe stuck` : ''}`}
                </p>
                <label className="stuck-select">
                  Flag a working team as stuck after{' '}
                  <select
                    value={stuckMinutes}
                    onChange={(e) => {
                      const m = parseStuckMinutes(e.target.value);
                      setStuckMinutes(m);
                      writeJson(STUCK_MINUTES_KEY, m);
                    }}
                    data-testid="stuck-minutes"
                  >
                    {STUCK_MINUTES_CHOICES.map((m) => (
                      <option key={m} value={m}>
                        {m} min
                      </option>
                    ))}
                  </select>{' '}
                  without a change
                </label>
                <p className="stuck-hint muted">
                  A team is working while someone with an editor or facilitator link has its board open. Idle time counts from its last
                  change, or from when this page saw the team arrive if that was later.
                </p>
              </div>
              <div className="tiles" data-testid="tiles">
                {tiles.map((t) => (
                  <TeamTile key={t.boardId} tile={t} steps={steps} now={now} />
                ))}
              </div>
            </section>
            <BroadcastPanel
              cohortId={cohort.id}
              token={token}
              steps={steps}
              suggestedStepId={suggestedStep(
                steps,
                tiles.map((t) => t.summary?.stepId ?? null),
              )}
              teamOf={teamOf}
            />
          </div>
        )}
        {tab === 'comparison' && <ComparisonView cohortId={cohort.id} token={token} />}
        {tab === 'links' && (
          <section className="card">
            <h2>Links</h2>
            <CohortLinks
              data={{ name: cohort.name, trainer: cohort.links?.trainer ?? window.location.href, boards: cohort.boards }}
              replacing={replacing}
            />
          </section>
        )}
      </div>
    </div>
  );
}
