import { describe, expect, it } from 'vitest';
import { isClientWrite } from './clientWrite';
import { REPAIR_ORIGIN, SERVER_ORIGIN } from './Room';
import { CONTROL_GUARD_ORIGIN } from './ControlGuard';

describe('is this a client write?', () => {
  it('is for a write whose origin is a connection (it carries its link role)', () => {
    expect(isClientWrite({ role: 'editor', id: 3 })).toBe(true);
  });

  it('is not for the server: loading, repair, its own writes, the guards, or no origin', () => {
    for (const origin of ['load', REPAIR_ORIGIN, SERVER_ORIGIN, CONTROL_GUARD_ORIGIN, null, undefined, {}, 42]) {
      expect(isClientWrite(origin), String(origin)).toBe(false);
    }
  });
});
