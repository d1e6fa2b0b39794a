/**
 * A reader for the Compound File Binary format (OLE2, [MS-CFB]), the container of Excel 97-2003
 * .xls workbooks: header, FAT (with DIFAT sectors), directory, mini stream. Read-only, on bytes,
 * and defensive: every sector number is checked against the file, every chain against loops,
 * so a damaged or truncated file gives one {@link CfbError}, never a hang or a crash.
 *
 * Written for this project (no dependency): the format is small and fully specified, and the
 * npm readers that bundle it come with a whole spreadsheet library (see README, "Input formats").
 */

/** Why a compound file cannot be read (the caller turns it into a one-line message). */
export class CfbError extends Error {
  constructor(readonly detail: string) {
    super(detail);
    this.name = "CfbError";
  }
}

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const ENDOFCHAIN = 0xfffffffe;
const FREESECT = 0xffffffff;
const MAXREGSECT = 0xfffffffa;
const NOSTREAM = 0xffffffff;
/** Streams larger than this are refused (a roster workbook is a few MB; this stops absurd sizes early). */
const MAX_STREAM_BYTES = 512 * 1024 * 1024;

export type CfbEntryType = "storage" | "stream" | "root" | "unknown";

/** One directory entry. */
export interface CfbEntry {
  /** Index in the directory. */
  id: number;
  name: string;
  type: CfbEntryType;
  left: number;
  right: number;
  child: number;
  start: number;
  size: number;
}

/** A parsed compound file: its directory and a way to read each stream. */
export class CompoundFile {
  private readonly view: DataView;
  private readonly sectorSize: number;
  private readonly miniSectorSize: number;
  private readonly miniCutoff: number;
  private readonly fat: Uint32Array;
  private miniFat?: Uint32Array;
  private miniStream?: Uint8Array;
  readonly entries: CfbEntry[];

  constructor(private readonly bytes: Uint8Array) {
    if (bytes.length < 512) throw new CfbError("header");
    for (let i = 0; i < MAGIC.length; i++) if (bytes[i] !== MAGIC[i]) throw new CfbError("signature");
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const v = this.view;
    const major = v.getUint16(26, true);
    const sectorShift = v.getUint16(30, true);
    const miniShift = v.getUint16(32, true);
    if (v.getUint16(28, true) !== 0xfffe) throw new CfbError("byte order");
    if (!((major === 3 && sectorShift === 9) || (major === 4 && sectorShift === 12))) throw new CfbError(`version ${major}, sector shift ${sectorShift}`);
    if (miniShift !== 6) throw new CfbError(`mini sector shift ${miniShift}`);
    this.sectorSize = 1 << sectorShift;
    this.miniSectorSize = 1 << miniShift;
    this.miniCutoff = v.getUint32(56, true);
    const fatSectors = v.getUint32(44, true);
    const firstDir = v.getUint32(48, true);
    const maxSectors = Math.ceil(bytes.length / this.sectorSize);
    if (fatSectors > maxSectors) throw new CfbError("FAT size");
    // The FAT's own sectors: 109 in the header, the rest in the DIFAT chain.
    const fatSectorIds: number[] = [];
    for (let i = 0; i < 109 && fatSectorIds.length < fatSectors; i++) fatSectorIds.push(v.getUint32(76 + 4 * i, true));
    let difat = v.getUint32(68, true);
    const perDifat = this.sectorSize / 4 - 1;
    const seenDifat = new Set<number>();
    while (fatSectorIds.length < fatSectors) {
      if (difat > MAXREGSECT || difat >= maxSectors || seenDifat.has(difat)) throw new CfbError("DIFAT chain");
      seenDifat.add(difat);
      const base = this.sectorOffset(difat);
      for (let i = 0; i < perDifat && fatSectorIds.length < fatSectors; i++) fatSectorIds.push(v.getUint32(base + 4 * i, true));
      difat = v.getUint32(base + 4 * perDifat, true);
    }
    const perSector = this.sectorSize / 4;
    this.fat = new Uint32Array(fatSectorIds.length * perSector);
    fatSectorIds.forEach((s, i) => {
      if (s > MAXREGSECT || s >= maxSectors) throw new CfbError("FAT sector");
      const base = this.sectorOffset(s);
      const end = Math.min(base + this.sectorSize, bytes.length);
      for (let k = 0; base + 4 * k + 4 <= end; k++) this.fat[i * perSector + k] = v.getUint32(base + 4 * k, true);
      // A FAT sector cut short by the end of the file: the missing entries stay free (0 would point at sector 0).
      for (let k = Math.max(0, Math.floor((end - base) / 4)); k < perSector; k++) this.fat[i * perSector + k] = FREESECT;
    });
    const dir = this.readChain(firstDir, this.fat, this.sectorSize, (s) => this.sectorBytes(s), Number.MAX_SAFE_INTEGER, "directory");
    this.entries = [];
    for (let off = 0; off + 128 <= dir.length; off += 128) this.entries.push(this.entryAt(dir, off, this.entries.length, major));
    if (this.entries.length === 0 || this.entries[0].type !== "root") throw new CfbError("root entry");
  }

  private sectorOffset(sector: number): number {
    return (sector + 1) * this.sectorSize;
  }

