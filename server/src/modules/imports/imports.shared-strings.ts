/**
 * A workbook's shared strings, kept as UTF-8 in chunks of one buffer size with the end of each
 * string in a Uint32Array. V8 keeps Vietnamese text as two bytes a character plus a header per
 * string; here a string costs its UTF-8 bytes and four more, about a third of an array of strings,
 * so a register of a million rows saved by Excel (four or five unique strings a row) fits the
 * importer's memory. Chunks rather than one growing buffer: no copy (and no double peak) as it grows.
 */
const CHUNK_BYTES = 8 * 1024 * 1024;

export class SharedStrings {
  private readonly chunks: Buffer[] = [];
  private ends = new Uint32Array(1024);
  private used = 0;
  length = 0;

  /** `chunkBytes` is for tests: the boundaries are met with a few strings. */
  constructor(private readonly chunkBytes = CHUNK_BYTES) {}

  push(text: string): void {
    const bytes = Buffer.byteLength(text);
    if (bytes > this.chunkBytes) throw new RangeError('shared string longer than a chunk');
    // A string never spans two chunks: one that does not fit starts the next.
    const room = this.chunks.length * this.chunkBytes - this.used;
    if (bytes > room) {
      this.used = this.chunks.length * this.chunkBytes;
      this.chunks.push(Buffer.allocUnsafe(this.chunkBytes));
    }
    if (bytes > 0) (this.chunks.at(-1) as Buffer).write(text, this.used - (this.chunks.length - 1) * this.chunkBytes, 'utf8');
    this.used += bytes;
    if (this.length === this.ends.length) {
      const grown = new Uint32Array(this.ends.length * 2);
      grown.set(this.ends);
      this.ends = grown;
    }
    this.ends[this.length++] = this.used;
  }

  /** The string at `index`, or undefined beyond the last. */
  at(index: number): string | undefined {
    if (!Number.isInteger(index) || index < 0 || index >= this.length) return undefined;
    const end = this.ends[index] as number;
    const previous = index === 0 ? 0 : (this.ends[index - 1] as number);
    if (end === previous) return '';
    // A string that did not fit the previous chunk starts at its own chunk's beginning.
    const chunk = Math.floor((end - 1) / this.chunkBytes);
    const start = Math.max(previous, chunk * this.chunkBytes);
    return (this.chunks[chunk] as Buffer).toString('utf8', start - chunk * this.chunkBytes, end - chunk * this.chunkBytes);
  }

  /** Bytes held: the chunks and the index. */
  get bytes(): number {
    return this.chunks.length * this.chunkBytes + this.ends.byteLength;
  }
}
