import { randomUUID } from 'node:crypto';
import { lingering } from './processes';

const MARKER = 'BARUGA_TEST_RUN';

/**
 * A test run's promise that it leaves nothing behind: before the run, every process it will start is marked
 * through the environment; after it, any that is still alive (a player, its Chromium, a broker) fails the run by
 * name, and is killed so the machine is clean for the next one.
 */
export function markTestRun(): () => Promise<void> {
  const run = randomUUID();
  process.env[MARKER] = run;
  return async () => {
    // Stopped processes get a moment to finish closing (Chromium flushes its profile on SIGTERM).
    const alive = await lingering(MARKER, run, 10_000);
    if (alive.length === 0) return;
    for (const { pid } of alive) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    throw new Error(
      `The test run left ${alive.length} process(es) running (now killed):\n` +
        alive.map((p) => `  ${p.pid} ${p.command.slice(0, 200)}`).join('\n'),
    );
  };
}