  private sectorBytes(sector: number): Uint8Array {
    const start = this.sectorOffset(sector);
    if (start >= this.bytes.length) throw new CfbError(`sector ${sector} beyond the end of the file (truncated)`);
    return this.bytes.subarray(start, Math.min(start + this.sectorSize, this.bytes.length));
  }

  /** Follow a chain from `start` and concatenate its sectors (at most `limit` bytes). */
  private readChain(start: number, table: Uint32Array, unit: number, sector: (s: number) => Uint8Array, limit: number, what: string): Uint8Array {
    const parts: Uint8Array[] = [];
    let total = 0;
    let s = start;
    let steps = 0;
    while (s !== ENDOFCHAIN && total < limit) {
      if (s > MAXREGSECT || s >= table.length) throw new CfbError(`${what} chain`);
      if (++steps > table.length) throw new CfbError(`${what} chain loops`);
      const b = sector(s);
      parts.push(b);
      total += b.length;
      if (b.length < unit && table[s] !== ENDOFCHAIN) throw new CfbError(`${what}: truncated`);
      s = table[s];
    }
    const out = new Uint8Array(Math.min(total, limit));
    let off = 0;
    for (const p of parts) {
      if (off >= out.length) break;
      const n = Math.min(p.length, out.length - off);
      out.set(p.subarray(0, n), off);
      off += n;
    }
    return out;
  }

  private entryAt(dir: Uint8Array, off: number, id: number, major: number): CfbEntry {
    const v = new DataView(dir.buffer, dir.byteOffset + off, 128);
    const nameBytes = Math.min(64, v.getUint16(64, true));
    let name = "";
    for (let i = 0; i + 1 < nameBytes; i += 2) {
      const c = v.getUint16(i, true);
      if (c === 0) break;
      name += String.fromCharCode(c);
    }
    const t = v.getUint8(66);
    const type: CfbEntryType = t === 1 ? "storage" : t === 2 ? "stream" : t === 5 ? "root" : "unknown";
    const low = v.getUint32(120, true);
    const high = major === 4 ? v.getUint32(124, true) : 0;
    const size = high * 2 ** 32 + low;
    return { id, name, type, left: v.getUint32(68, true), right: v.getUint32(72, true), child: v.getUint32(76, true), start: v.getUint32(116, true), size };
  }

  /** The entries directly under a storage (the root by default), by walking its red-black tree. */
  children(parent: CfbEntry = this.entries[0]): CfbEntry[] {
    const out: CfbEntry[] = [];
    const seen = new Set<number>();
    const stack = [parent.child];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === NOSTREAM || id >= this.entries.length || seen.has(id)) continue;
      seen.add(id);
      const e = this.entries[id];
      if (e.type === "unknown") continue;
      out.push(e);
      stack.push(e.left, e.right);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** A stream of the root storage by name (case-insensitive, as CFB compares names). */
  rootStream(name: string): CfbEntry | undefined {
    const upper = name.toUpperCase();
    return this.children().find((e) => e.type === "stream" && e.name.toUpperCase() === upper);
  }

  /** The bytes of a stream. */
  read(entry: CfbEntry): Uint8Array {
    if (entry.size > MAX_STREAM_BYTES) throw new CfbError(`stream ${entry.name} too large`);
    if (entry.size === 0) return new Uint8Array(0);
    if (entry.size < this.miniCutoff) {
      const mini = this.loadMini();
      const sectors = Math.ceil(mini.stream.length / this.miniSectorSize);
      const data = this.readChain(
        entry.start,
        mini.fat,
        this.miniSectorSize,
        (s) => {
          if (s >= sectors) throw new CfbError("mini stream");
          return mini.stream.subarray(s * this.miniSectorSize, Math.min((s + 1) * this.miniSectorSize, mini.stream.length));
        },
        entry.size,
        `stream ${entry.name}`,
      );
      if (data.length < entry.size) throw new CfbError(`stream ${entry.name} is shorter than its size (truncated)`);
      return data;
    }
    const data = this.readChain(entry.start, this.fat, this.sectorSize, (s) => this.sectorBytes(s), entry.size, `stream ${entry.name}`);
    if (data.length < entry.size) throw new CfbError(`stream ${entry.name} is shorter than its size (truncated)`);
    return data;
  }

  private loadMini(): { fat: Uint32Array; stream: Uint8Array } {
    if (!this.miniFat || !this.miniStream) {
      const v = this.view;
      const first = v.getUint32(60, true);
      const count = v.getUint32(64, true);
      const raw = first === ENDOFCHAIN || count === 0 ? new Uint8Array(0) : this.readChain(first, this.fat, this.sectorSize, (s) => this.sectorBytes(s), count * this.sectorSize, "mini FAT");
      const fat = new Uint32Array(Math.floor(raw.length / 4));
      const dv = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
      for (let i = 0; i < fat.length; i++) fat[i] = dv.getUint32(4 * i, true);
      const root = this.entries[0];
      const stream = root.size === 0 ? new Uint8Array(0) : this.readChain(root.start, this.fat, this.sectorSize, (s) => this.sectorBytes(s), root.size, "mini stream");
      this.miniFat = fat;
      this.miniStream = stream;
    }
    return { fat: this.miniFat, stream: this.miniStream };
  }
}
