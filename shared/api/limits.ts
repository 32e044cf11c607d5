/**
 * Limits of what the API accepts, checked by the server's request schemas and shown by the
 * forms before anything is sent.
 */

/** Board title, region and sector; a cohort's and a partnership's name, region and sector. */
export const FIELD_MAX_LENGTH = 120;

/** Trainer cohorts: teams per cohort, their names, and a broadcast timer's minutes. */
export const COHORT_LIMITS = { maxTeams: 40, maxName: FIELD_MAX_LENGTH, maxTeamName: 60, maxRegion: FIELD_MAX_LENGTH, maxMinutes: 240 } as const;
