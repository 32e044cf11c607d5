import type { TLPropsMigrations } from '@tldraw/tlschema';
import type { FieldValue } from '../../shared/results';
import type { ExerciseTemplate } from '../../shared/template';
import type { ExtractedBoard } from './extract';
import type { BoardResults, Figure } from '../../shared/results';
import type { ProposedEvidence } from '../../shared/rubric';
import type { ReviewPhaseId } from './review';

/** One choice of a choice field. `value` is stored; `label` is shown. */
export interface FieldOption {
  value: string;
  label: string;
}

/**
 * A field of a typed item or connector.
 *  - text / longtext: a string ('' when empty)
 *  - choice: one of `options` ('' when not chosen)
 *  - scale: an integer from `min` to `max`, or null when not rated
 *  - number: a non-negative number or null
 *  - boolean: true / false
 */
export type FieldDef =
  | { key: string; label: string; kind: 'text' | 'longtext'; placeholder?: string; help?: string }
  | { key: string; label: string; kind: 'choice'; options: FieldOption[]; help?: string }
  | { key: string; label: string; kind: 'scale'; min: number; max: number; minLabel?: string; maxLabel?: string; help?: string }
  | { key: string; label: string; kind: 'number'; help?: string }
  | { key: string; label: string; kind: 'boolean'; help?: string; shortLabel?: string };

/** tldraw colour names usable for a card's accent. */
export type CardColor =
  | 'black' | 'grey' | 'light-violet' | 'violet' | 'blue' | 'light-blue' | 'yellow' | 'orange'
  | 'green' | 'light-green' | 'light-red' | 'red';

/**
 * A typed item: a card on the canvas carrying fields. Its tldraw shape type is
 * `itemShapeType(type)`; its props are `w`, `h` and one prop per field (validated by tldraw).
 * Item types are global: two exercises that use `idea` share one definition.
 */
export interface ItemTypeDef {
  type: string;
  label: string;
  /** One line telling participants what the item is for. */
  description: string;
  color: CardColor;
  /** The field shown as the card's title. */
  titleField: string;
  fields: FieldDef[];
  /**
   * Size of a new card on the canvas. Cards grow to show their text, so `h` is the height of a
   * card with little filled in; 200 × 100 lets a laptop show twenty cards at a readable zoom.
   */
  w: number;
  h: number;
  /**
   * tldraw prop migrations of this item type (createShapePropsMigrationSequence). Add one step
   * whenever a field is added, renamed or changes its values, so boards saved earlier open.
   */
  migrations?: TLPropsMigrations;
}

/** tldraw colour names a connector's line can take. */
export type ConnectorColor = CardColor;

/**
 * How a connector kind looks on the canvas (kit/connectorLook.ts fills in what is omitted, so
 * every kind of every exercise gets a look of its own without declaring one).
 */
export interface ConnectorLook {
  color?: ConnectorColor;
  dash?: 'solid' | 'dashed' | 'dotted';
  /** `end`: an arrowhead at the end (a direction); `both`; `none` for a relation with no direction. */
  arrowheads?: 'end' | 'both' | 'none';
}

/** A kind of typed connector: a tldraw arrow whose `meta.pb` names the kind and its fields. */
export interface ConnectorKindDef {
  kind: string;
  label: string;
  description: string;
  fields: FieldDef[];
  /** Item types allowed at each end (any typed item when omitted). */
  from?: string[];
  to?: string[];
  /** Its line on the canvas (colour, dash, arrowheads); derived from its place in the exercise when omitted. */
  look?: ConnectorLook;
  /**
   * Fields whose values follow the kind in its label on the canvas ("Task force member · Chair").
   * A choice shows its label, a ticked boolean its `shortLabel` (or label), text its value.
   * Default: the first choice field.
   */
  labelFields?: string[];
}

/** Everything the product knows about one exercise. */
export interface ExerciseDef {
  template: ExerciseTemplate;
  /** The palette: item types participants add, in display order. */
  itemTypes: ItemTypeDef[];
  connectorKinds: ConnectorKindDef[];
  /** Derived figures from the extracted items and connections. Pure. */
  figures(board: ExtractedBoard): Figure[];
  /** Rubric evidence the board suggests (stable ids, see ProposedEvidence). Pure; optional. */
  evidence?(board: ExtractedBoard, results: BoardResults): ProposedEvidence[];
  /**
   * The phase of building a partnership whose after-action review questions (kit/review.ts) the
   * team works through in the exercise's debrief (Notes tab). The team can pick another phase
   * there; this is where it starts.
   */
  reviewPhase?: ReviewPhaseId;
  /**
   * Steps whose debrief starts from another phase than `reviewPhase` (step id → phase), e.g. a
   * worksheet whose first part closes "move to action" and whose second part "sustain and evolve".
   */
  stepReviewPhases?: Readonly<Record<string, ReviewPhaseId>>;
  /**
   * Cards every new board of the exercise starts with (the manual's samples, to keep, reword or
   * delete), seeded by the server with the zones (kit/seed.ts `exerciseRecords`). Each is of one
   * of the exercise's own item types and sits in a zone of its template.
   */
  starterItems?: readonly StarterItem[];
}

/** A card a new board starts with: its type, the zone it sits in, a position in that zone and its fields. */
export interface StarterItem {
  type: string;
  zoneId: string;
  /** Offset of the card's top-left corner from the zone's top-left. */
  x: number;
  y: number;
  fields: Record<string, FieldValue>;
}

export function defaultFieldValue(field: FieldDef): FieldValue {
  switch (field.kind) {
    case 'text':
    case 'longtext':
    case 'choice':
      return '';
    case 'scale':
    case 'number':
      return null;
    case 'boolean':
      return false;
  }
}

export function defaultFields(fields: FieldDef[]): Record<string, FieldValue> {
  return Object.fromEntries(fields.map((f) => [f.key, defaultFieldValue(f)]));
}

/** Shows a stored value the way a person reads it (choice labels, empty as ''). */
export function displayValue(field: FieldDef, value: FieldValue | undefined): string {
  if (value === null || value === undefined || value === '') return '';
  if (field.kind === 'choice') return field.options.find((o) => o.value === value)?.label ?? String(value);
  if (field.kind === 'boolean') return value ? 'Yes' : 'No';
  if (field.kind === 'scale') return `${value} / ${field.max}`;
  return String(value);
}
