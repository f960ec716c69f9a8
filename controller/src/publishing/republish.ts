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
    for (const id of [...new Set(screenIds)].sort()) {
      try {
        const result = await publisher.publish(id);
        if (result.ok) done.push(id);
        else log.warn({ screen: id, error: result.error }, 'republish after a schedule change failed');
      } catch (error) {
        log.warn({ screen: id, err: error }, 'republish after a schedule change failed');
      }
    }
    return done;
  };
}
export type Republish = ReturnType<typeof createRepublisher>;
