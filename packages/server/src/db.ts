/**
 * SQLite through sql.js (SQLite compiled to WebAssembly): no native build, so `npm ci` works on any
 * machine without compilers or approved install scripts. The database lives in memory and is
 * written to its file after every write transaction (temp file + rename, so a crash never leaves a
 * half-written database).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import initSqlJs, { type Database, type SqlValue } from 'sql.js';

/** Each entry moves the schema one version on; `PRAGMA user_version` says how far a file is. */
const MIGRATIONS: string[] = [
  `CREATE TABLE accounts (
     id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, panel TEXT NOT NULL,
     password_hash TEXT NOT NULL, code_word_hash TEXT, totp_secret TEXT, totp_pending TEXT,
     recovery_hashes TEXT NOT NULL DEFAULT '[]');
   CREATE TABLE resources (
     account_id TEXT NOT NULL, name TEXT NOT NULL, data TEXT NOT NULL, version INTEGER NOT NULL,
     PRIMARY KEY (account_id, name));
   CREATE TABLE sessions (
     id TEXT PRIMARY KEY, token_hash TEXT NOT NULL UNIQUE, account_id TEXT NOT NULL, ip TEXT NOT NULL,
     user_agent TEXT NOT NULL, created_at TEXT NOT NULL, last_active_at TEXT NOT NULL, auth_at TEXT NOT NULL);
   CREATE TABLE login_history (
     id INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL, at TEXT NOT NULL, ip TEXT NOT NULL,
     user_agent TEXT NOT NULL, location TEXT, success INTEGER NOT NULL);
   CREATE TABLE api_keys (
     id TEXT PRIMARY KEY, account_id TEXT NOT NULL, name TEXT NOT NULL, prefix TEXT NOT NULL,
     secret_hash TEXT NOT NULL, created_at TEXT NOT NULL, last_used_at TEXT, expires_at TEXT);
   CREATE TABLE users (
     id TEXT PRIMARY KEY, account_id TEXT NOT NULL, email TEXT NOT NULL, name TEXT, role TEXT NOT NULL,
     status TEXT NOT NULL, is_self INTEGER NOT NULL DEFAULT 0);
   CREATE TABLE tickets (
     id TEXT PRIMARY KEY, account_id TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE phone_checks (
     id TEXT PRIMARY KEY, account_id TEXT NOT NULL, phone TEXT NOT NULL, method TEXT NOT NULL,
     code_hash TEXT NOT NULL, wrong INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, expires_at TEXT NOT NULL);
   CREATE TABLE outbox (
     id INTEGER PRIMARY KEY AUTOINCREMENT, account_id TEXT NOT NULL, channel TEXT NOT NULL,
     recipient TEXT NOT NULL, text TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE idempotency (
     account_id TEXT NOT NULL, key TEXT NOT NULL, route TEXT NOT NULL, status INTEGER NOT NULL,
     body TEXT, created_at TEXT NOT NULL, PRIMARY KEY (account_id, key));`,
];

export type Row = Record<string, SqlValue>;

export class Store {
  private constructor(
    private readonly db: Database,
    private readonly file: string | undefined,
  ) {}

  /** Opens (or creates) the file and migrates it to the latest schema. `undefined` = memory only. */
  static async open(file: string | undefined): Promise<Store> {
    const SQL = await initSqlJs();
    const data = file && existsSync(file) ? readFileSync(file) : undefined;
    const store = new Store(new SQL.Database(data), file);
    store.migrate();
    return store;
  }

  get fresh(): boolean {
    return this.get('SELECT COUNT(*) AS n FROM accounts')?.n === 0;
  }

  private migrate(): void {
    const from = Number(this.get('PRAGMA user_version')?.user_version ?? 0);
    if (from >= MIGRATIONS.length) return;
    this.transaction(() => {
      for (let v = from; v < MIGRATIONS.length; v++) this.db.exec(MIGRATIONS[v] ?? '');
      this.db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    });
  }

  all(sql: string, params: SqlValue[] = []): Row[] {
    const stmt = this.db.prepare(sql);
    try {
      stmt.bind(params);
      const rows: Row[] = [];
      while (stmt.step()) rows.push(stmt.getAsObject());
      return rows;
    } finally {
      stmt.free();
    }
  }

  get(sql: string, params: SqlValue[] = []): Row | undefined {
    return this.all(sql, params)[0];
  }

  run(sql: string, params: SqlValue[] = []): number {
    this.db.run(sql, params);
    return this.db.getRowsModified();
  }

  /**
   * Runs `fn` atomically and persists. Node runs one request handler at a time and sql.js is
   * synchronous, so a read-check-write inside `fn` cannot interleave with another request's.
   */
  transaction<T>(fn: () => T): T {
    this.db.exec('BEGIN');
    let result: T;
    try {
      result = fn();
      this.db.exec('COMMIT');
    } catch (e) {
      this.db.exec('ROLLBACK');
      throw e;
    }
    this.persist();
    return result;
  }

  private persist(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, this.db.export());
    renameSync(tmp, this.file);
  }

  close(): void {
    this.db.close();
  }
}
