// Tenant scoping in one place: routes get a ScopedDb bound to the caller's business and never the raw
// Kysely instance, so a query cannot forget `business_id`. Child tables reach the business through
// composite foreign keys (business_id, id), so a row can never point at another business's row either.
import type {
  DeleteQueryBuilder,
  DeleteResult,
  Insertable,
  InsertQueryBuilder,
  InsertResult,
  Kysely,
  SelectQueryBuilder,
  Transaction,
  UpdateQueryBuilder,
  UpdateResult,
} from 'kysely';
import type { Database } from '../db/schema';

/** Tables that carry a business_id column. */
export type TenantTable = {
  [T in keyof Database]: Database[T] extends { business_id: unknown } ? T : never;
}[keyof Database];

type WithoutBusiness<T extends TenantTable> = Omit<Insertable<Database[T]>, 'business_id'>;

/** The business settings most requests need, read once with the credential. */
export interface TenantBusiness {
  id: string;
  country: string;
  currency: string;
  timezone: string;
  shared_client_base: boolean;
}

export const TENANT_BUSINESS_COLUMNS = [
  'businesses.id',
  'businesses.country',
  'businesses.currency',
  'businesses.timezone',
  'businesses.shared_client_base',
  'businesses.allowed_origins',
] as const;

export class ScopedDb {
  readonly businessId: string;

  constructor(
    readonly db: Kysely<Database> | Transaction<Database>,
    readonly business: TenantBusiness,
  ) {
    this.businessId = business.id;
  }

  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, object> {
    // biome-ignore lint/suspicious/noExplicitAny: kysely cannot type a column reference generic over tables
    return (this.db.selectFrom(table) as any).where(`${table}.business_id`, '=', this.businessId);
  }

  insertInto<T extends TenantTable>(
    table: T,
    rows: WithoutBusiness<T> | WithoutBusiness<T>[],
  ): InsertQueryBuilder<Database, T, InsertResult> {
    const list = (Array.isArray(rows) ? rows : [rows]).map((row) => ({ ...row, business_id: this.businessId }));
    // biome-ignore lint/suspicious/noExplicitAny: see selectFrom
    return this.db.insertInto(table).values(list as any);
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    // biome-ignore lint/suspicious/noExplicitAny: see selectFrom
    return (this.db.updateTable(table) as any).where(`${table}.business_id`, '=', this.businessId);
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    // biome-ignore lint/suspicious/noExplicitAny: see selectFrom
    return (this.db.deleteFrom(table) as any).where(`${table}.business_id`, '=', this.businessId);
  }

  /** Runs `work` in one transaction with a ScopedDb bound to the same business. */
  transaction<R>(work: (scoped: ScopedDb) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return work(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => work(new ScopedDb(trx, this.business)));
  }
}
