/**
 * The little SQL both databases are spoken to in: `?` placeholders (PostgreSQL's driver gets `$n`), text,
 * integers and nothing else, so one repository works on SQLite and PostgreSQL alike.
 */
export interface Db {
  readonly kind: 'sqlite' | 'postgres';
  /** Rows of a query. */
  all<T extends Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Rows changed by a statement. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Runs the function inside one transaction; rolled back when it throws. */
  transaction<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS pipewarden_runs (
    id TEXT PRIMARY KEY,
    repo TEXT NOT NULL,
    time TEXT NOT NULL,
    branch TEXT,
    default_branch TEXT,
    commit_sha TEXT,
    pipeline TEXT,
    stage TEXT NOT NULL,
    verdict TEXT NOT NULL,
    baseline INTEGER NOT NULL,
    counts TEXT NOT NULL,
    new_count INTEGER NOT NULL,
    fixed_count INTEGER NOT NULL,
    waived_count INTEGER NOT NULL,
    scanners TEXT NOT NULL
  )`,
  'CREATE INDEX IF NOT EXISTS pipewarden_runs_repo_time ON pipewarden_runs (repo, time)',
  `CREATE TABLE IF NOT EXISTS pipewarden_findings (
    run_id TEXT NOT NULL REFERENCES pipewarden_runs (id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    ord INTEGER NOT NULL,
    fingerprint TEXT NOT NULL,
    priority TEXT NOT NULL,
    category TEXT NOT NULL,
    scanner TEXT NOT NULL,
    rule TEXT NOT NULL,
    first_seen TEXT,
    expires TEXT,
    PRIMARY KEY (run_id, kind, ord)
  )`,
  'CREATE INDEX IF NOT EXISTS pipewarden_findings_fingerprint ON pipewarden_findings (fingerprint)',
  `CREATE TABLE IF NOT EXISTS pipewarden_images (
    run_id TEXT NOT NULL REFERENCES pipewarden_runs (id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    digest TEXT NOT NULL,
    names TEXT NOT NULL,
    base_name TEXT,
    base_digest TEXT,
    base_fresh INTEGER,
    base_sanctioned INTEGER,
    sbom TEXT,
    PRIMARY KEY (run_id, ord)
  )`,
  // "Which images are built on this base?" is a query on this index.
  'CREATE INDEX IF NOT EXISTS pipewarden_images_base ON pipewarden_images (base_name, base_digest)',
  // What a run said of a finding (message, where, risk), the latest per repository and fingerprint: the dashboard's finding page.
  `CREATE TABLE IF NOT EXISTS pipewarden_finding_details (
    repo TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    time TEXT NOT NULL,
    message TEXT,
    location TEXT,
    risk INTEGER,
    factors TEXT,
    PRIMARY KEY (repo, fingerprint)
  )`,
  // The dashboard's queries, added by IF NOT EXISTS so an existing store gains them on its next open:
  // the store's state (newest run, count). The runs that saw a finding use pipewarden_findings_fingerprint.
  'CREATE INDEX IF NOT EXISTS pipewarden_runs_time ON pipewarden_runs (time)',
  // The ticket of each finding, the latest a run named per repository and fingerprint: the finding page links it.
  `CREATE TABLE IF NOT EXISTS pipewarden_finding_tickets (
    repo TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    time TEXT NOT NULL,
    ticket TEXT NOT NULL,
    url TEXT,
    state TEXT NOT NULL,
    PRIMARY KEY (repo, fingerprint)
  )`,
];

/** Columns added after a table was first made: added to an existing store on open (ALTER TABLE … ADD COLUMN). */
export const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
  { table: 'pipewarden_findings', column: 'owner', type: 'TEXT' },
  // The accepted ticket that waives a finding (a waived row without it is a config waiver).
  { table: 'pipewarden_findings', column: 'ticket', type: 'TEXT' },
];

/** Adds the columns an older store lacks; inside the schema transaction, so two openers do not both add one. */
export async function addMissingColumns(db: Db): Promise<void> {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const rows =
      db.kind === 'sqlite'
        ? await db.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)
        : await db.all<{ name: string }>('SELECT column_name AS name FROM information_schema.columns WHERE table_name = ? AND table_schema = current_schema()', [table]);
    if (!rows.some((row) => row.name === column)) await db.run(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`);
  }
}

/** Many rows in one statement (a round trip per row to a remote server adds up), in slices the drivers accept. */
export async function insertMany(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[]): Promise<void> {
  // SQLite allows 32766 parameters, PostgreSQL 65535; stay well below both.
  const per = Math.max(1, Math.floor(5000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const slice = rows.slice(i, i + per);
    const values = slice.map(() => `(${columns.map(() => '?').join(', ')})`).join(', ');
    await db.run(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values}`, slice.flat());
  }
}
