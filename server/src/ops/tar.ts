/**
 * A minimal streaming tar (POSIX ustar) writer and reader for backup files: regular files and
 * directories only, names up to 100 bytes (or 255 with the ustar prefix), sizes beyond 8 GiB in
 * GNU base-256. Enough for a backup container and a PGlite data directory, readable by `tar`
 * and by PGlite's loadDataDir; nothing else in the project needs tar, so no dependency for it.
 */
import type { Readable } from 'node:stream';

const BLOCK = 512;

export interface TarEntry {
  name: string;
  type: 'file' | 'dir';
  size: number;
  mode?: number;
  mtime?: Date;
  /** The bytes of a file, exactly `size` of them. */
  open?: () => Readable | AsyncIterable<Uint8Array>;
}

export class TarFormatError extends Error {}

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function writeSize(header: Buffer, size: number) {
  if (size < 8 ** 11) {
    header.write(octal(size, 12), 124, 'ascii');
    return;
  }
  // GNU base-256: high bit set, big-endian value in the remaining bytes.
  header.writeUInt8(0x80, 124);
  let rest = BigInt(size);
  for (let i = 135; i > 124; i--) {
    header[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

function readSize(header: Buffer): number {
  if ((header[124] as number) & 0x80) {
    let value = 0n;
    for (let i = 125; i < 136; i++) value = (value << 8n) | BigInt(header[i] as number);
    return Number(value);
  }
  return Number.parseInt(header.toString('ascii', 124, 136).replace(/\0.*$/, '').trim() || '0', 8);
}

function splitName(name: string): { prefix: string; base: string } {
  if (Buffer.byteLength(name) <= 100) return { prefix: '', base: name };
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const base = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(base) <= 100) return { prefix, base };
  }
  throw new TarFormatError(`tar: name too long: ${name}`);
}

export function tarHeader(entry: TarEntry): Buffer {
  const header = Buffer.alloc(BLOCK);
  const name = entry.type === 'dir' && !entry.name.endsWith('/') ? `${entry.name}/` : entry.name;
  const { prefix, base } = splitName(name);
  header.write(base, 0, 100, 'utf8');
  header.write(octal(entry.mode ?? (entry.type === 'dir' ? 0o755 : 0o644), 8), 100, 'ascii');
  header.write(octal(0, 8), 108, 'ascii');
  header.write(octal(0, 8), 116, 'ascii');
  writeSize(header, entry.type === 'dir' ? 0 : entry.size);
  header.write(octal(Math.floor((entry.mtime ?? new Date()).getTime() / 1000), 12), 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write(entry.type === 'dir' ? '5' : '0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(prefix, 345, 155, 'utf8');
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The tar stream of these entries, ending with the two empty blocks. */
export async function* tarStream(entries: Iterable<TarEntry> | AsyncIterable<TarEntry>): AsyncGenerator<Buffer> {
  for await (const entry of entries) {
    yield tarHeader(entry);
    if (entry.type !== 'file') continue;
    let written = 0;
    if (entry.size > 0) {
      if (!entry.open) throw new TarFormatError(`tar: no content for ${entry.name}`);
      for await (const chunk of entry.open()) {
        written += chunk.length;
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      }
    }
    // A file that changed size while being read would shift every entry after it.
    if (written !== entry.size) throw new TarFormatError(`tar: ${entry.name} changed size while read (${entry.size} → ${written})`);
    yield padding(entry.size);
  }
  yield Buffer.alloc(BLOCK * 2);
}

/** Reads exact byte counts from a stream of chunks. */
class ByteReader {
  private buffered: Buffer[] = [];
  private length = 0;
  private done = false;
  constructor(private readonly source: AsyncIterator<Uint8Array>) {}

  private async fill(n: number) {
    while (this.length < n && !this.done) {
      const next = await this.source.next();
      if (next.done) this.done = true;
      else {
        const chunk = Buffer.from(next.value.buffer, next.value.byteOffset, next.value.length);
        this.buffered.push(chunk);
        this.length += chunk.length;
      }
    }
  }

  /** Up to n bytes (fewer only at the end of the stream). */
  async take(n: number): Promise<Buffer> {
    await this.fill(n);
    const all = this.buffered.length === 1 ? (this.buffered[0] as Buffer) : Buffer.concat(this.buffered);
    const out = all.subarray(0, Math.min(n, all.length));
    const rest = all.subarray(out.length);
    this.buffered = rest.length ? [rest] : [];
    this.length = rest.length;
    return out;
  }

  /** The next chunk of at most n bytes, without gathering more than one read. */
  async chunk(n: number): Promise<Buffer> {
    if (this.length === 0) await this.fill(1);
    const first = this.buffered.shift();
    if (!first) return Buffer.alloc(0);
    const out = first.subarray(0, Math.min(n, first.length));
    const rest = first.subarray(out.length);
    if (rest.length) this.buffered.unshift(rest);
    this.length -= out.length;
    return out;
  }
}

export interface TarReadEntry {
  name: string;
  type: 'file' | 'dir' | 'other';
  size: number;
  mode: number;
  mtime: Date;
}

/**
 * Calls onEntry for each entry with a stream of exactly its bytes; what onEntry leaves unread is
 * skipped. Throws TarFormatError on a damaged header or a stream cut short.
 */
export async function readTar(
  source: AsyncIterable<Uint8Array>,
  onEntry: (entry: TarReadEntry, body: AsyncIterable<Buffer>) => Promise<void>,
): Promise<void> {
  const reader = new ByteReader(source[Symbol.asyncIterator]());
  for (;;) {
    const header = await reader.take(BLOCK);
    if (header.length === 0) throw new TarFormatError('tar: the file ends without its end marker (cut short?)');
    if (header.length < BLOCK) throw new TarFormatError('tar: the file is cut short');
    if (header.every((b) => b === 0)) return;
    const stored = Number.parseInt(header.toString('ascii', 148, 156).replace(/\0.*$/, '').trim(), 8);
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : (header[i] as number);
    if (stored !== sum) throw new TarFormatError('tar: damaged header (checksum)');
    const text = (from: number, to: number) => header.toString('utf8', from, to).replace(/\0.*$/s, '');
    const prefix = header.toString('ascii', 257, 262) === 'ustar' ? text(345, 500) : '';
    const base = text(0, 100);
    const flag = String.fromCharCode(header[156] as number);
    const size = readSize(header);
    const entry: TarReadEntry = {
      name: (prefix ? `${prefix}/${base}` : base).replace(/\/$/, ''),
      type: flag === '0' || flag === '\0' ? 'file' : flag === '5' ? 'dir' : 'other',
      size,
      mode: Number.parseInt(text(100, 108).trim() || '644', 8),
      mtime: new Date(Number.parseInt(text(136, 148).trim() || '0', 8) * 1000),
    };
    let left = size;
    async function* body() {
      while (left > 0) {
        const chunk = await reader.chunk(Math.min(left, 1 << 20));
        if (chunk.length === 0) throw new TarFormatError(`tar: ${entry.name} is cut short`);
        left -= chunk.length;
        yield chunk;
      }
    }
    await onEntry(entry, body());
    for await (const _ of body()) {
      // skip what the caller did not read
    }
    const pad = (BLOCK - (size % BLOCK)) % BLOCK;
    if (pad && (await reader.take(pad)).length < pad) throw new TarFormatError('tar: the file is cut short');
  }
}
