/**
 * Zips written byte by byte for the hostile-file tests (XLSX and Word bombs): each entry's
 * uncompressed size is what the caller says, so a liar can declare less than the truth, and a
 * bomb's text is made by repeating one deflate block, never held expanded.
 */
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** Raw deflate data (method 8). */
  data: Buffer;
  /** Uncompressed size written in the headers (a liar may write less than the truth). */
  declared: number;
}

/** An entry holding `text`, declared truthfully. */
export const deflated = (name: string, text: string): ZipEntry => ({ name, data: deflateRawSync(Buffer.from(text)), declared: Buffer.byteLength(text) });

/** `copies` × `block` between `prefix` and `suffix`, as one raw deflate stream (blocks flushed to a byte boundary, so copies concatenate). */
export function repeated(prefix: string, block: string, copies: number, suffix: string): { data: Buffer; size: number } {
  const flush = (text: string) => deflateRawSync(Buffer.from(text), { finishFlush: constants.Z_SYNC_FLUSH, level: 9 });
  const blockBytes = flush(block);
  const parts = [flush(prefix), ...Array.from({ length: copies }, () => blockBytes), deflateRawSync(Buffer.from(suffix))];
  return { data: Buffer.concat(parts), size: Buffer.byteLength(prefix) + Buffer.byteLength(block) * copies + Buffer.byteLength(suffix) };
}

/** The zip of `entries`: local headers, data, central directory, end record (sizes beyond 4 GiB declared as the largest that fits). */
export function zip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const declared = Math.min(e.declared, 0xfffffffe);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, e.data);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(0x0800, 8);
    cd.writeUInt16LE(8, 10);
    cd.writeUInt32LE(e.data.length, 20);
    cd.writeUInt32LE(declared, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt32LE(offset, 42);
    central.push(cd, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
