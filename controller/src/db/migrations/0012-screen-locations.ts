import type { Migration } from './migration';

/**
 * Screens get a location (WGS 84 degrees): CAP areas and BMKG distances are matched against it, and prayer times
 * are computed for it. Both coordinates or neither.
 */
export const migration0012: Migration = {
  version: 12,
  name: 'screen-locations',
  up: `
    ALTER TABLE screens ADD COLUMN latitude REAL CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90);
    ALTER TABLE screens ADD COLUMN longitude REAL CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180);
    CREATE TRIGGER screens_location_whole_insert BEFORE INSERT ON screens
      WHEN (NEW.latitude IS NULL) != (NEW.longitude IS NULL)
    BEGIN SELECT RAISE(ABORT, 'a screen location needs both latitude and longitude'); END;
    CREATE TRIGGER screens_location_whole_update BEFORE UPDATE OF latitude, longitude ON screens
      WHEN (NEW.latitude IS NULL) != (NEW.longitude IS NULL)
    BEGIN SELECT RAISE(ABORT, 'a screen location needs both latitude and longitude'); END;
  `,
};
