import { markTestRun } from './leftovers';

let check: (() => Promise<void>) | undefined;

/** Vitest's global setup and teardown: the unit tests leave no process behind either. */
export function setup() {
  check = markTestRun();
}

export async function teardown() {
  try {
    await check?.();
  } catch (error) {
    // Vitest reports a teardown error but still exits 0; the run must fail.
    process.exitCode = 1;
    throw error;
  }
}
