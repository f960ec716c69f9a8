import { markTestRun } from './leftovers';

/** Playwright's global setup; the function it returns is the global teardown. */
export default function globalSetup() {
  return markTestRun();
}
