import type { DatabaseSync } from 'node:sqlite';

/** Runs `write` between `begin` and COMMIT on `db`, rolling back and rethrowing if it throws. */
export function sqliteTransaction<T>(db: DatabaseSync, begin: string, write: () => T): T {
  db.exec(begin);
  try {
    const result = write();
    db.exec('COMMIT');
    return result;
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
}
