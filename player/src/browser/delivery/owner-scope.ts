import type { Timers } from '../clock/timers';

/**
 * What one part of the player session holds (VS Code's DisposableStore, tldraw's owner-scoped timers): timers
 * that die with it and cleanups run in reverse order. One-shot timers forget themselves when they fire, so
 * months of retries leave nothing behind.
 */
export interface OwnerScope {
  readonly disposed: boolean;
  /** Runs `cleanup` when the scope is disposed (at once if it already is). */
  add(cleanup: () => void): void;
  /** Calls `fn` after `ms` unless the scope is disposed first; returns the cancel. */
  later(ms: number, fn: () => void): () => void;
  /** Calls `fn` every `ms` until the scope is disposed (never a raw setInterval). */
  every(ms: number, fn: () => void): void;
  dispose(): void;
}

export function createOwnerScope(timers: Pick<Timers, 'after'>): OwnerScope {
  const cleanups: (() => void)[] = [];
  const pending = new Set<() => void>();
  let disposed = false;

  const scope: OwnerScope = {
    get disposed() {
      return disposed;
    },
    add(cleanup) {
      if (disposed) cleanup();
      else cleanups.push(cleanup);
    },
    later(ms, fn) {
      if (disposed) return () => undefined;
      const cancel = timers.after(ms, () => {
        pending.delete(cancel);
        fn();
      });
      pending.add(cancel);
      return () => {
        pending.delete(cancel);
        cancel();
      };
    },
    every(ms, fn) {
      const tick = () => {
        fn();
        scope.later(ms, tick);
      };
      scope.later(ms, tick);
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const cancel of pending) cancel();
      pending.clear();
      for (const cleanup of cleanups.splice(0).reverse()) cleanup();
    },
  };
  return scope;
}
