import type { GcReport } from '@baruga/protocol';
import type { Db } from '../db/database';
import type { Repositories } from '../db/repositories';
import type { BlobStore } from './blob-store';

/**
 * An unreferenced blob younger than this is left alone: an upload or a publish may have written it and not
 * yet recorded it (they record within seconds; an hour leaves room for the slowest disk).
 */
export const GC_GRACE_MS = 60 * 60 * 1000;

const DIGEST = /^[0-9a-f]{64}$/;

function* digestsIn(value: unknown): Generator<string> {
  if (typeof value === 'string') {
    if (DIGEST.test(value)) yield value;
  } else if (Array.isArray(value)) {
    for (const v of value) yield* digestsIn(v);
  } else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) yield* digestsIn(v);
  }
}

/**
 * Every blob something still needs: library items and everything made from them (renditions, posters,
 * thumbnails, HLS segments), the assets of every stored content item (loops, playlists, layout zones and
 * overlays alike), the assets of every published manifest (what players play right now), and each screen's
 * newest screenshot. Read synchronously, so it is one consistent view of the database.
 */
export function referencedBlobs(repos: Repositories): Set<string> {
  const keep = new Set<string>();
  const add = (sha256: string | null | undefined) => {
    if (sha256) keep.add(sha256);
  };
  for (const item of repos.library.all()) {
    add(item.sourceSha256);
    add(item.thumbnailSha256);
    add(item.posterSha256);
    add(item.deliverySha256);
  }
  // Any digest anywhere in an item's props: conservative, and true for every content type and props version.
  for (const { props } of repos.items.all()) for (const sha256 of digestsIn(props)) add(sha256);
  for (const manifest of repos.manifests.all()) for (const asset of manifest.assets) add(asset.sha256);
  // The console shows each screen's newest screenshot; older ones go once past the grace period.
  for (const sha256 of repos.commands.latestScreenshots()) add(sha256);
  // Derived blobs of anything kept: renditions of kept sources, then parts of kept packages.
  for (const r of repos.library.allRenditions()) if (keep.has(r.sourceSha256)) add(r.sha256);
  for (const p of repos.library.allParts()) if (keep.has(p.parentSha256)) add(p.partSha256);
  return keep;
}

/**
 * Removes blobs nothing references: first database rows (with their rendition and part rows) and their
 * files, then files on disk that no row names (a crash between writing and recording). A blob is removed
 * only when unreferenced and both its row and its file are older than the grace period; each check and its
 * removal happen in one synchronous step, so an upload cannot claim a blob between them.
 */
export async function collectGarbage(
  db: Db,
  repos: Repositories,
  store: BlobStore,
  options: { graceMs?: number; now?: number } = {},
): Promise<GcReport> {
  const cutoff = (options.now ?? Date.now()) - (options.graceMs ?? GC_GRACE_MS);
  const report: GcReport = { removedBlobs: 0, freedBytes: 0, keptBlobs: 0, skippedYoung: 0 };

  const doomed: string[] = [];
  db.transaction(() => {
    const keep = referencedBlobs(repos);
    for (const blob of repos.blobs.all()) {
      if (keep.has(blob.sha256)) {
        report.keptBlobs += 1;
        continue;
      }
      const modified = store.modifiedMs(blob.sha256);
      if (Date.parse(blob.createdAt) > cutoff || (modified !== null && modified > cutoff)) {
        report.skippedYoung += 1;
        continue;
      }
      repos.library.forgetBlob(blob.sha256);
      repos.blobs.remove(blob.sha256);
      doomed.push(blob.sha256);
      report.removedBlobs += 1;
      report.freedBytes += blob.size;
    }
  })();
  // Files go once their rows are gone for good; still the same synchronous step.
  for (const sha256 of doomed) store.removeIfOlderThan(sha256, cutoff);

  for await (const file of store.list()) {
    // Re-checked per file: rows may have been added while the listing awaited the disk.
    if (repos.blobs.get(file.sha256)) continue;
    if (file.modifiedMs > cutoff) {
      report.skippedYoung += 1;
      continue;
    }
    if (store.removeIfOlderThan(file.sha256, cutoff)) {
      report.removedBlobs += 1;
      report.freedBytes += file.size;
    }
  }
  return report;
}
