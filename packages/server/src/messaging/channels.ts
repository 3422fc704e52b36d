import type { Config } from '../config';
import type { Channels } from './channel';
import { DevTransport } from './dev-transport';

/** The channel per kind for this configuration. Providers (Resend, web-push, SMS) plug in here by config. */
export function createChannels(_config: Config): Channels {
  return { sms: new DevTransport(), email: new DevTransport(), push: new DevTransport() };
}
