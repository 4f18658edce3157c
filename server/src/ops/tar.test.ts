import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { type TarEntry, TarFormatError, readTar, tarHeader, tarStream } from './tar.ts';

async function bytes(entries: TarEntry[]): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of tarStream(entries)) chunks.push(c);
  return Buffer.concat(chunks);
}

const file = (name: string, content: Buffer | string): TarEntry => {
  const data = Buffer.from(content);
  return { name, type: 'file', size: data.length, open: () => Readable.from([data]) };
};

async function read(tar: Buffer, chunkSize = 7) {
  const out: { name: string; type: string; data: string }[] = [];
  const chunks = Array.from({ length: Math.ceil(tar.length / chunkSize) }, (_, i) => tar.subarray(i * chunkSize, (i + 1) * chunkSize));
  await readTar(Readable.from(chunks), async (entry, body) => {
    const parts: Buffer[] = [];
    for await (const c of body) parts.push(c);
    out.push({ name: entry.name, type: entry.type, data: Buffer.concat(parts).toString() });
  });
  return out;
}

describe('tar', () => {
  const long = `${'d'.repeat(80)}/${'e'.repeat(60)}/file-with-a-long-name.txt`;
  const entries = [{ name: 'base', type: 'dir', size: 0 } as TarEntry, file('base/1', 'x'.repeat(1000)), file('empty', ''), file(long, 'long name'), file('manifest.json', '{"a":1}')];

  it('reads back what it wrote, whatever the chunking', async () => {
    const tar = await bytes(entries);
    expect(tar.length % 512).toBe(0);
    for (const size of [1, 7, 512, 100_000]) {
      expect(await read(tar, size)).toEqual([
        { name: 'base', type: 'dir', data: '' },
        { name: 'base/1', type: 'file', data: 'x'.repeat(1000) },
        { name: 'empty', type: 'file', data: '' },
        { name: long, type: 'file', data: 'long name' },
        { name: 'manifest.json', type: 'file', data: '{"a":1}' },
      ]);
    }
  });

  it('writes what the system tar reads', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ytcs-tar-'));
    try {
      fs.writeFileSync(path.join(dir, 'a.tar'), await bytes(entries));
      const listing = execFileSync('tar', ['-tf', path.join(dir, 'a.tar')], { encoding: 'utf8' }).trim().split('\n');
      expect(listing).toEqual(['base/', 'base/1', 'empty', long, 'manifest.json']);
      expect(execFileSync('tar', ['-xOf', path.join(dir, 'a.tar'), 'manifest.json'], { encoding: 'utf8' })).toBe('{"a":1}');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a damaged header and a file cut short', async () => {
    const tar = await bytes(entries);
    const damaged = Buffer.from(tar);
    damaged[600] = (damaged[600] as number) ^ 0xff;
    await expect(read(damaged)).rejects.toThrow(TarFormatError);
    await expect(read(tar.subarray(0, 1200))).rejects.toThrow(/cut short/);
    await expect(read(tar.subarray(0, tar.length - 1024))).rejects.toThrow(/end marker/);
  });

  it('refuses an entry whose content is not the size announced', async () => {
    const liar: TarEntry = { name: 'x', type: 'file', size: 10, open: () => Readable.from([Buffer.from('short')]) };
    await expect(bytes([liar])).rejects.toThrow(/changed size/);
  });

  it('encodes sizes beyond 8 GiB in base-256', async () => {
    const size = 9 * 1024 ** 3 + 5;
    const header = tarHeader({ name: 'big', type: 'file', size });
    let seen = 0;
    await expect(
      readTar(Readable.from([header]), async (entry) => {
        seen = entry.size;
      }),
    ).rejects.toThrow(/cut short/);
    expect(seen).toBe(size);
  });
});
