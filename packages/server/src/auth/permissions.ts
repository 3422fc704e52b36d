// Roles → permissions in one table. A component session may narrow these further with `features`.
import type { Role } from '../db/schema';

export const PERMISSIONS = [
  'clients_read',
  'clients_write',
  'clients_delete',
  'categories_manage',
  'segments_manage',
  'appointments_read',
  'appointments_write',
  'payments_write',
  'account_write',
  'loyalty_write',
  'messages_send',
  'bulk_message',
  'bulk_delete',
  'export',
  'import',
  'files_write',
  'catalogue_manage',
  'data_log_read',
  'users_manage',
  'business_manage',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const receptionist: Permission[] = [
  'clients_read',
  'clients_write',
  'appointments_read',
  'appointments_write',
  'payments_write',
  'account_write',
  'messages_send',
  'files_write',
];

const admin: Permission[] = [
  ...receptionist,
  'clients_delete',
  'categories_manage',
  'segments_manage',
  'loyalty_write',
  'bulk_message',
  'bulk_delete',
  'export',
  'import',
  'catalogue_manage',
  'data_log_read',
];

export const ROLE_PERMISSIONS: Record<Role, ReadonlySet<Permission>> = {
  receptionist: new Set(receptionist),
  admin: new Set(admin),
  owner: new Set(PERMISSIONS),
};

/** Session `features` switch permissions off per embed; they never grant more than the role has. */
export const FEATURES = {
  bulk_delete: ['bulk_delete'],
  bulk_message: ['bulk_message'],
  export: ['export'],
  import: ['import'],
  delete_clients: ['clients_delete', 'bulk_delete'],
  edit_clients: ['clients_write'],
  messages: ['messages_send', 'bulk_message'],
  files: ['files_write'],
  payments: ['payments_write', 'account_write', 'loyalty_write'],
  data_log: ['data_log_read'],
} as const satisfies Record<string, readonly Permission[]>;

export type Feature = keyof typeof FEATURES;

export function permissionsFor(role: Role, features: Partial<Record<Feature, boolean>> = {}): Set<Permission> {
  const granted = new Set(ROLE_PERMISSIONS[role]);
  for (const [feature, enabled] of Object.entries(features)) {
    if (enabled === false) for (const permission of FEATURES[feature as Feature]) granted.delete(permission);
  }
  return granted;
}
