/**
 * UTF-8 output built in byte chunks. The parts we generate for a large roster (a findings sheet
 * of 20,000 rows is over 20 MB of XML) are written piece by piece as bytes: no huge string is
 * held, flattened and then encoded, and the pieces die young (cheap to collect).
 */
const encoder = new TextEncoder();
const CHUNK = 1 << 18;

export class Utf8Writer {
  private readonly done: Uint8Array[] = [];
  private doneBytes = 0;
  private cur: Uint8Array;
  private pos = 0;

  /** `initialBytes`: the size of the first chunk (output that fits in it is never copied again). */
  constructor(initialBytes = CHUNK) {
    this.cur = new Uint8Array(Math.max(64, initialBytes));
  }

  /** Append the UTF-8 bytes of `s`. */
  write(s: string): void {
    // A UTF-16 unit takes at most 3 bytes in UTF-8 (a surrogate pair, 2 units, takes 4).
    if (this.pos + s.length * 3 > this.cur.length) {
      // A long text that does not fit is encoded on its own, at its exact size.
      if (s.length > CHUNK >> 2) return this.append(encoder.encode(s));
      this.next(s.length * 3);
    }
    this.pos += encoder.encodeInto(s, this.pos === 0 ? this.cur : this.cur.subarray(this.pos)).written;
  }

  /** Append bytes (UTF-8 already). */
  writeBytes(b: Uint8Array): void {
    if (this.pos + b.length > this.cur.length) this.next(b.length);
    this.cur.set(b, this.pos);
    this.pos += b.length;
  }

  /** Append bytes as they are, without copying them (the caller does not change them afterwards). */
  append(b: Uint8Array): void {
    if (b.length < 4096) return this.writeBytes(b);
    if (this.pos > 0) {
      this.done.push(this.cur.subarray(0, this.pos));
      this.doneBytes += this.pos;
      this.cur = this.cur.subarray(this.pos);
      this.pos = 0;
    }
    this.done.push(b);
    this.doneBytes += b.length;
  }

  /** Close the current chunk and start one with room for `need` bytes. */
  private next(need: number): void {
    if (this.pos > 0) {
      this.done.push(this.cur.subarray(0, this.pos));
      this.doneBytes += this.pos;
    }
    this.cur = new Uint8Array(Math.max(CHUNK, need));
    this.pos = 0;
  }

  /** Bytes written so far. */
  get length(): number {
    return this.doneBytes + this.pos;
  }

  /** The bytes written, as the chunks they are in (write nothing after taking them). */
  chunks(): Uint8Array[] {
    return this.pos > 0 ? [...this.done, this.cur.subarray(0, this.pos)] : [...this.done];
  }

  /** The bytes written, in one array (write nothing after taking them). */
  bytes(): Uint8Array {
    if (this.done.length === 0) return this.cur.subarray(0, this.pos);
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.done) {
      out.set(c, at);
      at += c.length;
    }
    out.set(this.cur.subarray(0, this.pos), at);
    return out;
  }
}
