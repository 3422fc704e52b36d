// Commits an import: the stored file is read again through the same worker parser and checks as its preview,
// and rows are upserted in batches, one transaction each. A row matches an existing client by phone (E.164),
// then by e-mail (any case); a match is updated with the row's non-empty values, anything else is created
// with source 'import'. Running it again (a retry after a crash) matches what the first run wrote, so it
// never duplicates a client. No HTTP and no job framework here: a job wraps this.

import type { Insertable } from 'kysely';
import type { Config } from '../config';
import type { Author } from '../data-log/record';
import { recordDataLog } from '../data-log/record';
import type { ClientTable } from '../db/schema';
import { createFileStorage, type FileStorage } from '../files/storage';
import { ApiError } from '../http/errors';
import type { ScopedDb } from '../tenancy/scoped-db';
import { foldForSearch } from '../text/search';
import { startOfDay } from '../time/zoned';
import { IMPORT_FIELDS, mappingProblems } from './fields';
import { parseImport } from './parse';
import { cleanMapping } from './preview';
import type { ParsedRow } from './protocol';
import { type ImportReport, MAX_SKIPPED_LISTED, type SkippedRow } from './report';
import { type ImportedClient, RowChecker } from './rows';
import { findImport, type StoredPreview, withImportFile } from './service';

// Larger batches cost fewer round trips and index passes (500 → 2,000 rows: about 18% faster on PGlite);
// 2,000 rows × about 20 columns stays well under PostgreSQL's 65,535 parameters per statement.
export const COMMIT_BATCH_ROWS = 2000;

export interface CommitOptions {
  config: Config;
  /** Where the upload was stored; by default the configured store. */
  storage?: FileStorage;
  /** Who the data log names; by default whoever uploaded the file. */
  author?: Author;
  onProgress?: (fraction: number) => void | Promise<void>;
  batchRows?: number;
  now?: Date;
}

interface Existing {
  id: string;
  phone: string | null;
  email: string | null;
  first_name: string;
  middle_name: string | null;
  last_name: string | null;
}

async function uploaderOf(tenant: ScopedDb, userId: string | null): Promise<Author> {
  if (!userId) return { actor: 'secret_key', user_id: null };
  const user = await tenant.selectFrom('users').select('email').where('id', '=', userId).executeTakeFirst();
  return { actor: user ? `user:${user.email}` : `user:${userId}`, user_id: userId };
}

/** The columns a row writes to a matched client: only what the row has, and never someone else's phone. */
function updateColumns(values: ImportedClient, client: Existing) {
  const { created_at: _joined, phone, ...rest } = values;
  const columns: Record<string, unknown> = { ...rest };
  // A client found by e-mail keeps the phone it has; one without gets the row's.
  if (phone && !client.phone) columns.phone = phone;
  const names = {
    first_name: values.first_name ?? client.first_name,
    middle_name: values.middle_name ?? client.middle_name,
    last_name: values.last_name ?? client.last_name,
  };
  columns.search_name = foldForSearch(names.first_name, names.middle_name, names.last_name);
  return { columns, names };
}

/** The columns createClient would write for the same values (no location: an import belongs to none). */
function insertColumns(values: ImportedClient & { first_name: string; phone: string }, timezone: string) {
  const { created_at: joined, ...rest } = values;
  const row: Omit<Insertable<ClientTable>, 'business_id'> = {
    ...rest,
    source: 'import',
    created_location_id: null,
    location_ids: [],
    search_name: foldForSearch(values.first_name, values.middle_name, values.last_name),
  };
  if (joined) row.created_at = startOfDay(joined, timezone);
  return row;
}

