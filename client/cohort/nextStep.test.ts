import { describe, expect, it } from 'vitest';
import { suggestedStep } from './nextStep';

const steps = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];

describe('suggestedStep', () => {
  it('offers the first step while no board has started', () => {
    expect(suggestedStep(steps, [null, null])).toBe('a');
    expect(suggestedStep(steps, [])).toBe('a');
  });

  it('offers the step after the one most boards are on', () => {
    expect(suggestedStep(steps, ['a', 'a', 'b'])).toBe('b');
    expect(suggestedStep(steps, ['b', null, 'b', 'a'])).toBe('c');
  });

  it('breaks ties towards the later step and stays on the last step', () => {
    expect(suggestedStep(steps, ['a', 'b'])).toBe('c');
    expect(suggestedStep(steps, ['c', 'c'])).toBe('c');
  });

  it('ignores steps the template does not have, and has nothing to offer without steps', () => {
    expect(suggestedStep(steps, ['zzz'])).toBe('a');
    expect(suggestedStep([], ['a'])).toBeNull();
  });
});
