import { COHORT_LIMITS } from '../../shared/api/limits';

/** The server's limits (shared/api/limits.ts). */
export const MAX_TEAMS = COHORT_LIMITS.maxTeams;
export const MAX_TEAM_NAME_LENGTH = COHORT_LIMITS.maxTeamName;

/** The teams typed one per line: trimmed, blank lines dropped; or why they cannot be used. */
export function parseTeamNames(text: string): { teams: string[]; error: string | null } {
  const teams = text
    .split(/\r?\n/)
    .map((t) => t.trim())
    .filter(Boolean);
  if (teams.length === 0) return { teams, error: 'Enter at least one team, one per line.' };
  if (teams.length > MAX_TEAMS) return { teams, error: `At most ${MAX_TEAMS} teams.` };
  const long = teams.find((t) => t.length > MAX_TEAM_NAME_LENGTH);
  if (long) return { teams, error: `“${long.slice(0, 30)}…” is longer than ${MAX_TEAM_NAME_LENGTH} characters.` };
  const seen = new Set<string>();
  for (const t of teams) {
    const key = t.toLocaleLowerCase();
    if (seen.has(key)) return { teams, error: `“${t}” is listed twice; every team needs its own name.` };
    seen.add(key);
  }
  return { teams, error: null };
}
