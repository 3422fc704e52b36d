// Receives one uploaded file: the request body streams through the multipart reader into a temporary
// file, counting bytes, and stops at the first byte over the limit. Nothing is buffered whole.
import { randomUUID } from 'node:crypto';
import { type FileHandle, mkdir, open, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { ApiError, validationFailed } from '../http/errors';
import { multipartBoundary, readMultipart } from './multipart';

/** 12 MB in the binary sense most people's file managers use. */
export const MAX_FILE_BYTES = 12 * 1024 * 1024;
/** Room for the multipart framing around the file: boundaries, part headers, small extra fields. */
const ENVELOPE_BYTES = 64 * 1024;
export const FILE_FIELD = 'file';

export const fileTooLarge = (maxBytes = MAX_FILE_BYTES) =>
  new ApiError(
    413,
    'file_too_large',
    `A file may have at most ${maxBytes} bytes (${Math.round((maxBytes / 1024 / 1024) * 10) / 10} MB).`,
    { max_bytes: maxBytes },
  );

export interface ReceivedFile<T = unknown> {
  /** The temporary file; the caller moves it into storage or removes it. */
  path: string;
  size: number;
  /** What `accept` made of the file name the client sent. */
  accepted: T;
}

/** Counts every byte of the body, so a request without Content-Length (chunked) is bounded too. */
function capped(body: ReadableStream<Uint8Array>, maxBytes: number, fileMaxBytes: number): ReadableStream<Uint8Array> {
  let seen = 0;
  return body.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) throw fileTooLarge(fileMaxBytes);
        controller.enqueue(chunk);
      },
    }),
  );
}

/**
 * Streams the multipart field `file` of `request` into a new file in `tempDir`. `accept` sees the
 * client's file name before any content is read and throws to refuse it (an extension we do not take).
 * `maxBytes` bounds the file (client documents: 12 MB; imports pass their own bound).
 */
export async function receiveUpload<T>(
  request: Request,
  tempDir: string,
  accept: (filename: string) => T,
  maxBytes = MAX_FILE_BYTES,
): Promise<ReceivedFile<T>> {
  const boundary = multipartBoundary(request.headers.get('content-type') ?? undefined);
  if (!boundary) {
    throw new ApiError(400, 'invalid_body', `Send the file as multipart/form-data in the field "${FILE_FIELD}".`);
  }
  const declared = Number(request.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes + ENVELOPE_BYTES) throw fileTooLarge(maxBytes);
  if (!request.body) throw validationFailed([{ field: FILE_FIELD, message: 'No file was sent.' }]);

  await mkdir(tempDir, { recursive: true });
  const path = join(tempDir, randomUUID());
  let handle: FileHandle | undefined;
  let accepted: { value: T } | undefined;
  let size = 0;
  let inFile = false;
  try {
    for await (const event of readMultipart(capped(request.body, maxBytes + ENVELOPE_BYTES, maxBytes), boundary)) {
      if (event.type === 'part') {
        // Only the first file in the field counts; other parts are read past.
        inFile = !handle && event.name === FILE_FIELD && event.filename !== null;
        if (inFile) {
          accepted = { value: accept(event.filename ?? '') };
          handle = await open(path, 'wx', 0o600);
        }
      } else if (inFile && handle) {
        size += event.chunk.byteLength;
        if (size > maxBytes) throw fileTooLarge(maxBytes);
        await handle.write(event.chunk);
      }
    }
    if (!handle || !accepted) {
      throw validationFailed([
        { field: FILE_FIELD, message: `Attach the file in the multipart field "${FILE_FIELD}".` },
      ]);
    }
    if (size === 0) throw validationFailed([{ field: FILE_FIELD, message: 'The file is empty.' }]);
    await handle.close();
    handle = undefined;
    return { path, size, accepted: accepted.value };
  } catch (error) {
    await handle?.close().catch(() => {});
    await rm(path, { force: true });
    throw error;
  }
}
