import { ErrorPage } from './components/ErrorPage';
import { BoardPage } from './board/BoardPage';
import { CohortPage } from './cohort/CohortPage';
import { HomePage } from './home/HomePage';
import { PartnershipPage } from './partnership/PartnershipPage';
import { SnapshotPage } from './board/history/SnapshotPage';
import { parseRoute } from './lib/route';

export function App() {
  const route = parseRoute(window.location);
  switch (route.name) {
    case 'home':
      return <HomePage />;
    case 'board':
      return <BoardPage boardId={route.boardId} token={route.token} />;
    case 'cohort':
      return <CohortPage cohortId={route.cohortId} token={route.token} />;
    case 'snapshot':
      return <SnapshotPage boardId={route.boardId} snapshotId={route.snapshotId} token={route.token} />;
    case 'partnership':
      return <PartnershipPage partnershipId={route.partnershipId} token={route.token} />;
    default:
      return (
        <ErrorPage code="not_found" title="Page not found">
          <p>There is nothing at this address.</p>
        </ErrorPage>
      );
  }
}
