import { clockFor, clockStartingOn, parisDateOf, systemClock, type Clock } from '../../src/clock';
import { productionEnv } from '../support/productionEnv';
import { loadConfig } from '../../src/config';

/** A real clock stopped at one instant, to see what the shifted clock does with it. */
function stoppedAt(instant: string): Clock {
  return { now: () => new Date(instant), today: () => parisDateOf(new Date(instant)) };
}

describe('the application clock', () => {
  it('gives the French date of an instant (Paris, not UTC)', () => {
    expect(parisDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(parisDateOf(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
    expect(parisDateOf(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
  });

  it('starts on the given day and moves the instant by whole days', () => {
    const clock = clockStartingOn('2027-01-15', stoppedAt('2026-12-01T10:00:00Z'));
    expect(clock.today()).toBe('2027-01-15');
    expect(clock.now().toISOString()).toBe('2027-01-15T10:00:00.000Z');
    expect(clockStartingOn('2025-08-31', stoppedAt('2026-12-01T10:00:00Z')).today()).toBe('2025-08-31');
  });

  it('follows real days after its start', () => {
    let instant = '2026-12-01T10:00:00Z';
    const real: Clock = { now: () => new Date(instant), today: () => parisDateOf(new Date(instant)) };
    const clock = clockStartingOn('2027-08-31', real);
    instant = '2026-12-02T10:00:00Z';
    expect(clock.today()).toBe('2027-09-01');
  });

  it('refuses a day that does not exist', () => {
    expect(() => clockStartingOn('2027-02-30')).toThrow(RangeError);
  });

  it('takes PSTAGE_TODAY outside production and ignores it in production', () => {
    const development = loadConfig({ NODE_ENV: 'development', PSTAGE_TODAY: '2027-07-01' });
    expect(clockFor(development).today()).toBe('2027-07-01');
    const production = loadConfig({ ...productionEnv, PSTAGE_TODAY: '2027-07-01' });
    expect(production.today).toBeUndefined();
    expect(clockFor(production)).toBe(systemClock);
  });

  it('refuses a malformed PSTAGE_TODAY with its name', () => {
    expect(() => loadConfig({ NODE_ENV: 'development', PSTAGE_TODAY: '15/01/2027' })).toThrow(/PSTAGE_TODAY/);
  });
});
