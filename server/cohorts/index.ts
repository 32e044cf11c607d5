/** Trainer cohorts: several team boards from one template, run and compared by a trainer (see server/CONTEXT.md). */
export { authorizeCohort, isCohortId } from './auth';
export { cohortAnswer, cohortLink, createCohort, type CohortAnswer, type CreatedCohort } from './cohorts';
export { broadcast, type BroadcastResult } from './broadcast';
export { buildComparison, comparisonCsv, type CohortComparison, type TeamComparison, type TeamResults } from './comparison';
export { comparisonOf } from './cohortResults';
export { buildCohortZip } from './exportZip';
export { createCohortRoutes, isCohortPath, type CohortRequest } from './routes';
