import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { multipartBoundary, readMultipart } from '../src/files/multipart';
import { attachmentDisposition, sanitizeFileName } from '../src/files/names';
import { MAX_FILE_BYTES } from '../src/files/receive';
import { deleteClientFiles } from '../src/files/service';
import { createFileStorage } from '../src/files/storage';
import { useTestApp } from './harness';
import * as sample from './sample-files';

const t = await useTestApp();
const a = await t.newBusiness({ name: 'Salon A' });
const b = await t.newBusiness({ name: 'Salon B' });
const storageRoot = join(t.config.dataDir, 'files');
const tempDir = join(storageRoot, 'tmp');

let phoneSeq = 0;
async function newClient(token: string, extra: Record<string, unknown> = {}) {
  phoneSeq += 1;
  const res = await t.call('POST', '/v1/clients', {
    token,
    body: { first_name: 'Ann', phone: `07400 91${String(phoneSeq).padStart(4, '0')}`, ...extra },
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function read(response: Response) {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function upload(token: string, clientId: string, name: string, content: Buffer | Blob) {
  const form = new FormData();
  form.append('note', 'a field before the file is skipped');
  form.append('file', content instanceof Blob ? content : new Blob([new Uint8Array(content)]), name);
  const response = await t.app.request(`/v1/clients/${clientId}/files`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}` },
    body: form,
  });
  return { status: response.status, body: await read(response) };
}

async function storageKey(fileId: string) {
  const row = await t.db.selectFrom('files').select('storage_key').where('id', '=', fileId).executeTakeFirstOrThrow();
  return row.storage_key;
}

const tempFiles = () => (existsSync(tempDir) ? readdirSync(tempDir) : []);

describe('uploading, listing, downloading and deleting', () => {
  const cases: [string, () => Buffer, string][] = [
    ['photo.jpg', sample.jpeg, 'image/jpeg'],
    ['photo.jpeg', sample.jpeg, 'image/jpeg'],
    ['scan.png', sample.png, 'image/png'],
    ['tiny.gif', sample.gif, 'image/gif'],
    ['consent.pdf', sample.pdf, 'application/pdf'],
    ['old.doc', sample.ole2, 'application/msword'],
    ['old.xls', sample.ole2, 'application/vnd.ms-excel'],
    ['consent.docx', sample.docx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['prices.xlsx', sample.xlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['notes.txt', sample.text, 'text/plain; charset=utf-8'],
  ];

  it('accepts every allowed type by its content and gives the same bytes back', async () => {
    const clientId = await newClient(a.secretKey);
    for (const [name, make, mime] of cases) {
      const content = make();
      const res = await upload(a.session, clientId, name, content);
      expect([name, res.status]).toEqual([name, 201]);
      expect(res.body).toMatchObject({ client_id: clientId, name, mime_type: mime, size_bytes: content.length });
      expect(res.body.uploaded_by).toBe(a.ownerId);

      const download = await t.app.request(`/v1/files/${res.body.id}`, {
        headers: { Authorization: `Bearer ${a.secretKey}` },
      });
      expect(download.status).toBe(200);
      expect(download.headers.get('content-type')).toBe(mime);
      expect(download.headers.get('content-disposition')).toBe(
        `attachment; filename="${name}"; filename*=UTF-8''${name}`,
      );
      expect(download.headers.get('x-content-type-options')).toBe('nosniff');
      expect(Buffer.from(await download.arrayBuffer()).equals(content)).toBe(true);
    }
    const list = await t.call('GET', `/v1/clients/${clientId}/files`, { token: a.secretKey });
    expect(list.status).toBe(200);
    expect(list.body.total).toBe(cases.length);
    // Newest first.
    expect(list.body.items.map((f: { name: string }) => f.name)).toEqual(cases.map(([name]) => name).reverse());
    const page = await t.call('GET', `/v1/clients/${clientId}/files?offset=2&limit=3`, { token: a.secretKey });
    expect(page.body.items.map((f: { name: string }) => f.name)).toEqual(
      list.body.items.slice(2, 5).map((f: { name: string }) => f.name),
    );
    expect(tempFiles()).toEqual([]);
  });

  it('stores under a random key and deletes row and bytes', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(a.secretKey, clientId, 'report.pdf', sample.pdf());
    const key = await storageKey(res.body.id);
    expect(key).toMatch(new RegExp(`^${a.id}/[0-9a-f]{32}$`));
    expect(existsSync(join(storageRoot, key))).toBe(true);

    const del = await t.call('DELETE', `/v1/files/${res.body.id}`, { token: a.session });
    expect(del.status).toBe(204);
    expect(existsSync(join(storageRoot, key))).toBe(false);
    expect((await t.call('GET', `/v1/files/${res.body.id}`, { token: a.secretKey })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/files/${res.body.id}`, { token: a.secretKey })).status).toBe(404);
  });

  it('deletes the stored bytes of a deleted client', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(a.secretKey, clientId, 'consent.pdf', sample.pdf());
    const key = await storageKey(res.body.id);
    expect((await t.call('DELETE', `/v1/clients/${clientId}`, { token: a.secretKey })).status).toBe(204);
    expect(existsSync(join(storageRoot, key))).toBe(false);
    expect((await t.call('GET', `/v1/files/${res.body.id}`, { token: a.secretKey })).status).toBe(404);
  });

  it('takes an upper-case extension and keeps the name readable', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(a.secretKey, clientId, 'SCAN 2024.PDF', sample.pdf());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: 'SCAN 2024.pdf', mime_type: 'application/pdf' });
    const jpeg = await upload(a.secretKey, clientId, 'IMG_0001.JPG', sample.jpeg());
    expect([jpeg.status, jpeg.body.mime_type]).toEqual([201, 'image/jpeg']);
  });

  it('sanitises path-traversal and control characters in names', async () => {
    const clientId = await newClient(a.secretKey);
    const traversal = await upload(a.secretKey, clientId, '../../../etc/passwd.txt', sample.text());
    expect([traversal.status, traversal.body.name]).toEqual([201, 'passwd.txt']);
    const windows = await upload(a.secretKey, clientId, '..\\..\\boot\\win.ini.txt', sample.text());
    expect(windows.body.name).toBe('win.ini.txt');
    const bidi = await upload(a.secretKey, clientId, 'in\u202evoice\u0007.txt', sample.text());
    expect(bidi.body.name).toBe('invoice.txt');
    // Nothing was written outside the business's folder.
    expect(existsSync(join(t.config.dataDir, 'etc'))).toBe(false);
    expect(readdirSync(storageRoot).sort()).toEqual([a.id, 'tmp'].sort());
  });

  it('offers a non-ASCII name through filename* (RFC 6266)', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(a.secretKey, clientId, 'Счёт №1 (копия).pdf', sample.pdf());
    expect(res.body.name).toBe('Счёт №1 (копия).pdf');
    const download = await t.app.request(`/v1/files/${res.body.id}`, {
      headers: { Authorization: `Bearer ${a.secretKey}` },
    });
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).toMatch(/^attachment; filename="[\x20-\x7e]+"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(.+)$/.exec(disposition)?.[1] ?? '';
    expect(encoded).not.toMatch(/[()'*\s]/);
    expect(decodeURIComponent(encoded)).toBe('Счёт №1 (копия).pdf');
  });
});

