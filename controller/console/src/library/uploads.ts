import type { LibraryItem } from '@baruga/protocol';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';

export type UploadState =
  | { phase: 'waiting' }
  | { phase: 'sending'; fraction: number }
  | { phase: 'processing'; fraction: number }
  | { phase: 'done'; item: LibraryItem; duplicate: boolean }
  | { phase: 'failed'; error: unknown };

export interface Upload {
  id: string;
  name: string;
  state: UploadState;
}

/** Two at a time: a busy controller cuts renditions for one while the next one's bytes arrive. */
const PARALLEL = 2;
const POLL_MS = 300;

const randomId = () =>
  Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('');

/**
 * Many files dropped at once, each with its own progress: sending (bytes, from the browser), then processing
 * (thumbnail, renditions, video packaging: from `GET /api/content/uploads/:id`), then done or failed with the
 * controller's reason. The overall bar runs 0–50 % while sending and 50–100 % while processing, as the API counts.
 */
export function useUploads(onFinished: () => void) {
  const [uploads, setUploads] = useState<Upload[]>([]);
  const files = useRef(new Map<string, File>());
  const running = useRef(new Set<string>());
  const finished = useRef(onFinished);
  useEffect(() => {
    finished.current = onFinished;
  });

  const update = useCallback((id: string, state: UploadState) => {
    setUploads((list) => list.map((u) => (u.id === id ? { ...u, state } : u)));
  }, []);

  const run = useCallback(
    async (id: string) => {
      const file = files.current.get(id);
      if (!file) return;
      running.current.add(id);
      let sentAll = false;
      let polling: ReturnType<typeof setInterval> | null = null;
      update(id, { phase: 'sending', fraction: 0 });
      try {
        const result = await api.upload(file, id, (sent, total) => {
          const share = total > 0 ? sent / total : 0;
          if (share < 1) return update(id, { phase: 'sending', fraction: share / 2 });
          if (sentAll) return;
          sentAll = true;
          update(id, { phase: 'processing', fraction: 0.5 });
          polling = setInterval(() => {
            api.uploadProgress(id).then(
              (p) => {
                if (p.phase === 'processing' || p.phase === 'receiving') {
                  update(id, { phase: 'processing', fraction: Math.max(0.5, p.fraction) });
                }
              },
              () => undefined,
            );
          }, POLL_MS);
        });
        update(id, { phase: 'done', item: result.item, duplicate: result.deduplicated });
        finished.current();
      } catch (error) {
        update(id, { phase: 'failed', error });
      } finally {
        if (polling) clearInterval(polling);
        running.current.delete(id);
        files.current.delete(id);
      }
    },
    [update],
  );

  // Start waiting uploads while fewer than PARALLEL run.
  useEffect(() => {
    const waiting = uploads.filter((u) => u.state.phase === 'waiting' && !running.current.has(u.id));
    const free = PARALLEL - running.current.size;
    for (const u of waiting.slice(0, Math.max(0, free))) void run(u.id);
  }, [uploads, run]);

  const add = useCallback((list: readonly File[]) => {
    const added = list.map((file) => {
      const id = randomId();
      files.current.set(id, file);
      return { id, name: file.name, state: { phase: 'waiting' } as UploadState };
    });
    setUploads((before) => [...before, ...added]);
  }, []);

  const clearFinished = useCallback(() => {
    setUploads((list) => list.filter((u) => u.state.phase !== 'done' && u.state.phase !== 'failed'));
  }, []);

  return { uploads, add, clearFinished };
}

/** 0–1 over sending and processing together. */
export function uploadFraction(state: UploadState): number {
  switch (state.phase) {
    case 'waiting':
      return 0;
    case 'sending':
    case 'processing':
      return state.fraction;
    case 'done':
      return 1;
    case 'failed':
      return 0;
  }
}
