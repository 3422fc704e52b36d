// A fake of Twilio's Messages API (POST /2010-04-01/Accounts/{AccountSid}/Messages.json, form-encoded, basic
// auth) answering and refusing the way Twilio does, and signing status callbacks with X-Twilio-Signature.
import { createHmac, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { type FakeRequest, sendJson, startFakeServer } from './http';

export interface ReceivedSms {
  sid: string;
  accountSid: string;
  params: Record<string, string>;
}

interface Refusal {
  status: number;
  code: number;
  message: string;
}

const refuse = (response: ServerResponse, { status, code, message }: Refusal) =>
  sendJson(response, status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });

const E164 = /^\+[1-9]\d{6,14}$/;
const PATH = /^\/2010-04-01\/Accounts\/(AC[0-9a-f]{32})\/Messages\.json$/;

// Twilio's request signing, written out here rather than taken from the code under test.
export function twilioSign(authToken: string, url: string, params: Record<string, string>): string {
  const data = Object.keys(params)
    .sort()
    .map((key) => key + params[key])
    .join('');
  return createHmac('sha1', authToken)
    .update(url + data)
    .digest('base64');
}

function problem(params: Record<string, string>): Refusal | null {
  if (!params.To) return { status: 400, code: 21604, message: "A 'To' phone number is required." };
  if (!E164.test(params.To)) return { status: 400, code: 21211, message: `Invalid 'To' Phone Number: ${params.To}` };
  if (!params.From && !params.MessagingServiceSid)
    return { status: 400, code: 21603, message: "A 'From' phone number is required." };
  if (!params.Body) return { status: 400, code: 21602, message: 'Message body is required.' };
  if ([...params.Body].length > 1600)
    return { status: 400, code: 21617, message: 'The concatenated message body exceeds the 1600 character limit.' };
  if (params.StatusCallback && !URL.canParse(params.StatusCallback))
    return { status: 400, code: 21609, message: 'Invalid StatusCallback' };
  return null;
}

export async function startFakeTwilio(options: { accountSid: string; authToken: string }) {
  const state = {
    authToken: options.authToken,
    messages: [] as ReceivedSms[],
    requests: 0,
    /** Refusals to answer the next requests with, in order. */
    refuseNext: [] as Refusal[],
  };

  const server = await startFakeServer((request: FakeRequest, response) => {
    const match = PATH.exec(request.path);
    if (!match || request.method !== 'POST')
      return refuse(response, { status: 404, code: 20404, message: 'The requested resource was not found' });
    state.requests += 1;
    const [user, password] = Buffer.from((request.headers.authorization ?? '').replace(/^Basic /, ''), 'base64')
      .toString()
      .split(':');
    if (user !== options.accountSid || password !== state.authToken)
      return refuse(response, { status: 401, code: 20003, message: 'Authenticate' });
    if (match[1] !== user)
      return refuse(response, { status: 404, code: 20404, message: 'The requested resource was not found' });
    if (!request.headers['content-type']?.startsWith('application/x-www-form-urlencoded'))
      return refuse(response, { status: 400, code: 21602, message: 'Message body is required.' });
    const params = Object.fromEntries(new URLSearchParams(request.body.toString('utf8')));
    const refusal = state.refuseNext.shift() ?? problem(params);
    if (refusal) return refuse(response, refusal);
    const sid = `SM${randomBytes(16).toString('hex')}`;
    state.messages.push({ sid, accountSid: user, params });
    sendJson(response, 201, {
      sid,
      account_sid: user,
      status: 'queued',
      to: params.To,
      from: params.From ?? null,
      messaging_service_sid: params.MessagingServiceSid ?? null,
      body: params.Body,
      num_segments: '1',
      error_code: null,
      error_message: null,
      date_created: new Date().toUTCString(),
      uri: `/2010-04-01/Accounts/${user}/Messages/${sid}.json`,
    });
  });

  /** The status callback Twilio would post for `sms`: where (path + query of its StatusCallback), body, headers. */
  function statusCallback(
    sms: ReceivedSms,
    status: string,
    extra: Record<string, string> = {},
    token = state.authToken,
  ) {
    const callback = sms.params.StatusCallback;
    if (!callback) throw new Error('the message had no StatusCallback');
    const params = {
      AccountSid: sms.accountSid,
      ApiVersion: '2010-04-01',
      From: sms.params.From ?? '',
      MessageSid: sms.sid,
      MessageStatus: status,
      SmsSid: sms.sid,
      SmsStatus: status,
      To: sms.params.To ?? '',
      ...extra,
    };
    const url = new URL(callback);
    return {
      path: `${url.pathname}${url.search}`,
      body: new URLSearchParams(params).toString(),
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Twilio-Signature': twilioSign(token, callback, params),
      },
    };
  }

  return Object.assign(state, { url: server.url, close: server.close, statusCallback });
}
