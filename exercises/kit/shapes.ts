import { T } from '@tldraw/validate';
import { createShapePropsMigrationSequence, type TLPropsMigrations } from '@tldraw/tlschema';
import type { FieldDef, ItemTypeDef } from './definitions';

/**
 * tldraw shape types and prop validators for our custom shapes. Pure data: used by the server
 * (schema for seeding, extraction) and by the client (shape utils).
 */
export const ZONE_SHAPE_TYPE = 'pb-zone';
const ITEM_SHAPE_PREFIX = 'pb-item-';
/** Key in an arrow's `meta` that makes it a typed connector: `{ kind, fields }`. */
export const CONNECTOR_META_KEY = 'pb';

export function itemShapeType(itemType: string): string {
  return `${ITEM_SHAPE_PREFIX}${itemType}`;
}

export function itemTypeOfShape(shapeType: string): string | null {
  return shapeType.startsWith(ITEM_SHAPE_PREFIX) ? shapeType.slice(ITEM_SHAPE_PREFIX.length) : null;
}

const RESERVED_PROPS = new Set(['w', 'h']);

function fieldValidator(field: FieldDef) {
  switch (field.kind) {
    case 'text':
    case 'longtext':
      return T.string;
    case 'choice':
      return T.literalEnum('', ...field.options.map((o) => o.value));
    case 'scale':
      return T.nullable(
        T.integer.check('in-range', (v) => {
          if (v < field.min || v > field.max) throw new Error(`must be between ${field.min} and ${field.max}`);
        }),
      );
    case 'number':
      return T.nullable(
        T.number.check('non-negative', (v) => {
          if (v < 0) throw new Error('must not be negative');
        }),
      );
    case 'boolean':
      return T.boolean;
  }
}

/** tldraw prop validators of an item type: `w`, `h`, and one per field. */
export function itemPropsValidators(def: ItemTypeDef): Record<string, T.Validatable<unknown>> {
  const props: Record<string, T.Validatable<unknown>> = { w: T.nonZeroNumber, h: T.nonZeroNumber };
  for (const field of def.fields) {
    if (RESERVED_PROPS.has(field.key)) throw new Error(`${def.type}: field key "${field.key}" is reserved`);
    props[field.key] = fieldValidator(field);
  }
  return props;
}

/** Prop migrations of an item type (an empty sequence while it is at its first version). */
export function itemMigrations(def: ItemTypeDef): TLPropsMigrations {
  return def.migrations ?? createShapePropsMigrationSequence({ sequence: [] });
}

const CARD_COLORS = [
  'black', 'grey', 'light-violet', 'violet', 'blue', 'light-blue', 'yellow', 'orange', 'green', 'light-green', 'light-red', 'red',
] as const;

export const zonePropsValidators = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  zoneId: T.string,
  label: T.string,
  /** Step number(s) the zone belongs to, shown as a badge ('' when none). */
  badge: T.string,
  color: T.literalEnum(...CARD_COLORS),
};

export const zoneMigrations = createShapePropsMigrationSequence({ sequence: [] });
