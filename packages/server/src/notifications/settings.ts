// Per-client switches for each notification type × channel. Only choices made are stored; a missing one
// is on, except marketing, which follows the client's consent (marketing_allowed). Consent also caps a
// stored switch: withdrawing it stops marketing on every channel.
import { type ClientAccess, visibleClients } from '../clients/access';
import { notFound, validationFailed } from '../http/errors';
import type { ChannelName } from '../messaging/channel';
import type { ScopedDb } from '../tenancy/scoped-db';
import { NOTIFICATION_CHANNELS, NOTIFICATION_DESCRIPTIONS, NOTIFICATION_TYPES, type NotificationType } from './types';

export interface Setting {
  type: NotificationType;
  channel: ChannelName;
  enabled: boolean;
}

/** The one rule: a stored switch, else on; marketing only with consent. */
function isEnabled(type: string, marketingAllowed: boolean, stored: boolean | undefined): boolean {
  return (stored ?? true) && (type !== 'marketing' || marketingAllowed);
}

const key = (type: string, channel: string) => `${type}:${channel}`;

export async function readSettings(access: ClientAccess, clientId: string) {
  const client = await visibleClients(access).select('marketing_allowed').where('id', '=', clientId).executeTakeFirst();
  if (!client) throw notFound('Client');
  const rows = await access.tenant
    .selectFrom('notification_settings')
    .select(['type', 'channel', 'enabled'])
    .where('client_id', '=', clientId)
    .execute();
  const stored = new Map(rows.map((row) => [key(row.type, row.channel), row.enabled]));
  return {
    marketing_allowed: client.marketing_allowed,
    types: NOTIFICATION_TYPES.map((type) => ({ type, description: NOTIFICATION_DESCRIPTIONS[type] })),
    channels: NOTIFICATION_CHANNELS,
    settings: NOTIFICATION_TYPES.flatMap((type) =>
      NOTIFICATION_CHANNELS.map((channel) => ({
        type,
        channel,
        enabled: isEnabled(type, client.marketing_allowed, stored.get(key(type, channel))),
      })),
    ),
  };
}

/** Upserts the switches sent; the others keep their value. Answers the whole matrix. */
export async function saveSettings(access: ClientAccess, clientId: string, settings: readonly Setting[]) {
  const seen = new Set<string>();
  settings.forEach((setting, index) => {
    const pair = key(setting.type, setting.channel);
    if (seen.has(pair))
      throw validationFailed([
        { field: `settings.${index}`, message: `${setting.type} by ${setting.channel} is sent twice.` },
      ]);
    seen.add(pair);
  });
  await access.tenant.transaction(async (trx) => {
    const client = await visibleClients({ ...access, tenant: trx })
      .select('marketing_allowed')
      .where('id', '=', clientId)
      .executeTakeFirst();
    if (!client) throw notFound('Client');
    // A switch cannot stand in for consent: that is recorded on the client (marketing_allowed).
    const index = settings.findIndex((s) => s.type === 'marketing' && s.enabled && !client.marketing_allowed);
    if (index >= 0)
      throw validationFailed([
        {
          field: `settings.${index}.enabled`,
          message: 'The client has not agreed to marketing; record consent first.',
        },
      ]);
    await trx
      .insertInto(
        'notification_settings',
        settings.map((setting) => ({ client_id: clientId, ...setting })),
      )
      .onConflict((oc) =>
        oc.columns(['client_id', 'type', 'channel']).doUpdateSet((eb) => ({ enabled: eb.ref('excluded.enabled') })),
      )
      .execute();
  });
  return readSettings(access, clientId);
}

/**
 * Of `clientIds`, those who may receive `type` by `channel`. Every automatic or bulk send must filter its
 * recipients through this (a page of them at a time); a message typed by staff to one client is theirs to judge.
 */
export async function notificationsAllowed(
  tenant: ScopedDb,
  clientIds: readonly string[],
  type: NotificationType,
  channel: ChannelName,
): Promise<Set<string>> {
  if (!clientIds.length) return new Set();
  const rows = await tenant
    .selectFrom('clients')
    .leftJoin('notification_settings as s', (join) =>
      join.onRef('s.client_id', '=', 'clients.id').on('s.type', '=', type).on('s.channel', '=', channel),
    )
    .select(['clients.id', 'clients.marketing_allowed', 's.enabled'])
    .where('clients.id', 'in', [...clientIds])
    .execute();
  return new Set(
    rows.filter((row) => isEnabled(type, row.marketing_allowed, row.enabled ?? undefined)).map((row) => row.id),
  );
}

/** Whether one client may receive `type` by `channel`; see notificationsAllowed. */
export async function notificationAllowed(
  tenant: ScopedDb,
  clientId: string,
  type: NotificationType,
  channel: ChannelName,
): Promise<boolean> {
  return (await notificationsAllowed(tenant, [clientId], type, channel)).has(clientId);
}
