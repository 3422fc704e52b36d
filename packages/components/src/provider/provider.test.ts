import { consume } from '@lit/context';
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { state } from 'lit/decorators.js';
import { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import {
  apiClientContext,
  localeContext,
  type SessionInfo,
  sessionContext,
  type Theme,
  themeContext,
} from '../context.js';
import type { CbSessionExpiredEvent } from '../events/session-expired.js';
import type { Locale } from '../localize.js';
import type { CbProvider } from './provider.component.js';
import './provider.js';
import { testSession, waitFor } from '../../test/real-api.js';

// A stand-in for the real elements: records what the provider hands down.
class TestContextConsumer extends LitElement {
  @consume({ context: apiClientContext, subscribe: true }) @state() api?: ApiClient;
  @consume({ context: sessionContext, subscribe: true }) @state() sessionInfo?: SessionInfo;
  @consume({ context: localeContext, subscribe: true }) @state() locale?: Locale;
  @consume({ context: themeContext, subscribe: true }) @state() theme?: Theme;
}
customElements.define('test-context-consumer', TestContextConsumer);

/** A provider whose session has expired on the real API; fetchSession is set before the session is. */
async function expiredProvider(fetchSession?: () => Promise<string>) {
  const { provider, consumer } = await providerWithConsumer();
  if (fetchSession) provider.fetchSession = fetchSession;
  provider.session = (await testSession({ expired: true })).session;
  await provider.updateComplete;
  return { provider, consumer };
}

async function providerWithConsumer(template = html`<cb-provider api-base=${location.origin}></cb-provider>`) {
  const provider = await fixture<CbProvider>(template);
  const consumer = document.createElement('test-context-consumer') as TestContextConsumer;
  provider.append(consumer);
  await provider.updateComplete;
  return { provider, consumer };
}

describe('cb-provider', () => {
  it('is accessible', async () => {
    const el = await fixture<CbProvider>(html`<cb-provider><p>Clients</p></cb-provider>`);
    await expect(el).to.be.accessible();
  });

  it('provides an api client for its api-base, replaced when api-base changes', async () => {
    const { provider, consumer } = await providerWithConsumer();
    const first = consumer.api;
    expect(first?.apiBase).to.equal(location.origin);
    expect(provider.apiClient).to.equal(first);

    provider.apiBase = 'https://api.example.test/prefix/';
    await provider.updateComplete;
    expect(consumer.api).to.not.equal(first);
    expect(consumer.api?.apiBase).to.equal('https://api.example.test/prefix');
  });

  it('provides locale and theme, and switches the tokens with the theme', async () => {
    const { provider, consumer } = await providerWithConsumer(html`<cb-provider locale="de-AT"></cb-provider>`);
    expect(consumer.locale).to.equal('de');
    expect(consumer.theme).to.equal('light');
    expect(provider.getAttribute('theme')).to.equal('light');
    const lightBackground = getComputedStyle(provider).getPropertyValue('--cb-color-background');

    provider.theme = 'dark';
    await provider.updateComplete;
    expect(consumer.theme).to.equal('dark');
    expect(provider.getAttribute('theme')).to.equal('dark');
    expect(getComputedStyle(provider).getPropertyValue('--cb-color-background')).to.not.equal(lightBackground);
  });

  it('loads the session user, business, permissions and features from the real API', async () => {
    const { session } = await testSession();
    const { consumer } = await providerWithConsumer(
      html`<cb-provider api-base=${location.origin} session=${session}></cb-provider>`,
    );
    const info = await waitFor(() => consumer.sessionInfo?.business && consumer.sessionInfo, 5000, '/v1/me');
    expect(info.business?.currency).to.equal('GBP');
    expect(info.user?.role).to.equal('owner');
    expect(info.permissions.length).to.be.greaterThan(0);
    expect(info.authenticated).to.equal(true);
  });

  it('refreshes an expired session through fetchSession and retries once', async () => {
    const fresh = (await testSession()).session;
    let calls = 0;
    const { provider, consumer } = await expiredProvider(async () => {
      calls += 1;
      return fresh;
    });
    const me = await consumer.api?.request<{ user: { role: string } | null }>('GET', '/v1/me');
    expect(me?.user?.role).to.equal('owner');
    expect(calls).to.equal(1);
    expect(provider.session).to.equal(fresh);
    await provider.updateComplete;
    expect(consumer.sessionInfo).to.include({ authenticated: true, expired: false });
  });

  it('shares one refresh between requests that fail together', async () => {
    const fresh = (await testSession()).session;
    let calls = 0;
    const { consumer } = await expiredProvider(async () => {
      calls += 1;
      return fresh;
    });
    const api = consumer.api as ApiClient;
    await Promise.all([
      api.request('GET', '/v1/me'),
      api.request('GET', '/v1/categories'),
      api.request('GET', '/v1/segments'),
    ]);
    expect(calls).to.equal(1);
  });

  it('fires cb-session-expired when the session cannot be refreshed', async () => {
    const alsoExpired = (await testSession({ expired: true })).session;
    let calls = 0;
    const { provider, consumer } = await providerWithConsumer();
    provider.fetchSession = async () => {
      calls += 1;
      return alsoExpired;
    };
    const expired = oneEvent<CbSessionExpiredEvent>(provider, 'cb-session-expired');
    provider.session = (await testSession({ expired: true })).session;
    const event = await expired;
    expect(calls).to.equal(1);
    const error = await consumer.api?.request('GET', '/v1/categories').catch((failure: unknown) => failure);

    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.error.code).to.equal('session_expired');
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(401);
    expect(consumer.sessionInfo?.expired).to.equal(true);
  });

  it('fires cb-session-expired at once when there is no fetchSession', async () => {
    const { provider, consumer } = await providerWithConsumer();
    const expired = oneEvent(provider, 'cb-session-expired');
    provider.session = (await testSession({ expired: true })).session;
    await expired;
    expect(await consumer.api?.request('GET', '/v1/categories').catch((error: unknown) => error)).to.be.instanceOf(
      ApiError,
    );
  });
});
