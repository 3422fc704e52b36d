import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { vapidKeySource } from '../push/vapid';
import type { Channel, Channels } from './channel';
import { DevTransport } from './dev-transport';
import { ResendEmail } from './providers/resend';
import { TwilioSms } from './providers/twilio';
import { WebPush } from './providers/web-push';

/** The route Twilio reports delivery to (see messaging/webhooks). */
export const TWILIO_STATUS_PATH = '/v1/webhooks/twilio';

// The dev transport paces only when told to, so a demo bulk send is not slowed to a provider's rate.
function dev(ratePerSecond: number | undefined): Channel {
  const transport = new DevTransport();
  return ratePerSecond === undefined ? transport : Object.assign(transport, { ratePerSecond });
}

function email(config: Config): Channel {
  const { resendApiKey, emailFrom } = config;
  if (!resendApiKey || !emailFrom) return dev(config.emailRatePerSecond);
  return new ResendEmail({
    apiKey: resendApiKey,
    from: emailFrom,
    baseUrl: config.resendBaseUrl,
    ratePerSecond: config.emailRatePerSecond,
  });
}

function sms(config: Config): Channel {
  const { twilioAccountSid, twilioAuthToken, twilioFrom } = config;
  if (config.smsProvider !== 'twilio' || !twilioAccountSid || !twilioAuthToken || !twilioFrom)
    return dev(config.smsRatePerSecond);
  return new TwilioSms({
    accountSid: twilioAccountSid,
    authToken: twilioAuthToken,
    from: twilioFrom,
    baseUrl: config.twilioBaseUrl,
    // Twilio must reach us: only with a public address do we ask it for delivery reports.
    statusCallbackUrl: config.publicBaseUrl ? `${config.publicBaseUrl}${TWILIO_STATUS_PATH}` : undefined,
    ratePerSecond: config.smsRatePerSecond,
  });
}

function push(config: Config, db: Kysely<Database> | undefined): Channel {
  if (config.pushProvider !== 'web-push') return dev(undefined);
  if (!db) throw new Error('PUSH_PROVIDER=web-push needs the database (for subscriptions and VAPID keys)');
  return new WebPush({ db, vapidKeys: vapidKeySource(config, db), allowLoopback: config.pushAllowLoopback });
}

/**
 * The channel per kind for this configuration: Resend when RESEND_API_KEY is set, Twilio with
 * SMS_PROVIDER=twilio, web-push with PUSH_PROVIDER=web-push; the recording dev transport otherwise.
 */
export function createChannels(config: Config, db?: Kysely<Database>): Channels {
  return { sms: sms(config), email: email(config), push: push(config, db) };
}
