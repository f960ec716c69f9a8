import type { FastifyBaseLogger } from 'fastify';
import type { Publisher } from './publisher';

/**
 * Republishes screens after an edit that changes what they carry; answers the ids that went out. The edit itself
 * stands: a screen that cannot publish (a missing asset in its loop, the broker gone) says why in the log, and is
 * left out of the answer.
 */
export function createRepublisher(publisher: Publisher, log: FastifyBaseLogger) {
  return async function republish(screenIds: Iterable<string>): Promise<string[]> {
    const done: string[] = [];
    // A bounded number at a time (publisher.publishMany); one screen that cannot publish does not stop the others.
    for (const [id, result] of await publisher.publishMany(screenIds)) {
      if (result.ok) done.push(id);
      else log.warn({ screen: id, error: result.error }, 'republish after a schedule change failed');
    }
    return done.sort();
  };
}
export type Republish = ReturnType<typeof createRepublisher>;
