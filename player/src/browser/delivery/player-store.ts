import { AssignedScreen, ManifestKey, Slug } from '@baruga/protocol';
import { z } from 'zod';
import { type PlayerDb, STORES } from './idb';

/** What a player keeps about its enrollment (docs/delivery.md, "Enrollment"). */
export const Enrollment = z.object({
  playerId: Slug,
  secret: z.string().min(1),
  state: z.enum(['pending', 'active']),
  screens: z.array(AssignedScreen),
  manifestKey: ManifestKey.nullable(),
});
export type Enrollment = z.infer<typeof Enrollment>;

/** Assets one screen needs: those of the manifest on screen and of one being downloaded. */
const Needs = z.object({ active: z.array(z.string()), pending: z.array(z.string()) });
type Needs = z.infer<typeof Needs>;

const ENROLLMENT = 'enrollment';
const PINNED_KEY = 'manifest-key';
const manifestKey = (screenId: string) => `manifest:${screenId}`;
const blackoutKey = (screenId: string) => `blackout:${screenId}`;
const needsKey = (screenId: string) => `needs:${screenId}`;
const NEEDS_PREFIX = 'needs:';

/**
 * The player's durable state in IndexedDB, shared by every window of one host (one origin). Everything
 * read back is parsed again: storage is outside the player's control too (DESIGN.md, "Trust nothing").
 */
export function createPlayerStore(db: PlayerDb) {
  const parsed = async <S extends z.ZodType>(schema: S, key: string): Promise<z.infer<S> | null> => {
    const raw = await db.get<unknown>(STORES.kv, key);
    const result = schema.safeParse(raw);
    return result.success ? result.data : null;
  };
  return {
    db,
    enrollment: () => parsed(Enrollment, ENROLLMENT),
    saveEnrollment: (e: Enrollment) => db.put(STORES.kv, e, ENROLLMENT),
    forgetEnrollment: () => db.delete(STORES.kv, [ENROLLMENT, PINNED_KEY]),

    /** The key manifests must be signed with, pinned at enrollment or on first sight. */
    pinnedKey: () => parsed(ManifestKey, PINNED_KEY),
    pinKey: (key: ManifestKey) => db.put(STORES.kv, key, PINNED_KEY),

    /** The signed envelope of the manifest on screen, exactly as received (it is verified again at boot). */
    savedManifest: (screenId: string) => parsed(z.string(), manifestKey(screenId)),
    saveManifest: (screenId: string, payload: string) => db.put(STORES.kv, payload, manifestKey(screenId)),
    forgetManifest: (screenId: string) => db.delete(STORES.kv, [manifestKey(screenId)]),

    blackout: async (screenId: string) => (await parsed(z.boolean(), blackoutKey(screenId))) ?? false,
    setBlackout: (screenId: string, on: boolean) => db.put(STORES.kv, on, blackoutKey(screenId)),

    needs: async (screenId: string): Promise<Needs> =>
      (await parsed(Needs, needsKey(screenId))) ?? { active: [], pending: [] },
    setNeeds: (screenId: string, needs: Needs) => db.put(STORES.kv, needs, needsKey(screenId)),
    /** Every asset any screen of this host still needs (but `except`): what eviction must keep. */
    async allNeeded(except?: string): Promise<Set<string>> {
      const keep = new Set<string>();
      for (const entry of await db.entries(STORES.kv, NEEDS_PREFIX)) {
        if (except !== undefined && entry.key === needsKey(except)) continue;
        const needs = Needs.safeParse(entry.value);
        if (needs.success) for (const sha of [...needs.data.active, ...needs.data.pending]) keep.add(sha);
      }
      return keep;
    },
  };
}
export type PlayerStore = ReturnType<typeof createPlayerStore>;
