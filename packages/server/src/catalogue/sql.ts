import { type SqlBool, sql } from 'kysely';

/** The row's uuid[] `column` contains `id`: containment, so GIN indexes on such columns serve it. */
export const holdsId = (column: string, id: string) => sql<SqlBool>`${sql.ref(column)} @> array[${id}]::uuid[]`;
