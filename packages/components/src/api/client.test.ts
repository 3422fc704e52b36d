import { expect } from '@open-wc/testing';
import { ApiError } from './api-error.js';
import { createApiClient } from './client.js';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('createApiClient', () => {
  it('sends the session as bearer token and the body as JSON', async () => {
    let seen: Request | undefined;
    const api = createApiClient({
      apiBase: 'https://api.example.test/',
      getSession: () => 'cs_one',
      fetch: async (input, init) => {
        seen = new Request(input, init);
        return jsonResponse(201, { id: 'c1' });
      },
    });
    const created = await api.request<{ id: string }>('POST', '/v1/clients', { first_name: 'Ana' });
    expect(created).to.deep.equal({ id: 'c1' });
    expect(seen?.url).to.equal('https://api.example.test/v1/clients');
    expect(seen?.headers.get('Authorization')).to.equal('Bearer cs_one');
    expect(seen?.headers.get('Content-Type')).to.equal('application/json');
    expect(await seen?.json()).to.deep.equal({ first_name: 'Ana' });
  });

  it('throws the API error shape with its status', async () => {
    const api = createApiClient({
      apiBase: '',
      getSession: () => 'cs_one',
      fetch: async () =>
        jsonResponse(422, {
          error: { code: 'validation_failed', message: 'Invalid', details: [{ field: 'phone', message: 'x' }] },
        }),
    });
    const error = await api.request('POST', '/v1/clients', {}).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(422);
    expect((error as ApiError).code).to.equal('validation_failed');
    expect((error as ApiError).details).to.deep.equal([{ field: 'phone', message: 'x' }]);
  });

  it('turns transport failures and non-JSON errors into ApiErrors', async () => {
    const offline = createApiClient({
      apiBase: '',
      getSession: () => null,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const networkError = await offline.request('GET', '/v1/clients').catch((e: unknown) => e);
    expect((networkError as ApiError).code).to.equal('network_error');
    expect((networkError as ApiError).status).to.equal(0);

    const proxy = createApiClient({
      apiBase: '',
      getSession: () => null,
      fetch: async () => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
    });
    const gatewayError = await proxy.request('GET', '/v1/clients').catch((e: unknown) => e);
    expect((gatewayError as ApiError).code).to.equal('http_502');
    expect((gatewayError as ApiError).status).to.equal(502);
  });

  it('resolves to undefined for 204', async () => {
    const api = createApiClient({
      apiBase: '',
      getSession: () => 'cs',
      fetch: async () => new Response(null, { status: 204 }),
    });
    expect(await api.request('DELETE', '/v1/clients/1')).to.equal(undefined);
  });
});
