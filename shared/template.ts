/**
 * What an exercise template is: the board a team starts from. Templates are versioned; a board
 * remembers the template id and version it was created from.
 */
export interface TemplateZone {
  id: string;
  label: string;
  /** tldraw colour name of the zone's tint (grey when omitted). */
  color?: 'black' | 'grey' | 'light-violet' | 'violet' | 'blue' | 'light-blue' | 'yellow' | 'orange' | 'green' | 'light-green' | 'light-red' | 'red';
  x: number;
  y: number;
  w: number;
  h: number;
  /**
   * Item types this zone is meant for (any when omitted). A new card goes into the current step's
   * zone when that zone takes its type, else into the first zone that does.
   */
  itemTypes?: string[];
}

export interface TemplateStep {
  id: string;
  title: string;
  prompt: string;
  /** Suggested duration in minutes. */
  minutes: number;
  /** Zone the step works in, if any. */
  zoneId?: string;
}

export interface TemplateVariant {
  id: string;
  title: string;
}

export interface ExerciseTemplate {
  id: string;
  title: string;
  purpose: string;
  version: number;
  variants?: TemplateVariant[];
  steps: TemplateStep[];
  zones: TemplateZone[];
  /**
   * Zone ids of earlier template versions mapped to the current ones, so that a board created
   * from an older version (its zone shapes carry the old ids) still extracts into today's steps.
   */
  zoneAliases?: Record<string, string>;
  /**
   * Rows a new board's action plan starts with (the action's text; owner and due date empty),
   * e.g. a worksheet's standard next steps. Seeded by the server with the zones.
   */
  startingActions?: readonly string[];
}

