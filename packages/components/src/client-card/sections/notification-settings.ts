import type { ReactiveControllerHost } from 'lit';
import type { ApiClient } from '../../api/client.js';
import type { Client, NotificationSettings } from '../../api/types.js';
import { clientPath, Resource } from '../section.js';

/**
 * The client's notification switches, loaded for `host` while it shows a client. Consent caps the marketing switch,
 * so a change of it is read again.
 */
export function notificationSettingsResource(
  host: ReactiveControllerHost,
  api: () => ApiClient | undefined,
  client: () => Client | undefined,
): Resource<NotificationSettings> {
  return new Resource<NotificationSettings>(
    host,
    api,
    // Loads only while deps() has a client.
    (api, signal) =>
      api.request<NotificationSettings>('GET', `${clientPath(client()!.id)}/notification-settings`, undefined, {
        signal,
      }),
    () => {
      const c = client();
      return c ? [c.id, c.marketing_allowed] : null;
    },
  );
}