describe('refusals', () => {
  it('refuses a file over 12 MB while streaming, leaving no temporary file', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(
      a.secretKey,
      clientId,
      'big.txt',
      new Blob([new Uint8Array(MAX_FILE_BYTES + 1).fill(0x61)]),
    );
    expect([res.status, res.body.error.code]).toEqual([413, 'file_too_large']);
    expect(tempFiles()).toEqual([]);
    const listed = await t.call('GET', `/v1/clients/${clientId}/files`, { token: a.secretKey });
    expect(listed.body.total).toBe(0);
  });

  it('takes exactly 12 MB', async () => {
    const clientId = await newClient(a.secretKey);
    const res = await upload(a.secretKey, clientId, 'max.txt', new Blob([new Uint8Array(MAX_FILE_BYTES).fill(0x61)]));
    expect([res.status, res.body.size_bytes]).toEqual([201, MAX_FILE_BYTES]);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const clientId = await newClient(a.secretKey);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 1;
        controller.enqueue(new Uint8Array(1024));
      },
    });
    const response = await t.app.request(`/v1/clients/${clientId}/files`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${a.secretKey}`,
        'Content-Type': 'multipart/form-data; boundary=xyz',
        'Content-Length': String(50 * 1024 * 1024),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
    expect((await read(response)).error.code).toBe('file_too_large');
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it('decides the type by content: a mismatch is 415', async () => {
    const clientId = await newClient(a.secretKey);
    const refused: [string, Buffer][] = [
      ['x.pdf', sample.html()],
      ['x.txt', sample.exe()],
      ['x.txt', sample.html()],
      ['x.jpg', sample.png()],
      ['x.docx', sample.xlsx()],
      ['x.xlsx', sample.zip({ 'readme.txt': 'not office' })],
      ['x.doc', sample.pdf()],
      ['x.txt', Buffer.from([0x66, 0x6f, 0xff, 0xfe])], // not UTF-8
    ];
    for (const [name, content] of refused) {
      const res = await upload(a.secretKey, clientId, name, content);
      expect([name, res.status, res.body.error?.code]).toEqual([name, 415, 'unsupported_file_type']);
    }
    expect(tempFiles()).toEqual([]);
    const listed = await t.call('GET', `/v1/clients/${clientId}/files`, { token: a.secretKey });
    expect(listed.body.total).toBe(0);
  });

  it('refuses extensions outside the list before reading the content', async () => {
    const clientId = await newClient(a.secretKey);
    for (const name of ['setup.exe', 'page.html', 'image.svg', 'noextension', '.pdf', 'x.pdf.exe']) {
      const res = await upload(a.secretKey, clientId, name, sample.pdf());
      expect([name, res.status, res.body.error.code]).toEqual([name, 415, 'unsupported_file_type']);
      expect(res.body.error.details.allowed_extensions).toContain('pdf');
    }
  });

  it('answers 400 for a body that is not multipart and 422 without a file or for an empty one', async () => {
    const clientId = await newClient(a.secretKey);
    const json = await t.call('POST', `/v1/clients/${clientId}/files`, { token: a.secretKey, body: { file: 'x' } });
    expect([json.status, json.body.error.code]).toEqual([400, 'invalid_body']);
    const form = new FormData();
    form.append('other', 'value');
    const noFile = await t.app.request(`/v1/clients/${clientId}/files`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${a.secretKey}` },
      body: form,
    });
    expect(noFile.status).toBe(422);
    expect((await read(noFile)).error.details[0].field).toBe('file');
    const empty = await upload(a.secretKey, clientId, 'empty.txt', Buffer.alloc(0));
    expect(empty.status).toBe(422);
    expect(tempFiles()).toEqual([]);
  });
});

