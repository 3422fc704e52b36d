import { ApiError, isApiErrorBody } from './api-error.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiClientOptions {
  /** The API's origin plus any path prefix, without `/v1` (e.g. `https://api.example.com`); '' means same origin. */
  apiBase: string;
  /** Returns the current component session (`cs_…`), read on every request so a refreshed session applies at once. */
  getSession: () => string | null | undefined;
  /**
   * Refresh hook: called once when a request answers 401. Resolves to a new session to retry the request with once,
   * or to null/undefined when no new session can be had (the 401 is then thrown).
   */
  onUnauthorized?: (error: ApiError) => Promise<string | null | undefined>;
  /** Called when a request finally fails with 401: no refresh was possible, or the retry was refused as well. */
  onAuthFailed?: (error: ApiError) => void;
  /** Injected fetch, for tests or hosts that wrap it; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface UploadOptions {
  signal?: AbortSignal;
  /** Bytes of the request body sent so far, and the body's size. */
  onProgress?: (loaded: number, total: number) => void;
}

export interface ApiClient {
  readonly apiBase: string;
  /**
   * Calls `{apiBase}{path}` (path starts with `/v1/…`) with the session as bearer token, sends `body` as JSON, and
   * resolves to the parsed JSON answer (undefined for 204). Rejects with an {@link ApiError}.
   */
  request<T>(method: HttpMethod, path: string, body?: unknown, options?: RequestOptions): Promise<T>;
  /** GETs `path` with the session and resolves to the answer's bytes (a file download). Rejects with an ApiError. */
  download(path: string, options?: RequestOptions): Promise<Blob>;
  /**
   * POSTs `form` as multipart/form-data with the session, reporting upload progress, and resolves to the parsed JSON
   * answer. Uses XMLHttpRequest, the one browser API that reports how much of a request body has been sent.
   */
  upload<T>(path: string, form: FormData, options?: UploadOptions): Promise<T>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const apiBase = options.apiBase.replace(/\/+$/, '');
  const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
  // Requests that fail together (a page of parallel calls after the session lapsed) share one refresh.
  let refreshing: Promise<string | null | undefined> | null = null;

  function refresh(error: ApiError): Promise<string | null | undefined> {
    if (!options.onUnauthorized) return Promise.resolve(null);
    if (!refreshing) {
      refreshing = options.onUnauthorized(error).finally(() => {
        refreshing = null;
      });
    }
    return refreshing;
  }

  async function send(
    method: HttpMethod,
    path: string,
    body: unknown,
    session: string | null | undefined,
    requestOptions: RequestOptions | undefined,
  ): Promise<Response> {
    const headers: Record<string, string> = { Accept: 'application/json', ...requestOptions?.headers };
    if (session) headers.Authorization = `Bearer ${session}`;
    const init: RequestInit = { method, headers, credentials: 'omit' };
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    if (requestOptions?.signal) init.signal = requestOptions.signal;
    try {
      return await fetchImpl(`${apiBase}${path}`, init);
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new ApiError(0, { error: { code: 'network_error', message: 'The API could not be reached.' } }, { cause });
    }
  }

  /**
   * Runs `attempt` with the current session; on 401 retries once with a session another request or the refresh hook
   * obtained. Resolves to the successful answer, rejects with an ApiError otherwise.
   */
  async function authorized(attempt: (session: string | null | undefined) => Promise<Response>): Promise<Response> {
    let session = options.getSession();
    let response = await attempt(session);
    if (response.status === 401) {
      const error = await toApiError(response);
      // Another request may have refreshed the session while this one was in flight: retry with that one instead.
      const current = options.getSession();
      const fresh = current && current !== session ? current : await refresh(error);
      if (!fresh) {
        options.onAuthFailed?.(error);
        throw error;
      }
      session = fresh;
      response = await attempt(session);
      if (response.status === 401) {
        const retryError = await toApiError(response);
        options.onAuthFailed?.(retryError);
        throw retryError;
      }
    }
    if (!response.ok) throw await toApiError(response);
    return response;
  }

  async function request<T>(method: HttpMethod, path: string, body?: unknown, requestOptions?: RequestOptions) {
    const response = await authorized((session) => send(method, path, body, session, requestOptions));
    return (await readJson(response)) as T;
  }

  async function download(path: string, requestOptions?: RequestOptions): Promise<Blob> {
    const headers = { Accept: '*/*', ...requestOptions?.headers };
    const response = await authorized((session) =>
      send('GET', path, undefined, session, { ...requestOptions, headers }),
    );
    return response.blob();
  }

  async function upload<T>(path: string, form: FormData, uploadOptions: UploadOptions = {}): Promise<T> {
    const response = await authorized((session) => sendForm(`${apiBase}${path}`, form, session, uploadOptions));
    return (await readJson(response)) as T;
  }

  return { apiBase, request, download, upload };
}

/** The XMLHttpRequest answer as a fetch Response, so errors and retries go through the same code. */
function sendForm(
  url: string,
  form: FormData,
  session: string | null | undefined,
  options: UploadOptions,
): Promise<Response> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new DOMException('The upload was aborted.', 'AbortError'));
      return;
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('Accept', 'application/json');
    if (session) xhr.setRequestHeader('Authorization', `Bearer ${session}`);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      const headers = new Headers();
      const type = xhr.getResponseHeader('Content-Type');
      if (type) headers.set('Content-Type', type);
      const empty = xhr.status === 204 || xhr.status === 205 || xhr.status === 304;
      resolve(
        new Response(empty ? null : xhr.responseText, { status: xhr.status, statusText: xhr.statusText, headers }),
      );
    });
    xhr.addEventListener('error', () =>
      reject(new ApiError(0, { error: { code: 'network_error', message: 'The API could not be reached.' } })),
    );
    xhr.addEventListener('abort', () => reject(new DOMException('The upload was aborted.', 'AbortError')));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new ApiError(
      response.status,
      { error: { code: 'invalid_response', message: 'The API answered with something that is not JSON.' } },
      { cause },
    );
  }
}

async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await readJson(response);
  } catch {
    body = undefined;
  }
  if (isApiErrorBody(body)) return new ApiError(response.status, body);
  return new ApiError(response.status, {
    error: { code: `http_${response.status}`, message: response.statusText || `HTTP ${response.status}` },
  });
}
