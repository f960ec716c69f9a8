import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/database';

/** A multipart/form-data body with one file part, built byte by byte (names are sent exactly as given). */
export function multipartBody(
  file: { field?: string; fileName: string; mime?: string; data: Buffer },
  options: { closed?: boolean } = {},
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----baruga${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${file.field ?? 'file'}"; filename="${file.fileName}"\r\n` +
      `Content-Type: ${file.mime ?? 'application/octet-stream'}\r\n\r\n`,
    'utf8',
  );
  const tail = Buffer.from(options.closed === false ? '' : `\r\n--${boundary}--\r\n`, 'utf8');
  return {
    payload: Buffer.concat([head, file.data, tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

/** Everything an upload could leave behind: every file under the store and every library-related row. */
export function storeSnapshot(db: Db, dataDir: string) {
  const root = path.join(dataDir, 'blobs');
  const files = fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .map((d) => path.relative(root, path.join(d.parentPath, d.name)))
    .sort();
  const rows = Object.fromEntries(
    ['blobs', 'library_items', 'library_tags', 'renditions', 'blob_parts', 'items'].map((table) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all(),
    ]),
  );
  return { files, rows };
}
