import type { TLBaseShape } from 'tldraw';
import type { CardColor } from '../../../exercises/kit/definitions';
import type { FieldValue } from '../../../shared/results';

/** Props of a template zone (`pb-zone`), as validated by `zonePropsValidators`. */
export interface ZoneShapeProps {
  w: number;
  h: number;
  zoneId: string;
  label: string;
  badge: string;
  color: CardColor;
}

/**
 * Props of a typed item (`pb-item-<type>`): its size plus one prop per field of its item type,
 * as validated by `itemPropsValidators(def)`.
 */
export type ItemShapeProps = { w: number; h: number } & Record<string, FieldValue>;

export type ItemShapeType = `pb-item-${string}`;

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    'pb-zone': ZoneShapeProps;
    [type: ItemShapeType]: ItemShapeProps;
  }
}

export type ZoneShape = TLBaseShape<'pb-zone', ZoneShapeProps>;
export type ItemShape = TLBaseShape<ItemShapeType, ItemShapeProps>;
