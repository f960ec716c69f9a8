import type { Statement } from 'better-sqlite3';
import type { Db } from './database';

/**
 * For queries assembled from a few fixed fragments (a list's filters and sort): each distinct shape is prepared
 * once and reused, never with a value spliced into the text. Values always go in as parameters.
 */
export function statementCache(db: Db) {
  const cache = new Map<string, Statement>();
  return <P extends object, R>(sql: string): Statement<[P], R> => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      cache.set(sql, statement);
    }
    return statement as Statement<[P], R>;
  };
}

/** LIKE with the operator's text taken literally (case-insensitive for ASCII, as SQLite's LIKE is). */
export const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
