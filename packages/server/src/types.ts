// Types the browser packages may import: no runtime code crosses this line.
export type { AppType } from './app';
export type { Permission } from './auth/permissions';
export type { ClientView } from './clients/view';
export type { ImportField } from './imports/fields';
export type { SkippedRow } from './imports/report';
export type { ImportedClient, RowErrorCode } from './imports/rows';
