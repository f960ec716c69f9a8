import { ErrorCode, type Manifest, type Result, err, ok } from '@baruga/protocol';

/** How many screens a fan-out compiles, stores and sends together: enough to overlap broker round trips and share
 * one database commit, few enough that the first players hear of an edit at once. */
export const FAN_OUT = 64;

/** A manifest with its version, and the exact signed bytes that go on the wire. */
export interface StoredManifest {
  manifest: Manifest;
  signed: string;
}

/** Runs `work` over `items`, at most `size` at a time. */
export async function inPool<T>(items: readonly T[], size: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, lane));
}

const failed = (error: unknown) => err({ code: ErrorCode.brokerUnavailable, message: String(error) });

/**
 * Publishing to many screens at once, in batches of FAN_OUT. Each batch is compiled (synchronous work, renditions
 * aside), stored in one transaction (one commit for the batch, a savepoint per screen so one failure leaves the
 * others stored), then sent: every send of the batch is in flight together, and the next batch compiles while
 * they wait for the broker's acknowledgements. One batch's sends at most are outstanding, so memory and the
 * broker's queue stay bounded however many screens one edit touches.
 */
export async function fanOut(
  screenIds: Iterable<string>,
  steps: {
    prepare(screenId: string): Promise<Result<Manifest>>;
    /** Runs inside `transaction`. */
    store(screenId: string, compiled: Manifest): StoredManifest;
    send(screenId: string, signed: string): Promise<void>;
    transaction<T>(work: () => T): T;
  },
  batchSize = FAN_OUT,
): Promise<Map<string, Result<Manifest>>> {
  const outcomes = new Map<string, Result<Manifest>>();
  const ids = [...new Set(screenIds)].sort();
  let sending: Promise<unknown> = Promise.resolve();
  for (let start = 0; start < ids.length; start += batchSize) {
    const compiled: [string, Manifest][] = [];
    for (const id of ids.slice(start, start + batchSize)) {
      try {
        const result = await steps.prepare(id);
        if (result.ok) compiled.push([id, result.value]);
        else outcomes.set(id, result);
      } catch (error) {
        outcomes.set(id, failed(error));
      }
    }
    const stored = steps.transaction(() =>
      compiled.flatMap(([id, manifest]) => {
        try {
          return [{ id, ...steps.transaction(() => steps.store(id, manifest)) }];
        } catch (error) {
          outcomes.set(id, failed(error));
          return [];
        }
      }),
    );
    // The previous batch's acknowledgements first, then this batch goes out while the next one compiles.
    await sending;
    sending = Promise.all(
      stored.map(({ id, manifest, signed }) =>
        steps.send(id, signed).then(
          () => outcomes.set(id, ok(manifest)),
          (error: unknown) => outcomes.set(id, failed(error)),
        ),
      ),
    );
  }
  await sending;
  return outcomes;
}