describe('who may see and change files', () => {
  it("answers 404 for another business's files and clients", async () => {
    const clientId = await newClient(a.secretKey);
    const file = await upload(a.secretKey, clientId, 'private.pdf', sample.pdf());
    expect((await t.call('GET', `/v1/files/${file.body.id}`, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/files/${file.body.id}`, { token: b.secretKey })).status).toBe(404);
    expect((await t.call('GET', `/v1/clients/${clientId}/files`, { token: b.secretKey })).status).toBe(404);
    const intoForeign = await upload(b.secretKey, clientId, 'x.pdf', sample.pdf());
    expect(intoForeign.status).toBe(404);
    expect(existsSync(join(storageRoot, await storageKey(file.body.id)))).toBe(true);
  });

  it('needs files_write to upload or delete, clients_read to list and download', async () => {
    const clientId = await newClient(a.secretKey);
    const file = await upload(a.secretKey, clientId, 'a.pdf', sample.pdf());
    const token = await t.sessionFor(a, 'receptionist', { files: false });
    expect((await upload(token, clientId, 'b.pdf', sample.pdf())).status).toBe(403);
    expect((await t.call('DELETE', `/v1/files/${file.body.id}`, { token })).status).toBe(403);
    expect((await t.call('GET', `/v1/clients/${clientId}/files`, { token })).status).toBe(200);
    expect((await t.call('GET', `/v1/files/${file.body.id}`, { token })).status).toBe(200);
  });

  it('hides the files of clients a branch user cannot see', async () => {
    const chain = await t.newBusiness({ name: 'Chain', shared_client_base: false });
    const north = await t.call('POST', '/v1/locations', {
      token: chain.secretKey,
      body: { name: 'North', timezone: 'Europe/London' },
    });
    const { session: branch } = await t.newStaff(chain, 'admin', { locationIds: [north.body.id] });
    const elsewhere = await newClient(chain.secretKey);
    const hidden = await upload(chain.secretKey, elsewhere, 'hidden.pdf', sample.pdf());
    expect((await t.call('GET', `/v1/clients/${elsewhere}/files`, { token: branch })).status).toBe(404);
    expect((await upload(branch, elsewhere, 'x.pdf', sample.pdf())).status).toBe(404);
    expect((await t.call('GET', `/v1/files/${hidden.body.id}`, { token: branch })).status).toBe(404);
    expect((await t.call('DELETE', `/v1/files/${hidden.body.id}`, { token: branch })).status).toBe(404);

    const local = await newClient(branch);
    const mine = await upload(branch, local, 'mine.pdf', sample.pdf());
    expect(mine.status).toBe(201);
    expect((await t.call('GET', `/v1/files/${mine.body.id}`, { token: branch })).status).toBe(200);
  });

  it('deleteClientFiles removes the rows and the stored bytes of deleted clients', async () => {
    const clientId = await newClient(a.secretKey);
    const first = await upload(a.secretKey, clientId, 'one.pdf', sample.pdf());
    const second = await upload(a.secretKey, clientId, 'two.png', sample.png());
    const keys = [await storageKey(first.body.id), await storageKey(second.body.id)];
    const removed = await deleteClientFiles(a.tenant, [clientId], createFileStorage(t.config));
    expect(removed).toBe(2);
    for (const key of keys) expect(existsSync(join(storageRoot, key))).toBe(false);
    expect((await t.call('GET', `/v1/clients/${clientId}/files`, { token: a.secretKey })).body.total).toBe(0);
  });
});

describe('multipart reader', () => {
  const boundary = '----cb7MA4YWxkTrZu0gW';
  const body =
    `preamble to ignore\r\n--${boundary}\r\n` +
    'Content-Disposition: form-data; name="note"\r\n\r\nhello\r\n' +
    `--${boundary}  \r\n` +
    `Content-Disposition: form-data; name="file"; filename="a \\"b\\".txt"; filename*=UTF-8''%E2%82%AC.txt\r\n` +
    'Content-Type: text/plain\r\n\r\n' +
    `line one\r\n--${boundary.slice(0, 8)} not a boundary\r\nend\r\n` +
    `--${boundary}--\r\nepilogue`;

  async function collect(chunkSize: number) {
    const bytes = Buffer.from(body, 'utf8');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += chunkSize) controller.enqueue(bytes.subarray(i, i + chunkSize));
        controller.close();
      },
    });
    const parts: { name: string | null; filename: string | null; data: string }[] = [];
    for await (const event of readMultipart(stream, boundary)) {
      if (event.type === 'part') parts.push({ name: event.name, filename: event.filename, data: '' });
      else (parts.at(-1) as { data: string }).data += event.chunk.toString('utf8');
    }
    return parts;
  }

  it('reads the same parts however the body is split', async () => {
    const expected = [
      { name: 'note', filename: null, data: 'hello' },
      { name: 'file', filename: '€.txt', data: `line one\r\n--${boundary.slice(0, 8)} not a boundary\r\nend` },
    ];
    for (const size of [1, 2, 3, 7, 16, 45, 1000]) expect(await collect(size)).toEqual(expected);
  });

  it('refuses a body cut off before its closing boundary', async () => {
    const stream = new Blob([`--${boundary}\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc`]).stream();
    await expect(async () => {
      for await (const _ of readMultipart(stream, boundary)) {
      }
    }).rejects.toMatchObject({ status: 400, code: 'invalid_body' });
  });

  it('finds the boundary in the Content-Type', () => {
    expect(multipartBoundary('multipart/form-data; boundary=abc')).toBe('abc');
    expect(multipartBoundary('Multipart/Form-Data; charset=utf-8; boundary="a b"')).toBe('a b');
    expect(multipartBoundary('application/json')).toBeNull();
    expect(multipartBoundary('multipart/form-data')).toBeNull();
  });
});

describe('names', () => {
  it('keeps names short, with their extension', () => {
    const long = sanitizeFileName(`${'é'.repeat(300)}.PDF`);
    expect(Array.from(long.name).length).toBe(160);
    expect(long).toMatchObject({ extension: 'pdf' });
    expect(long.name.endsWith('.pdf')).toBe(true);
    expect(sanitizeFileName('  ..hidden.txt. ')).toEqual({ name: 'hidden.txt', extension: 'txt' });
    expect(sanitizeFileName('a<b>:c?.txt').name).toBe('a_b__c_.txt');
    expect(sanitizeFileName('/')).toEqual({ name: 'file', extension: '' });
  });

  it('writes an RFC 6266 disposition with an ASCII fallback', () => {
    expect(attachmentDisposition("naïve 100% 'x'.txt")).toBe(
      `attachment; filename="na_ve 100_ 'x'.txt"; filename*=UTF-8''na%C3%AFve%20100%25%20%27x%27.txt`,
    );
  });
});
