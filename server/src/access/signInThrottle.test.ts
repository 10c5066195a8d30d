import { describe, expect, it } from 'vitest';
import { FailureSlowDown } from './FailureLimiter.js';
import { SignInThrottle, defaultSignInPolicies } from './signInThrottle.js';

/** A clock the test moves by hand: delays are asserted, never waited for. */
function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('FailureSlowDown', () => {
  const policy = { free: 3, firstDelayMs: 1000, maxDelayMs: 8000, forgetAfterMs: 60_000 };

  it('hears the free failures at once, then doubles the wait up to its cap, never a lock', () => {
    const c = clock();
    const slow = new FailureSlowDown(policy, c.now);
    const waits = [];
    for (let i = 0; i < 8; i++) {
      waits.push(slow.waitMs('k'));
      c.advance(slow.waitMs('k'));
      slow.fail('k');
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000, 8000]);
    expect(slow.waitMs('k')).toBe(8000);
    // The wait runs from the last failure: once it has passed, the next attempt is heard.
    c.advance(7999);
    expect(slow.waitMs('k')).toBe(1);
    c.advance(1);
    expect(slow.waitMs('k')).toBe(0);
  });

  it('forgets a key some time after its last failure, and at once after a success', () => {
    const c = clock();
    const slow = new FailureSlowDown(policy, c.now);
    for (let i = 0; i < 5; i++) slow.fail('a');
    for (let i = 0; i < 5; i++) slow.fail('b');
    expect(slow.waitMs('a')).toBeGreaterThan(0);
    slow.succeed('a');
    expect(slow.waitMs('a')).toBe(0);
    c.advance(60_001);
    expect(slow.waitMs('b')).toBe(0);
    slow.fail('b');
    expect(slow.waitMs('b')).toBe(0);
  });
});

describe('SignInThrottle', () => {
  const owner = 'proprietaire@ccas.example.fr';

  it('slows one address guessing an account, not the owner signing in from another', () => {
    const c = clock();
    const throttle = new SignInThrottle(defaultSignInPolicies, c.now);
    for (let i = 0; i < 12; i++) {
      c.advance(throttle.waitMs('203.0.113.7', owner));
      throttle.failed('203.0.113.7', owner);
    }
    const wait = throttle.waitMs('203.0.113.7', owner);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60_000);
    expect(throttle.waitMs('198.51.100.20', owner)).toBe(0);
    // The guesser's other targets are heard: one address is slowed only past 100 failures.
    expect(throttle.waitMs('203.0.113.7', 'autre@ccas.example.fr')).toBe(0);
  });

  it('slows many addresses guessing one account, sparing the addresses the owner uses', () => {
    const c = clock();
    const throttle = new SignInThrottle(defaultSignInPolicies, c.now);
    throttle.succeeded('198.51.100.20', owner);
    for (let i = 0; i < 40; i++) throttle.failed(`203.0.113.${i}`, owner);
    expect(throttle.waitMs('203.0.113.200', owner)).toBeGreaterThan(0);
    expect(throttle.waitMs('198.51.100.20', owner)).toBe(0);
    // Slowed, never locked: a minute later a new address is heard again.
    c.advance(60_000);
    expect(throttle.waitMs('203.0.113.200', owner)).toBe(0);
  });

  it('never slows a workshop of forty signing in from one address, a typo each', () => {
    const throttle = new SignInThrottle();
    for (let i = 0; i < 40; i++) {
      const email = `agent${i}@ccas.example.fr`;
      expect(throttle.waitMs('192.0.2.1', email)).toBe(0);
      throttle.failed('192.0.2.1', email);
      expect(throttle.waitMs('192.0.2.1', email)).toBe(0);
      throttle.succeeded('192.0.2.1', email);
    }
  });
});
