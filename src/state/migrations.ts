import type Database from 'better-sqlite3';

/**
 * The state file's schema, as an ordered list of one-step migrations. `PRAGMA
 * user_version` records how many have run; the runner (run-migrations.ts) applies the
 * missing ones, each in its own transaction together with the user_version bump, so a
 * failing migration leaves the file exactly as it was.
 *
 * Rules: append only; never edit or reorder a migration that has shipped (files in the
 * wild were built by it). Each `up` must be plain transactional SQL: no `PRAGMA
 * journal_mode`, no `VACUUM`, no `PRAGMA foreign_keys` (all are ignored or refused
 * inside a transaction); a table rebuild must end with `PRAGMA foreign_key_check`.
 *
 */
export interface StateMigration {
  /** The user_version the file has after this migration ran. */
  readonly version: number;
  /** Short name, shown when the migration fails. */
  readonly name: string;
  readonly up: (db: Database.Database) => void;
}

/** `PRAGMA application_id` of a diet state file: the ASCII bytes "diet". */
export const STATE_APPLICATION_ID = 0x64696574;

const initialSchema: StateMigration = {
  version: 1,
  name: 'initial schema: plans, snapshots, snapshot_resources, events',
  up: (db) => {
    db.pragma(`application_id = ${STATE_APPLICATION_ID}`);
    db.exec(`
      CREATE TABLE plans (
        seq           INTEGER PRIMARY KEY AUTOINCREMENT,
        id            TEXT    NOT NULL UNIQUE,
        cluster       TEXT    NOT NULL,
        created_at    TEXT    NOT NULL,
        digest        TEXT    NOT NULL,
        document      TEXT    NOT NULL,
        add_count     INTEGER,
        change_count  INTEGER,
        destroy_count INTEGER
      ) STRICT;
      CREATE INDEX plans_by_cluster ON plans (cluster, seq);

      CREATE TABLE snapshots (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        cluster        TEXT    NOT NULL,
        kind           TEXT    NOT NULL CHECK (kind IN ('applied', 'pre-apply', 'manual', 'restore')),
        created_at     TEXT    NOT NULL,
        note           TEXT,
        plan_id        TEXT,
        resource_count INTEGER NOT NULL,
        checksum       TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX snapshots_by_cluster ON snapshots (cluster, kind, id);

      CREATE TABLE snapshot_resources (
        snapshot_id INTEGER NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,
        address     TEXT    NOT NULL,
        target      TEXT    NOT NULL,
        type        TEXT    NOT NULL,
        key         TEXT    NOT NULL,
        attrs       TEXT    NOT NULL,
        remote_id   TEXT,
        fingerprint TEXT,
        depends_on  TEXT,
        PRIMARY KEY (snapshot_id, address)
      ) STRICT;

      CREATE TABLE events (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        cluster TEXT    NOT NULL,
        at      TEXT    NOT NULL,
        kind    TEXT    NOT NULL,
        detail  TEXT    NOT NULL
      ) STRICT;
      CREATE INDEX events_by_cluster ON events (cluster, id);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
    `);
  },
};

/**
 * Locks: one row per (cluster, scope) held by a running diet command. `scope` is what the
 * command works on — `netbox` or `kubernetes/<fabric>` — so applies to different fabrics of
 * a cluster may run side by side while two applies touching the same one cannot. All rows
 * of one acquisition share a random `token`: heartbeats, release and `diet lock break` act
 * on exactly the rows they saw, never on a lock taken again by someone else since.
 */
const locks: StateMigration = {
  version: 2,
  name: 'locks',
  up: (db) => {
    db.exec(`
      CREATE TABLE locks (
        cluster      TEXT    NOT NULL,
        scope        TEXT    NOT NULL,
        token        TEXT    NOT NULL,
        holder       TEXT    NOT NULL,
        pid          INTEGER NOT NULL,
        host         TEXT    NOT NULL,
        command      TEXT    NOT NULL,
        started_at   TEXT    NOT NULL,
        heartbeat_at TEXT    NOT NULL,
        PRIMARY KEY (cluster, scope)
      ) STRICT;
      CREATE INDEX locks_by_token ON locks (token);
    `);
  },
};

/**
 * The write-ahead journal of applies, rollbacks and restores, so that an interrupted run
 * (kill -9, power loss, lost network) can be finished or undone: `apply_runs` has one row
 * per run (outcome NULL while it runs), `journal_steps` one row per object, moving
 * intended → sent → confirmed (or failed) as the run goes. Snapshots learn which target
 * scopes they cover, so a restore knows where an object missing from the snapshot must go.
 */
const applyJournal: StateMigration = {
  version: 3,
  name: 'apply journal',
  up: (db) => {
    db.exec(`
      ALTER TABLE snapshots ADD COLUMN scopes TEXT;

      CREATE TABLE apply_runs (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        cluster         TEXT    NOT NULL,
        kind            TEXT    NOT NULL CHECK (kind IN ('apply', 'rollback', 'restore', 'recover')),
        plan_id         TEXT,
        pre_snapshot_id INTEGER,
        scopes          TEXT    NOT NULL,
        pid             INTEGER NOT NULL,
        host            TEXT    NOT NULL,
        started_at      TEXT    NOT NULL,
        finished_at     TEXT,
        outcome         TEXT
      ) STRICT;
      CREATE INDEX apply_runs_by_cluster ON apply_runs (cluster, id);

      CREATE TABLE journal_steps (
        run_id    INTEGER NOT NULL REFERENCES apply_runs (id) ON DELETE CASCADE,
        seq       INTEGER NOT NULL,
        address   TEXT    NOT NULL,
        action    TEXT    NOT NULL,
        state     TEXT    NOT NULL CHECK (state IN ('intended', 'sent', 'confirmed', 'failed')),
        remote_id TEXT,
        at        TEXT    NOT NULL,
        PRIMARY KEY (run_id, address)
      ) STRICT;
      CREATE INDEX journal_steps_by_seq ON journal_steps (run_id, seq);
    `);
  },
};


/**
 * Adoption: a snapshot row marks an object diet adopted from what existed (spec `adopt`)
 * rather than created. NULL for created objects, so every existing row keeps its meaning
 * and its snapshot's checksum; 1 for adopted ones, which diet releases instead of deleting.
 */
const adoptedResources: StateMigration = {
  version: 4,
  name: 'adopted resources',
  up: (db) => {
    db.exec(`ALTER TABLE snapshot_resources ADD COLUMN adopted INTEGER CHECK (adopted IS NULL OR adopted = 1);`);
  },
};

export const STATE_MIGRATIONS: readonly StateMigration[] = [initialSchema, locks, applyJournal, adoptedResources];

/** The schema version this diet writes and reads. */
export const STATE_SCHEMA_VERSION: number = STATE_MIGRATIONS.length;
