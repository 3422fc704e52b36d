// The file types a client card takes, each recognised by its content: the extension only says which
// check to run, so an HTML page named x.pdf or a program named x.txt is refused.
import type { FileHandle } from 'node:fs/promises';
import { ApiError } from '../http/errors';
import { readZipEntry } from './zip';

type ContentCheck = (file: FileHandle, size: number) => Promise<boolean>;

interface FileType {
  mime: string;
  check: ContentCheck;
}

async function head(file: FileHandle, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, 0);
  return buffer.subarray(0, bytesRead);
}

const startsWith =
  (...signatures: (number[] | string)[]): ContentCheck =>
  async (file) => {
    const bytes = signatures.map((s) => (typeof s === 'string' ? Buffer.from(s, 'latin1') : Buffer.from(s)));
    const start = await head(file, Math.max(...bytes.map((b) => b.length)));
    return bytes.some((signature) => start.subarray(0, signature.length).equals(signature));
  };

// Word 97–2003 and Excel 97–2003 are OLE2 compound files.
const ole2 = startsWith([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const MAX_CONTENT_TYPES_BYTES = 1024 * 1024;

/** An Office Open XML package whose [Content_Types].xml declares parts under `folder` (word/ or xl/). */
const ooxml =
  (folder: string): ContentCheck =>
  async (file, size) => {
    if (!(await startsWith('PK\x03\x04')(file, size))) return false;
    const types = await readZipEntry(file, size, '[Content_Types].xml', MAX_CONTENT_TYPES_BYTES);
    return types?.toString('utf8').includes(`/${folder}`) ?? false;
  };

// What browsers sniff as markup (WHATWG MIME sniffing) plus script: served as text it is harmless, but a
// "document" that is really a page or a script is not what a client card is for.
const MARKUP =
  /<(?:!doctype\s+html|html|head|body|script|iframe|frame|svg|object|embed|style|meta|link|base|form|img|title|\?xml)[\s/>]/i;
const CHUNK_BYTES = 64 * 1024;
const OVERLAP_CHARS = 32;

/** UTF-8 (a BOM is fine) without NUL bytes and without markup. */
const plainText: ContentCheck = async (file, size) => {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const buffer = Buffer.alloc(CHUNK_BYTES);
  let tail = '';
  try {
    for (let position = 0; position < size; ) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffer.subarray(0, bytesRead);
      if (chunk.includes(0)) return false;
      const text = tail + decoder.decode(chunk, { stream: position < size });
      if (MARKUP.test(text)) return false;
      // A tag split across two reads is still seen.
      tail = text.slice(-OVERLAP_CHARS);
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
};

const JPEG: FileType = { mime: 'image/jpeg', check: startsWith([0xff, 0xd8, 0xff]) };

const TYPES: Record<string, FileType> = {
  jpg: JPEG,
  jpeg: JPEG,
  png: { mime: 'image/png', check: startsWith([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]) },
  gif: { mime: 'image/gif', check: startsWith('GIF87a', 'GIF89a') },
  pdf: { mime: 'application/pdf', check: startsWith('%PDF-') },
  doc: { mime: 'application/msword', check: ole2 },
  xls: { mime: 'application/vnd.ms-excel', check: ole2 },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', check: ooxml('word/') },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', check: ooxml('xl/') },
  txt: { mime: 'text/plain; charset=utf-8', check: plainText },
};

export const ALLOWED_EXTENSIONS = Object.keys(TYPES);

const unsupported = (message: string) =>
  new ApiError(415, 'unsupported_file_type', message, { allowed_extensions: ALLOWED_EXTENSIONS });

/** Refuses an extension we do not take, before any content is read. */
export function assertAllowedExtension(extension: string): void {
  if (!Object.hasOwn(TYPES, extension)) {
    throw unsupported(`Files of type "${extension || '(none)'}" are not accepted.`);
  }
}

/** The MIME type to store for a received file, once its content proves to be what its extension says. */
export async function verifiedMimeType(file: FileHandle, size: number, extension: string): Promise<string> {
  assertAllowedExtension(extension);
  const type = TYPES[extension] as FileType;
  if (!(await type.check(file, size))) {
    throw unsupported(`The content of this file is not a valid .${extension} file.`);
  }
  return type.mime;
}
