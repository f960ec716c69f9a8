import { markTestRun } from './leftovers';

let check: (() => Promise<void>) | undefined;

/** Vitest's global setup and teardown: the unit tests leave no process behind either. */
export function setup() {
  check = markTestRun();
}

export async function teardown() {
  await check?.();
}
