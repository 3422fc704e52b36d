// Where file bytes live. The database keeps the metadata and an opaque key; a store keeps the bytes under
// that key. Local disk today; an S3-compatible store implements the same three calls.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../config';
import { notFound } from '../http/errors';

export interface FileStorage {
  /** Stores bytes under `key`: a string is the path of a temporary file the store may take over. */
  put(key: string, source: string | Readable): Promise<void>;
  /** The bytes under `key`; a missing key answers 404. */
  get(key: string): Promise<Readable>;
  /** Removes `key`; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
}

// Keys are made by newStorageKey; anything else reaching a store is a bug, never a path to follow.
const KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}$/;

/** Random, grouped by business (so a store can list or expire one tenant); never the uploaded name. */
export function newStorageKey(businessId: string): string {
  return `${businessId}/${randomBytes(16).toString('hex')}`;
}

export class LocalFileStorage implements FileStorage {
  constructor(readonly root: string) {}

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Invalid storage key "${key}"`);
    return join(this.root, key);
  }

  async put(key: string, source: string | Readable): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(dirname(target), { recursive: true });
    if (typeof source === 'string') {
      // Uploads are received under the same root, so this is a rename on one file system.
      await rename(source, target);
      return;
    }
    const partial = `${target}.part`;
    try {
      const handle = await open(partial, 'wx', 0o600);
      await pipeline(source, handle.createWriteStream());
      await rename(partial, target);
    } finally {
      await rm(partial, { force: true });
    }
  }

  async get(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw notFound('File');
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/** Folder for uploads while they stream in: local even when the store is remote. */
export function uploadTempDir(config: Config): string {
  return join(config.dataDir, 'files', 'tmp');
}

export function createFileStorage(config: Config): FileStorage {
  return new LocalFileStorage(join(config.dataDir, 'files'));
}
