import { Suspense } from 'react';
import { ErrorPage } from './components/ErrorPage';
import { ChunkBoundary, lazyChunk } from './components/LazyChunk';
import { startBoardInfo } from './lib/boardInfoEarly';
import { parseRoute } from './lib/route';

// Each route is its own chunk: a board link does not download the home page or the cohort
// dashboard, and the home page does not download the canvas.
const BoardPage = lazyChunk(() => import('./board/BoardPage'), (m) => m.BoardPage);
const HomePage = lazyChunk(() => import('./home/HomePage'), (m) => m.HomePage);
const CohortPage = lazyChunk(() => import('./cohort/CohortPage'), (m) => m.CohortPage);
const SnapshotPage = lazyChunk(() => import('./board/history/SnapshotPage'), (m) => m.SnapshotPage);
const PartnershipPage = lazyChunk(() => import('./partnership/PartnershipPage'), (m) => m.PartnershipPage);

/** The page while its code downloads: the same place and words as the page's own first state. */
function PageLoading({ text }: { text: string }) {
  return (
    <main className="page page-narrow" aria-busy="true">
      <p className="loading" role="status">
        {text}
      </p>
    </main>
  );
}

function Route({ what, loading, children }: { what: string; loading: string; children: React.ReactNode }) {
  return (
    <ChunkBoundary what={what}>
      <Suspense fallback={<PageLoading text={loading} />}>{children}</Suspense>
    </ChunkBoundary>
  );
}

export function App() {
  const route = parseRoute(window.location);
  switch (route.name) {
    case 'home':
      return (
        <Route what="The home page" loading="Loading…">
          <HomePage.Component />
        </Route>
      );
    case 'board':
      // The board's info is asked for now, while the board's code downloads.
      if (route.token) startBoardInfo(route.boardId, route.token);
      return (
        <Route what="The board" loading="Opening the board…">
          <BoardPage.Component boardId={route.boardId} token={route.token} />
        </Route>
      );
    case 'cohort':
      return (
        <Route what="The cohort dashboard" loading="Loading the dashboard…">
          <CohortPage.Component cohortId={route.cohortId} token={route.token} />
        </Route>
      );
    case 'snapshot':
      return (
        <Route what="The board history" loading="Opening the snapshot…">
          <SnapshotPage.Component boardId={route.boardId} snapshotId={route.snapshotId} token={route.token} />
        </Route>
      );
    case 'partnership':
      return (
        <Route what="The partnership" loading="Opening the partnership…">
          <PartnershipPage.Component partnershipId={route.partnershipId} token={route.token} />
        </Route>
      );
    default:
      return (
        <ErrorPage code="not_found" title="Page not found">
          <p>There is nothing at this address.</p>
        </ErrorPage>
      );
  }
}
