import { ErrorCode, type Result, type UploadPhase, type UploadProgress, err, ok } from '@baruga/protocol';

/** How long a finished upload's figure stays readable (the console polls it to the end). */
const KEEP_FINISHED_MS = 10 * 60 * 1000;
/** Progress is memory: a client inventing upload ids must not grow it without bound. */
const MAX_ENTRIES = 1000;

export interface UploadHandle {
  readonly uploadId: string;
  received(bytes: number): void;
  processing(stepsTotal: number): void;
  step(name: string): void;
  done(itemId: string): void;
  failed(error: { code: string; message: string }): void;
}

interface Entry {
  progress: UploadProgress;
  timer: ReturnType<typeof setTimeout> | null;
}

function fraction(p: UploadProgress): number {
  switch (p.phase) {
    case 'receiving':
      // Receiving counts for the first half; without a length we cannot say how far along it is.
      return p.totalBytes ? Math.min(0.5, (0.5 * p.receivedBytes) / p.totalBytes) : 0;
    case 'processing':
      return 0.5 + (p.stepsTotal > 0 ? (0.5 * Math.min(p.stepsDone, p.stepsTotal)) / p.stepsTotal : 0);
    case 'done':
      return 1;
    case 'failed':
      return p.fraction;
  }
}

/**
 * Upload and processing progress by upload id, for the console to poll while its POST is running
 * (GET /api/content/uploads/:uploadId). In memory only: a restart ends every upload anyway.
 */
export class UploadTracker {
  private readonly entries = new Map<string, Entry>();

  start(uploadId: string, totalBytes: number | null): Result<UploadHandle> {
    const existing = this.entries.get(uploadId);
    if (existing && (existing.progress.phase === 'receiving' || existing.progress.phase === 'processing')) {
      return err({
        code: ErrorCode.uploadInProgress,
        message: `upload ${uploadId} is still running; wait for it or use a new upload id`,
      });
    }
    if (existing?.timer) clearTimeout(existing.timer);
    this.evict();
    const entry: Entry = {
      progress: {
        uploadId,
        phase: 'receiving',
        receivedBytes: 0,
        totalBytes,
        step: null,
        stepsDone: 0,
        stepsTotal: 0,
        fraction: 0,
        itemId: null,
        error: null,
        updatedAt: new Date().toISOString(),
      },
      timer: null,
    };
    this.entries.set(uploadId, entry);

    const update = (patch: Partial<UploadProgress>, phase?: UploadPhase) => {
      const next = { ...entry.progress, ...patch, ...(phase ? { phase } : {}), updatedAt: new Date().toISOString() };
      entry.progress = { ...next, fraction: fraction(next) };
      if (phase === 'done' || phase === 'failed') {
        entry.timer = setTimeout(() => this.entries.delete(uploadId), KEEP_FINISHED_MS);
        entry.timer.unref();
      }
    };
    return ok({
      uploadId,
      received: (bytes) => update({ receivedBytes: bytes }),
      processing: (stepsTotal) => update({ stepsTotal, stepsDone: 0, step: null }, 'processing'),
      step: (name) => update({ step: name, stepsDone: entry.progress.stepsDone + 1 }),
      done: (itemId) => update({ itemId, step: null }, 'done'),
      failed: (error) => update({ error: { code: error.code, message: error.message } }, 'failed'),
    });
  }

  get(uploadId: string): UploadProgress | null {
    return this.entries.get(uploadId)?.progress ?? null;
  }

  private evict(): void {
    if (this.entries.size < MAX_ENTRIES) return;
    for (const [id, entry] of this.entries) {
      if (entry.progress.phase === 'done' || entry.progress.phase === 'failed') {
        if (entry.timer) clearTimeout(entry.timer);
        this.entries.delete(id);
        if (this.entries.size < MAX_ENTRIES) return;
      }
    }
  }

  dispose(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }
}
