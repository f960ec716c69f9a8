import { type ChangeTopic, ChangeTopic as ChangeTopicSchema, type Changes } from '@baruga/protocol';

/** How many changes the feed remembers; a client further behind is told that everything changed. */
const REMEMBERED = 512;

/**
 * A counter that moves on every change, remembering what kind of thing changed (docs/api.md, "Live updates").
 * Waiters are woken by the next change, or released at their deadline or when the controller closes.
 */
export function createChangeFeed() {
  let seq = 0;
  const recent: { seq: number; topic: ChangeTopic }[] = [];
  const waiters = new Set<() => void>();

  function since(after: number): Changes {
    if (after >= seq) return { seq, topics: [] };
    const oldest = recent[0]?.seq ?? seq + 1;
    if (after < oldest - 1) return { seq, topics: [...ChangeTopicSchema.options] };
    const topics = new Set(recent.filter((c) => c.seq > after).map((c) => c.topic));
    return { seq, topics: ChangeTopicSchema.options.filter((t) => topics.has(t)) };
  }

  return {
    bump(topic: ChangeTopic): void {
      seq += 1;
      recent.push({ seq, topic });
      if (recent.length > REMEMBERED) recent.splice(0, recent.length - REMEMBERED);
      for (const wake of [...waiters]) wake();
    },
    since,
    /** What changed after `after`, at once if something did, else after the next change or `waitMs`. */
    wait(after: number, waitMs: number): Promise<Changes> {
      if (after < seq || waitMs === 0) return Promise.resolve(since(after));
      return new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(since(after));
        };
        const timer = setTimeout(done, waitMs);
        waiters.add(done);
      });
    },
    /** Answers every waiting request now (the controller is closing). */
    release(): void {
      for (const wake of [...waiters]) wake();
    },
  };
}
export type ChangeFeed = ReturnType<typeof createChangeFeed>;

/** Which page's data an audit action changes; null for actions that change nothing a page shows. */
export function topicOfAction(action: string): ChangeTopic | null {
  const domain = action.split('.')[0] ?? '';
  switch (domain) {
    case 'wall':
      return 'screens';
    case 'screen':
      return action === 'screen.groups' ? 'schedule' : 'screens';
    case 'content':
      return 'library';
    case 'playlist':
    case 'layout':
    case 'event':
    case 'daypart':
    case 'announcement':
      return 'schedule';
    case 'player':
      return 'players';
    case 'command':
      return 'delivery';
    case 'source':
      // Trying a definition stores nothing.
      return action === 'source.test' ? null : 'sources';
    case 'alert':
      return 'alerts';
    case 'approval':
      return 'approvals';
    case 'settings':
      return action === 'settings.approval' ? 'approvals' : null;
    case 'user':
    case 'token':
      return 'accounts';
    default:
      return null;
  }
}
