import type { Migration } from './migration';

/**
 * The content library: uploaded files and live streams with their names and tags, the renditions made for
 * each screen geometry, and the parts of packaged blobs (an HLS playlist's segments).
 */
export const migration0003: Migration = {
  version: 3,
  name: 'content-library',
  up: `
    -- An image's original keeps its camera metadata (GPS location included): it is stored to cut future
    -- renditions from, and never served.
    ALTER TABLE blobs ADD COLUMN private INTEGER NOT NULL DEFAULT 0 CHECK (private IN (0, 1));

    CREATE TABLE library_items (
      id TEXT PRIMARY KEY,
      kind TEXT NOT NULL CHECK (kind IN ('image', 'video', 'stream')),
      name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      file_name TEXT,
      -- The bytes as uploaded: a retried upload of the same file finds this item.
      upload_sha256 TEXT UNIQUE,
      -- What content props name (an image's original, a video's cleaned file); null for a stream.
      source_sha256 TEXT UNIQUE REFERENCES blobs(sha256),
      url TEXT UNIQUE,
      mime TEXT NOT NULL,
      size INTEGER NOT NULL CHECK (size >= 0),
      width INTEGER,
      height INTEGER,
      duration_ms INTEGER,
      thumbnail_sha256 TEXT REFERENCES blobs(sha256),
      poster_sha256 TEXT REFERENCES blobs(sha256),
      -- What players receive for a video: the file itself or its HLS playlist.
      delivery_sha256 TEXT REFERENCES blobs(sha256),
      meta TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(meta)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      CHECK ((kind = 'stream') = (url IS NOT NULL)),
      CHECK ((kind = 'stream') = (source_sha256 IS NULL))
    ) STRICT;
    CREATE INDEX library_items_by_created ON library_items(created_at DESC, id);

    CREATE TABLE library_tags (
      item_id TEXT NOT NULL REFERENCES library_items(id) ON DELETE CASCADE,
      tag TEXT NOT NULL CHECK (length(tag) BETWEEN 1 AND 40),
      PRIMARY KEY (item_id, tag)
    ) STRICT, WITHOUT ROWID;
    CREATE INDEX library_tags_by_tag ON library_tags(tag, item_id);

    CREATE TABLE renditions (
      source_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      width INTEGER NOT NULL CHECK (width BETWEEN 1 AND 16384),
      height INTEGER NOT NULL CHECK (height BETWEEN 1 AND 16384),
      fit TEXT NOT NULL CHECK (fit IN ('cover', 'contain', 'fill')),
      -- '' for the centre, else 'x,y' (0–1, four decimals).
      focal TEXT NOT NULL,
      background TEXT NOT NULL,
      sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      created_at TEXT NOT NULL,
      PRIMARY KEY (source_sha256, width, height, fit, focal, background)
    ) STRICT;
    CREATE INDEX renditions_by_sha ON renditions(sha256);

    CREATE TABLE blob_parts (
      parent_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      position INTEGER NOT NULL CHECK (position >= 0),
      part_sha256 TEXT NOT NULL REFERENCES blobs(sha256),
      PRIMARY KEY (parent_sha256, position)
    ) STRICT;
    CREATE INDEX blob_parts_by_part ON blob_parts(part_sha256);
  `,
};