async function upsertBatch(
  tenant: ScopedDb,
  rows: { row: number; values: ImportedClient }[],
  report: ImportReport,
  skip: (skipped: SkippedRow) => void,
  now: Date,
): Promise<void> {
  const phones = [...new Set(rows.flatMap((r) => (r.values.phone ? [r.values.phone] : [])))];
  const emails = [...new Set(rows.flatMap((r) => (r.values.email ? [r.values.email] : [])))];
  const columns = ['id', 'phone', 'email', 'first_name', 'middle_name', 'last_name'] as const;
  const byPhone = new Map<string, Existing>();
  const byEmail = new Map<string, Existing>();
  if (phones.length) {
    for (const client of await tenant.selectFrom('clients').select(columns).where('phone', 'in', phones).execute()) {
      if (client.phone) byPhone.set(client.phone, client);
    }
  }
  if (emails.length) {
    const found = await tenant
      .selectFrom('clients')
      .select(columns)
      .where((eb) => eb(eb.fn('lower', ['email']), 'in', emails))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    // Several clients may share an address: the oldest is the one an e-mail stands for.
    for (const client of found) {
      const email = client.email?.toLowerCase();
      if (email && !byEmail.has(email)) byEmail.set(email, client);
    }
  }

  const inserts: { row: number; columns: ReturnType<typeof insertColumns> }[] = [];
  for (const { row, values } of rows) {
    const match = (values.phone && byPhone.get(values.phone)) || (values.email && byEmail.get(values.email));
    if (match) {
      const { columns: set, names } = updateColumns(values, match);
      await tenant
        .updateTable('clients')
        .set({ ...set, updated_at: now })
        .where('id', '=', match.id)
        .execute();
      Object.assign(match, names, set.phone ? { phone: set.phone } : {});
      report.updated += 1;
      continue;
    }
    if (!values.first_name) {
      skip({
        row,
        code: 'needs_first_name',
        reason: 'No client has this phone or e-mail, and a new client needs a first name.',
      });
    } else if (!values.phone) {
      skip({
        row,
        code: 'needs_phone',
        reason: 'No client has this e-mail address, and a new client needs a phone number.',
      });
    } else {
      inserts.push({
        row,
        columns: insertColumns(
          { ...values, first_name: values.first_name, phone: values.phone },
          tenant.business.timezone,
        ),
      });
    }
  }
  if (!inserts.length) return;
  // A client created meanwhile by someone else keeps its phone: that row is reported, not merged blindly.
  const created = await tenant
    .insertInto(
      'clients',
      inserts.map((insert) => insert.columns),
    )
    .onConflict((oc) => oc.columns(['business_id', 'phone']).doNothing())
    .returning('phone')
    .execute();
  const done = new Set(created.map((client) => client.phone));
  report.created += created.length;
  for (const insert of inserts) {
    if (!done.has(insert.columns.phone ?? null)) {
      skip({
        row: insert.row,
        code: 'added_meanwhile',
        reason: 'A client with this phone number was added meanwhile; import the file again to update it.',
      });
    }
  }
}

/** The import's mapping, when it maps what a client needs; else 422 naming what is missing. */
export function committableMapping(row: Awaited<ReturnType<typeof findImport>>) {
  const mapping = cleanMapping(row.mapping, IMPORT_FIELDS);
  const problems = mappingProblems(mapping, (row.preview as StoredPreview).columns?.length ?? 0);
  if (problems.length) {
    throw new ApiError(422, 'mapping_incomplete', 'Fix the column mapping before importing.', problems);
  }
  return mapping;
}

/**
 * Imports the rows of a previewed import into its business. Rows with errors in the preview's checks are
 * skipped and listed (bounded) in the report; the import's status and report are kept on the import and
 * the data log records who imported how many.
 */
export async function commitImport(tenant: ScopedDb, importId: string, options: CommitOptions): Promise<ImportReport> {
  const { config } = options;
  const storage = options.storage ?? createFileStorage(config);
  const now = options.now ?? new Date();
  const batchRows = options.batchRows ?? COMMIT_BATCH_ROWS;
  const row = await findImport(tenant, importId);
  const preview = row.preview as StoredPreview;
  const mapping = committableMapping(row);
  const author = options.author ?? (await uploaderOf(tenant, row.created_by));
  await tenant.updateTable('imports').set({ status: 'committing' }).where('id', '=', importId).execute();

  const report: ImportReport = { created: 0, updated: 0, skipped: [], skipped_count: 0 };
  const skip = (skipped: SkippedRow) => {
    report.skipped_count += 1;
    if (report.skipped.length < MAX_SKIPPED_LISTED) report.skipped.push(skipped);
  };
  const total = Math.max(preview.row_count ?? 0, 1);
  let seen = 0;
  try {
    await withImportFile(config, storage, row, async (path, kind) => {
      const checker = new RowChecker(mapping, tenant.business.country, now);
      for await (const event of parseImport(path, kind, config, batchRows)) {
        if (event.type === 'header') {
          if (event.cells.length !== preview.columns.length) {
            throw new ApiError(409, 'import_changed', 'The stored file no longer matches its preview.');
          }
          continue;
        }
        const valid: { row: number; values: ImportedClient }[] = [];
        for (const parsed of event.rows as ParsedRow[]) {
          const checked = checker.check(parsed);
          if (checked.errors.length) {
            skip({
              row: checked.row,
              reason: checked.errors.map((error) => `${error.field}: ${error.message}`).join(' '),
              problems: checked.errors.map(({ field, code, params }) => ({ field, code, params })),
            });
          } else valid.push(checked);
        }
        await tenant.transaction((tx) => upsertBatch(tx, valid, report, skip, now));
        seen += event.rows.length;
        await options.onProgress?.(Math.min(seen / total, 1));
      }
    });
  } catch (error) {
    await tenant
      .updateTable('imports')
      .set({ status: 'failed' })
      .where('id', '=', importId)
      .execute()
      .catch(() => {});
    throw error;
  }

  await tenant.transaction(async (tx) => {
    await tx
      .updateTable('imports')
      .set({ status: 'committed', preview: JSON.stringify({ ...preview, report }) })
      .where('id', '=', importId)
      .execute();
    await recordDataLog(tx, author, {
      action: 'import',
      entity: 'client',
      rowCount: report.created + report.updated,
      details: {
        import_id: importId,
        file_name: row.file_name,
        created: report.created,
        updated: report.updated,
        skipped: report.skipped_count,
      },
    });
  });
  await options.onProgress?.(1);
  return report;
}
