import { useId, useState } from 'react';
import { rememberCohort } from '../cohort/recentCohorts';
import { TabList, tabIds } from '../components/Tabs';
import { rememberBoard } from '../lib/recentBoards';
import { CreateBoardForm, type CreatedBoard } from './CreateBoardForm';
import { CreateCohortForm, type CreatedCohort as CreatedCohortData } from './CreateCohortForm';
import { CreatedCohort } from './CreatedCohort';
import { CreatedLinks } from './CreatedLinks';
import { RecentLists } from './RecentLists';
import { CreatePartnershipForm } from '../partnership/CreatePartnershipForm';
import { RecentPartnershipList } from '../partnership/RecentPartnershipList';

type Mode = 'board' | 'cohort' | 'partnership';

export function HomePage() {
  const [mode, setMode] = useState<Mode>('board');
  const [created, setCreated] = useState<CreatedBoard | null>(null);
  const [createdCohort, setCreatedCohort] = useState<CreatedCohortData | null>(null);
  const tabsId = useId();
  const ids = tabIds(tabsId, mode);

  return (
    <div className="page">
      <header className="site-header">
        <h1>Partnership boards</h1>
        <p className="muted">Shared whiteboards for partnership workshops: create a board, share the links, work together live.</p>
      </header>
      <main className="home-grid">
        {createdCohort ? (
          // The team links need the page's width; the lists move below.
          <CreatedCohort created={createdCohort} onDismiss={() => setCreatedCohort(null)} />
        ) : created ? (
          <CreatedLinks created={created.res} title={created.title} onDismiss={() => setCreated(null)} />
        ) : (
          <div className="card create-card">
            <TabList<Mode>
              label="What to create"
              idPrefix={tabsId}
              tabs={[
                { id: 'board', label: 'A board', testId: 'home-tab-board' },
                { id: 'cohort', label: 'A cohort of teams', testId: 'home-tab-cohort' },
                { id: 'partnership', label: 'A partnership', testId: 'home-tab-partnership' },
              ]}
              selected={mode}
              onSelect={setMode}
            />
            <div role="tabpanel" id={ids.panel} aria-labelledby={ids.tab}>
              {mode === 'partnership' ? (
                <CreatePartnershipForm />
              ) : mode === 'board' ? (
                <CreateBoardForm
                  onCreated={(c) => {
                    // Remember the facilitator link right away: losing it means losing control of the board.
                    rememberBoard({ id: c.res.id, title: c.title, region: c.region, sector: c.sector, role: 'facilitator', url: c.res.links.facilitator });
                    setCreated(c);
                  }}
                />
              ) : (
                <CreateCohortForm
                  onCreated={(c) => {
                    // Same for the trainer link: it is the only way back to the dashboard.
                    rememberCohort({
                      id: c.res.id,
                      name: c.name,
                      trainerUrl: c.res.links.trainer,
                      createdAt: new Date().toISOString(),
                      templateTitle: c.templateTitle,
                      teams: c.res.boards.length,
                    });
                    setCreatedCohort(c);
                  }}
                />
              )}
            </div>
          </div>
        )}
        <RecentLists />
        <RecentPartnershipList />
      </main>
    </div>
  );
}
