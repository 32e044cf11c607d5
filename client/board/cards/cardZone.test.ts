import { describe, expect, it } from 'vitest';
import { manyTablesManyKnocksTemplate } from '../../../exercises/many-tables-many-knocks/template';
import { EXERCISES } from '../../../exercises/registry';
import type { ExerciseTemplate } from '../../../shared/template';
import { zoneForNewCard } from './cardZone';

const all = () => true;

describe('the zone a new card goes into', () => {
  const t = manyTablesManyKnocksTemplate;

  it('is the current step’s zone when that zone takes the card’s type', () => {
    expect(zoneForNewCard(t, 'tables', 'gap', all)?.id).toBe('tables');
  });

  it('is the first zone meant for the type when the current one is not', () => {
    expect(zoneForNewCard(t, 'tables', 'quote', all)?.id).toBe('journey');
    expect(zoneForNewCard(t, 'journey', 'action', all)?.id).toBe('real');
    expect(zoneForNewCard(t, null, 'knock', all)?.id).toBe('knocks');
  });

  it('skips zones that are not on the board, and is null when no zone takes the type', () => {
    expect(zoneForNewCard(t, 'tables', 'idea', (id) => id !== 'ideal')?.id).toBe('real');
    expect(zoneForNewCard(t, 'tables', 'organization', all)).toBeNull();
  });

  it('takes any type into a zone that names none', () => {
    const open: ExerciseTemplate = { ...t, zones: [{ id: 'any', label: 'Anything', x: 0, y: 0, w: 10, h: 10 }] };
    expect(zoneForNewCard(open, 'any', 'quote', all)?.id).toBe('any');
  });
});

describe('the zones of every exercise', () => {
  it('name only card types of the exercise’s palette, and every card type has a zone meant for it', () => {
    for (const { template, itemTypes } of EXERCISES) {
      const palette = itemTypes.map((d) => d.type);
      const named = template.zones.flatMap((z) => z.itemTypes ?? []);
      expect(named.filter((type) => !palette.includes(type)), template.id).toEqual([]);
      const homeless = palette.filter((type) => !zoneForNewCard(template, null, type, all));
      expect(homeless, template.id).toEqual([]);
    }
  });

});
