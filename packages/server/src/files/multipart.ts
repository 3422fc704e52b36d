// A streaming multipart/form-data reader (RFC 7578): yields each part's headers and then its bytes as
// they arrive, so an upload is never held in memory whole and can be stopped at any byte.
import { ApiError } from '../http/errors';

export type MultipartEvent =
  | { type: 'part'; name: string | null; filename: string | null; contentType: string | null }
  | { type: 'data'; chunk: Buffer };

const CRLF = Buffer.from('\r\n');
const HEADERS_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

const malformed = (why: string) => new ApiError(400, 'invalid_body', `The multipart body is malformed: ${why}`);

/** The boundary of a `multipart/form-data` Content-Type, or null for any other type. */
export function multipartBoundary(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\s*(;|$)/i.test(contentType)) return null;
  const match = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType);
  return match?.[1] ?? match?.[2] ?? null;
}

function unquote(value: string): string {
  const quoted = /^"((?:[^"\\]|\\.)*)"$/.exec(value.trim());
  return quoted ? (quoted[1] ?? '').replace(/\\(["\\])/g, '$1') : value.trim();
}

/** `form-data; name="file"; filename="a.pdf"; filename*=UTF-8''%E2%82%AC.pdf` → its parameters. */
function dispositionParams(value: string): Map<string, string> {
  const params = new Map<string, string>();
  const pattern = /;\s*([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const match of value.matchAll(pattern)) params.set((match[1] ?? '').toLowerCase(), unquote(match[2] ?? ''));
  return params;
}

function extendedValue(value: string | undefined): string | undefined {
  const match = value && /^utf-8'[^']*'(.*)$/i.exec(value);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1] ?? '');
  } catch {
    return undefined;
  }
}

function partEvent(block: Buffer): MultipartEvent {
  const headers = new Map<string, string>();
  // Browsers send file names as raw UTF-8 inside the quoted string.
  for (const line of block.toString('utf8').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  const params = dispositionParams(headers.get('content-disposition') ?? '');
  return {
    type: 'part',
    name: params.get('name') ?? null,
    filename: extendedValue(params.get('filename*')) ?? params.get('filename') ?? null,
    contentType: headers.get('content-type') ?? null,
  };
}

export async function* readMultipart(
  body: ReadableStream<Uint8Array>,
  boundary: string,
): AsyncGenerator<MultipartEvent, void, undefined> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const reader = body.getReader();
  // The first delimiter has no line break before it; supplying one lets a single search find them all.
  let buffer = Buffer.from(CRLF);
  let state: 'preamble' | 'delimiter-line' | 'headers' | 'body' | 'done' = 'preamble';
  let ended = false;

  try {
    while (state !== 'done') {
      if (state === 'preamble' || state === 'body') {
        const at = buffer.indexOf(delimiter);
        // Everything but a tail that could be the start of a delimiter is settled.
        const settled = at >= 0 ? at : Math.max(0, buffer.length - delimiter.length + 1);
        if (state === 'body' && settled > 0) yield { type: 'data', chunk: buffer.subarray(0, settled) };
        if (at >= 0) {
          buffer = buffer.subarray(at + delimiter.length);
          state = 'delimiter-line';
          continue;
        }
        buffer = buffer.subarray(settled);
      } else if (state === 'delimiter-line') {
        if (buffer.length >= 2 && buffer[0] === 0x2d && buffer[1] === 0x2d) {
          state = 'done';
          continue;
        }
        const eol = buffer.indexOf(CRLF);
        if (eol >= 0) {
          // RFC 2046 allows whitespace after a boundary; anything else means it was not one.
          if (!/^[ \t]*$/.test(buffer.subarray(0, eol).toString('latin1'))) throw malformed('bad boundary line.');
          buffer = buffer.subarray(eol + CRLF.length);
          state = 'headers';
          continue;
        }
        if (buffer.length > 256) throw malformed('bad boundary line.');
      } else {
        // A part without headers starts with the blank line at once.
        const empty = buffer.subarray(0, 2).equals(CRLF);
        const end = empty ? 0 : buffer.indexOf(HEADERS_END);
        if (end >= 0) {
          yield partEvent(buffer.subarray(0, end));
          buffer = buffer.subarray(end + (empty ? CRLF.length : HEADERS_END.length));
          state = 'body';
          continue;
        }
        if (buffer.length > MAX_HEADER_BYTES) throw malformed('part headers are too long.');
      }

      if (ended) throw malformed('the body ended before the closing boundary.');
      const { done, value } = await reader.read();
      if (done) ended = true;
      else buffer = Buffer.concat([buffer, value]);
    }
  } finally {
    // Stops the upload where we are: after the closing boundary, on an error, or when the caller breaks off.
    await reader.cancel().catch(() => {});
  }
}
