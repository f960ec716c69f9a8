import type { Migration } from './migration';

/**
 * Each stored manifest keeps the exact signed bytes it was published as, so a republish (a broker that lost its
 * retained messages, a controller restart) sends those bytes again instead of signing anew. Rows stored before
 * this keep NULL and are signed once when next republished.
 */
export const migration0007: Migration = {
  version: 7,
  name: 'signed-manifests',
  up: `
    ALTER TABLE manifests ADD COLUMN signed TEXT CHECK (signed IS NULL OR json_valid(signed));
  `,
};
