// Just enough of ZIP to read one small entry of an uploaded file through its central directory, with
// positional reads and a cap on the inflated size (an upload may be a zip bomb).
import type { FileHandle } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const END_RECORD_BYTES = 22;
const MAX_COMMENT_BYTES = 0xffff;

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

interface Entry {
  method: number;
  compressedSize: number;
  size: number;
  localHeader: number;
}

async function findEntry(file: FileHandle, fileSize: number, name: string): Promise<Entry | null> {
  const tailStart = Math.max(0, fileSize - END_RECORD_BYTES - MAX_COMMENT_BYTES);
  const tail = await readAt(file, tailStart, fileSize - tailStart);
  let end = -1;
  for (let at = tail.length - END_RECORD_BYTES; at >= 0 && end < 0; at--) {
    if (tail.readUInt32LE(at) === END_OF_DIRECTORY) end = at;
  }
  if (end < 0) return null;
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryStart = tail.readUInt32LE(end + 16);
  // ZIP64 markers (0xffffffff) land here too: no document we accept needs them.
  if (directoryStart + directorySize > fileSize) return null;
  const directory = await readAt(file, directoryStart, directorySize);
  for (let at = 0; at + 46 <= directory.length; ) {
    if (directory.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = directory.readUInt16LE(at + 28);
    const entryName = directory.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    if (entryName === name) {
      return {
        method: directory.readUInt16LE(at + 10),
        compressedSize: directory.readUInt32LE(at + 20),
        size: directory.readUInt32LE(at + 24),
        localHeader: directory.readUInt32LE(at + 42),
      };
    }
    at += 46 + nameLength + directory.readUInt16LE(at + 30) + directory.readUInt16LE(at + 32);
  }
  return null;
}

/** The bytes of entry `name`, or null when the file is no readable ZIP, lacks it, or it exceeds `maxBytes`. */
export async function readZipEntry(
  file: FileHandle,
  fileSize: number,
  name: string,
  maxBytes: number,
): Promise<Buffer | null> {
  const entry = await findEntry(file, fileSize, name);
  if (!entry || entry.size > maxBytes || entry.compressedSize > fileSize) return null;
  const header = await readAt(file, entry.localHeader, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== LOCAL_HEADER) return null;
  const dataStart = entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  const data = await readAt(file, dataStart, entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  try {
    if (entry.method === 0) return data;
    if (entry.method === 8) return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    // Corrupt, or inflating past maxBytes despite the size the directory claimed.
  }
  return null;
}
