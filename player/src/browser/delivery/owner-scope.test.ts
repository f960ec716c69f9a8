import { describe, expect, it } from 'vitest';
import { simulatedTime } from '../clock/simulated-time';
import { createOwnerScope } from './owner-scope';

describe('an owner scope', () => {
  it('runs its timers until disposed, then cancels them and runs its cleanups in reverse', async () => {
    const sim = simulatedTime(0);
    const scope = createOwnerScope(sim.machine(0));
    const seen: string[] = [];
    scope.every(1_000, () => seen.push(`tick@${sim.now()}`));
    scope.later(1_500, () => seen.push('once'));
    scope.add(() => seen.push('first added'));
    scope.add(() => seen.push('last added'));
    await sim.runUntil(2_000);
    scope.dispose();
    await sim.runUntil(10_000);
    expect(seen).toEqual(['tick@1000', 'once', 'tick@2000', 'last added', 'first added']);
    // Whatever joins a disposed scope is released at once, and its timers never run.
    scope.add(() => seen.push('late'));
    scope.later(1, () => seen.push('never'));
    await sim.runUntil(20_000);
    expect(seen.slice(-1)).toEqual(['late']);
  });
});
