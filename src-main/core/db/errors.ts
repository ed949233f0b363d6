import { DomainError } from '#core/shared/errors';

export class DatabaseFromNewerVersionError extends DomainError {
  constructor(file: string, unknownMigrations: number) {
    super(
      'database_newer',
      'database_from_newer_version',
      `The database ${file} was written by a newer version of Operator Workstation ` +
        `(${unknownMigrations} schema change(s) this version does not know). It was not modified. ` +
        `Update the application, or start with another data directory (--data-dir).`,
      { file, count: unknownMigrations },
    );
  }
}

export class DatabaseCorruptError extends DomainError {
  constructor(file: string, reason: string) {
    super(
      'database_corrupt',
      'database_unreadable',
      `The file ${file} is not a readable Operator Workstation database (${reason}). It was not modified. ` +
        `Restore it from a backup (npm run crm -- backup makes one), or move it aside to start afresh.`,
      { file, detail: reason },
    );
  }
}
