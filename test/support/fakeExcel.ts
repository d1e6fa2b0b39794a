/**
 * A strict in-memory fake of the part of the Excel JavaScript API that src/excel uses.
 *
 * office-addin-mock returns a string for an unloaded property and applies writes at once
 * (../shared/reference/office-addin.md §2); this fake behaves like Excel where it matters:
 * - reading a property before `load(...)` and `context.sync()` throws;
 * - writes are queued and applied, in order, only at `sync()`; a failing operation fails the sync
 *   (operations before it stay applied, as in Excel);
 * - every `sync()` is counted, and each request's and response's payload is measured (bytes of the
 *   JSON of the queued operations and of the loaded results); one over 5 MB is rejected with
 *   `RequestPayloadSizeLimitExceeded` / `ResponsePayloadSizeLimitExceeded` (Excel on the web);
 * - address strings over 8,192 characters, or lists joined with the wrong list separator
 *   (configurable: "," or ";" as in a Vietnamese desktop Excel), are `InvalidArgument`;
 * - a write to a protected sheet is `AccessDenied`; a method of a requirement set the fake is told
 *   not to support is `ApiNotFound` (`isSetSupported` answers from the same setting);
 * - fills have colour, pattern, patternColor and tintAndShade: "no fill" reads #FFFFFF with pattern
 *   "None" and tintAndShade null, white reads #FFFFFF "Solid" 0; a range property that differs
 *   between its cells reads null;
 * - notes (1.18), threaded comments (1.10), custom XML parts (1.5), tables, charts, hyperlinks,
 *   merges (`getMergedAreasOrNullObject` 1.13, failing over 512 areas), worksheets.add;
 * - `worksheet.onChanged` (ExcelApi 1.7): `add(handler)` takes effect at the next sync and returns
 *   a result whose `remove()` is queued on the context the handler was added in and takes effect
 *   when that context syncs (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events,
 *   "Remove an event handler"). Values written by the add-in (`range.values`, `clear`) fire the
 *   event after the sync, as Excel does, with `triggerSource` "ThisLocalAddin" where ExcelApi 1.14
 *   is supported; {@link FakeWorkbook.userEdit} and {@link FakeWorkbook.userInsertRows} stand for
 *   the user typing, pasting and inserting rows (Excel.WorksheetChangedEventArgs: address,
 *   changeType, source, worksheetId, type, triggerSource).
 * Anything else is not implemented: calling it is a TypeError, loading an unknown property throws.
 */
import { cellAddress, columnNumber, sheetReference } from "../../src/core/address";
import type { WorkbookGrid } from "../../src/core/grid";
import type { ExcelHost } from "../../src/excel/host";

// ---------------------------------------------------------------------------------------------
// State

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface FakeFill {
  color: string;
  pattern: string;
  patternColor: string;
  tintAndShade: number;
}

export interface FakeFont {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  underline?: string;
}

export interface FakeCell {
  value?: string | number | boolean;
  formula?: string;
  numberFormat?: string;
  font?: FakeFont;
  fill?: FakeFill;
  borders?: boolean;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string; screenTip?: string };
}

export interface FakeNote {
  row: number;
  col: number;
  content: string;
}

export interface FakeTable {
  name: string;
  sheet: FakeSheet;
  rect: Rect;
  style: string;
}

export interface FakeChart {
  name: string;
  type: string;
  title?: string;
  series: { name: string; values?: Rect; xValues?: Rect }[];
  position?: [string, string];
}

export interface FakeComment {
  sheet: FakeSheet;
  row: number;
  col: number;
  content: string;
}

const MAX_ROWS = 1048576;
const MAX_COLS = 16384;
const key = (r: number, c: number) => r * 20000 + c;

export class FakeSheet {
  readonly cells = new Map<number, FakeCell>();
  merges: Rect[] = [];
  readonly hiddenRows = new Set<number>();
  readonly hiddenColumns = new Set<number>();
  readonly notes: FakeNote[] = [];
  readonly charts: FakeChart[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  protected = false;
  tabColor?: string;
  freeze?: { rows: number; columns: number };
  readonly columnWidths = new Map<number, number>();
  pageLayout: { orientation?: string; paperSize?: string; zoom?: unknown; printTitleRows?: string } = {};
  /** The worksheet's id (Worksheet.id), given by the workbook. */
  id = "";
  /** `onChanged` handlers registered (after the sync that added them). */
  readonly changedHandlers: FakeChangedHandler[] = [];
  constructor(public name: string) {}

  get(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }
  at(r: number, c: number): FakeCell {
    let cell = this.cells.get(key(r, c));
    if (!cell) this.cells.set(key(r, c), (cell = {}));
    return cell;
  }
  /** Bounding box of the cells holding a value or a formula. */
  usedRect(): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, cell] of this.cells) {
      if (cell.value === undefined && cell.formula === undefined) continue;
      const r = Math.floor(k / 20000);
      const c = k % 20000;
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    }
    return bottom === 0 ? undefined : { top, left, bottom, right };
  }
}

/** A handler of `worksheet.onChanged`. */
export type FakeChangedHandler = (args: Excel.WorksheetChangedEventArgs) => Promise<unknown>;

export class FakeError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
  }
}

export interface FakeOptions {
  /** Highest ExcelApi 1.x supported (default 18). */
  apiVersion?: number;
  /** SharedRuntime 1.1 (default true). */
  sharedRuntime?: boolean;
  /** What `getRanges` accepts between areas (default ","). */
  listSeparator?: "," | ";";
  /** Request/response limit in bytes (default 5 MB, Excel on the web). */
  payloadLimit?: number;
  /** The user is editing a cell: batches fail unless run with `delayForCellEdit`. */
  cellEditMode?: boolean;
  /** `pageLayout` fails (as on an Excel without it). */
  pageLayoutFails?: boolean;
  /** The workbook's default font (empty cells read it). */
  defaultFont?: string;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  operations: number;
  /** What each operation was ("load", "fill.color", "setXml", "notes.add", …), in order. */
  kinds: string[];
  /** The sync failed (its error's code). */
  failed?: string;
}

export interface FakeStats {
  syncs: number;
  requests: SyncRecord[];
  runs: Excel.RunOptions[];
  suspendScreenUpdating: number;
  /** Writes applied (operations that changed the workbook). */
  writes: number;
}

function utf8(s: string): number {
  return Buffer.byteLength(s, "utf8");
}

function json(x: unknown): number {
  return utf8(JSON.stringify(x) ?? "");
}

export class FakeWorkbook {
  readonly sheets: FakeSheet[] = [];
  readonly customXmlParts: { id: string; xml: string }[] = [];
  readonly comments: FakeComment[] = [];
  structureProtected = false;
  date1904 = false;
  /** The active sheet's name (`Worksheet.activate`); the first sheet until one is activated. */
  activeSheet: string | undefined;
  /** The selection (`Range.select`): sheet and A1 address. */
  selection: { sheet: string; address: string } | undefined;
  readonly options: Required<FakeOptions>;
  stats: FakeStats = { syncs: 0, requests: [], runs: [], suspendScreenUpdating: 0, writes: 0 };
  private nextPartId = 1;

  constructor(options: FakeOptions = {}) {
    this.options = { apiVersion: 18, sharedRuntime: true, listSeparator: ",", payloadLimit: 5 * 1024 * 1024, cellEditMode: false, pageLayoutFails: false, defaultFont: "Calibri", ...options };
  }

  /** A workbook holding a grid's sheets (values, number formats, fonts, merges, hidden rows/columns). */
  static fromGrid(grid: WorkbookGrid, options: FakeOptions = {}): FakeWorkbook {
    const book = new FakeWorkbook(options);
    book.date1904 = grid.date1904;
    for (const g of grid.sheets) {
      const s = book.addSheet(g.name);
      if (g.visibility === "hidden") s.visibility = "Hidden";
      if (g.visibility === "veryHidden") s.visibility = "VeryHidden";
      const rows = Math.max(g.values.length, g.styleIds?.length ?? 0);
      for (let r = 0; r < rows; r++) {
        const vals = g.values[r];
        const ids = g.styleIds?.[r];
        const width = Math.max(vals?.length ?? 0, ids?.length ?? 0);
        for (let c = 0; c < width; c++) {
          const v = vals?.[c];
          const style = grid.styles[ids?.[c] ?? 0] ?? {};
          const hasValue = v !== undefined && v !== null && v !== "";
          if (!hasValue && ids?.[c] === undefined) continue;
          const cell = s.at(r + 1, c + 1);
          if (hasValue) cell.value = v as string | number | boolean;
          if (style.numberFormat) cell.numberFormat = style.numberFormat;
          if (style.fontName) cell.font = { name: style.fontName };
        }
      }
      for (const [a, f] of Object.entries(g.runFonts ?? {})) {
        const [r, c] = a.split(",").map(Number);
        s.at(r, c).font = { ...(s.get(r, c)?.font ?? {}), name: f };
      }
      g.formulas?.forEach((row, r) => row?.forEach((f, c) => f !== undefined && (s.at(r + 1, c + 1).formula = f)));
      s.merges = g.merges.map((m) => ({ ...m }));
      g.hiddenRows.forEach((r) => s.hiddenRows.add(r));
      g.hiddenColumns.forEach((c) => s.hiddenColumns.add(c));
    }
    if (grid.savedSettings) throw new Error("fake: put saved settings in with addCustomXmlPart");
    return book;
  }

  addSheet(name: string): FakeSheet {
    const s = new FakeSheet(name);
    s.id = `{00000000-0001-0000-${String(this.nextSheetId++).padStart(4, "0")}-000000000000}`;
    this.sheets.push(s);
    return s;
  }
  private nextSheetId = 1;

  /**
   * Fire `onChanged` on a sheet in a later task, as Excel does once the change is made; resolves
   * when every handler has been called (not when their own work is done).
   */
  fireChanged(sheet: FakeSheet, rect: Rect, changeType: string, trigger: "Unknown" | "ThisLocalAddin"): Promise<void> {
    const handlers = [...sheet.changedHandlers];
    if (handlers.length === 0) return Promise.resolve();
    const args = { address: rectA1(rect), changeType, source: "Local", worksheetId: sheet.id, type: "WorksheetChanged" } as Record<string, unknown>;
    if (this.supportsExcelApi(14)) args.triggerSource = trigger;
    return new Promise((resolve) =>
      setTimeout(() => {
        for (const h of handlers) void h(args as unknown as Excel.WorksheetChangedEventArgs);
        resolve();
      }, 0),
    );
  }

  /**
   * The user types or pastes `values` at `a1` (the top-left cell): Excel's reading of typed text
   * applies (numbers, "'" for text), then `onChanged` fires once for the whole area.
   */
  userEdit(sheet: string, a1: string, values: (string | number | boolean | null)[][]): Promise<void> {
    const [top, left] = cellOf(a1);
    const s = this.sheet(sheet);
    values.forEach((row, i) => row.forEach((v, j) => setValue(s.at(top + i, left + j), v ?? "")));
    const width = Math.max(1, ...values.map((r) => r.length));
    return this.fireChanged(s, { top, left, bottom: top + Math.max(1, values.length) - 1, right: left + width - 1 }, "RangeEdited", "Unknown");
  }

  /** The user inserts `count` empty rows before row `at`: cells, notes and merges below move down. */
  userInsertRows(sheet: string, at: number, count: number): Promise<void> {
    const s = this.sheet(sheet);
    const moved = [...s.cells.entries()].map(([k, c]) => [Math.floor(k / 20000), k % 20000, c] as const);
    s.cells.clear();
    for (const [r, c, cell] of moved) s.cells.set(key(r >= at ? r + count : r, c), cell);
    for (const n of s.notes) if (n.row >= at) n.row += count;
    s.merges = s.merges.map((m) => (m.top >= at ? { ...m, top: m.top + count, bottom: m.bottom + count } : m));
    return this.fireChanged(s, { top: at, left: 1, bottom: at + count - 1, right: MAX_COLS }, "RowInserted", "Unknown");
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new Error(`fake: no sheet "${name}"`);
    return s;
  }

  addCustomXmlPart(xml: string): string {
    const id = `{PART-${this.nextPartId++}}`;
    this.customXmlParts.push({ id, xml });
    return id;
  }

  get tables(): FakeTable[] {
    return this.allTables;
  }
  readonly allTables: FakeTable[] = [];

  supportsExcelApi(minor: number): boolean {
    return minor <= this.options.apiVersion;
  }

  /** The host the adapter runs on. */
  host(): ExcelHost {
    return {
      run: async <T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
        this.stats.runs.push(options);
        const ctx = new FakeContext(this, options);
        return batch(ctx as unknown as Excel.RequestContext);
      },
      isSetSupported: (name: string, version: string) => {
        const [major, minor] = version.split(".").map(Number);
        if (name === "ExcelApi") return major === 1 && this.supportsExcelApi(minor ?? 0);
        if (name === "SharedRuntime") return this.options.sharedRuntime && major === 1 && (minor ?? 0) <= 1;
        return false;
      },
      // `Excel.run(context, batch)`: a batch on the context an event handler was added in.
      runIn: async <T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => batch(context),
    };
  }

  /** A fresh context, for tests of the fake itself. */
  context(options: Excel.RunOptions = {}): FakeContext {
    return new FakeContext(this, options);
  }

  resetStats(): void {
    this.stats = { syncs: 0, requests: [], runs: [], suspendScreenUpdating: 0, writes: 0 };
  }

  // -- inspection for tests --

  value(sheet: string, a1: string): string | number | boolean | undefined {
    const [r, c] = cellOf(a1);
    return this.sheet(sheet).get(r, c)?.value;
  }
  fill(sheet: string, a1: string): FakeFill | undefined {
    const [r, c] = cellOf(a1);
    const f = this.sheet(sheet).get(r, c)?.fill;
    return f ? { ...f } : undefined;
  }
  setFill(sheet: string, a1: string, fill: FakeFill | undefined): void {
    const [r, c] = cellOf(a1);
    if (fill) this.sheet(sheet).at(r, c).fill = { ...fill };
    else delete this.sheet(sheet).at(r, c).fill;
  }
  note(sheet: string, a1: string): string | undefined {
    const [r, c] = cellOf(a1);
    return this.sheet(sheet).notes.find((n) => n.row === r && n.col === c)?.content;
  }
  setNote(sheet: string, a1: string, content: string): void {
    const [r, c] = cellOf(a1);
    const s = this.sheet(sheet);
    const n = s.notes.find((x) => x.row === r && x.col === c);
    if (n) n.content = content;
    else s.notes.push({ row: r, col: c, content });
  }
  comment(sheet: string, a1: string): string | undefined {
    const [r, c] = cellOf(a1);
    return this.comments.find((x) => x.sheet.name === sheet && x.row === r && x.col === c)?.content;
  }
  /** Everything in the workbook as JSON (for "nothing changed" assertions). */
  snapshot(): string {
    return JSON.stringify({
      sheets: this.sheets.map((s) => ({ name: s.name, cells: [...s.cells.entries()], merges: s.merges, notes: s.notes, charts: s.charts, tab: s.tabColor, freeze: s.freeze, widths: [...s.columnWidths], layout: s.pageLayout })),
      parts: this.customXmlParts,
      comments: this.comments.map((c) => ({ ...c, sheet: c.sheet.name })),
      tables: this.allTables.map((t) => ({ ...t, sheet: t.sheet.name })),
    });
  }
}

function cellOf(a1: string): [number, number] {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(a1);
  if (!m) throw new Error(`fake: not a cell address "${a1}"`);
  return [Number(m[2]), columnNumber(m[1])];
}

/** "A1" or "A1:C5" (no sheet), else undefined. */
function parseRect(a: string): Rect | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(a.trim());
  if (!m) return undefined;
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  if (top < 1 || left < 1 || bottom > MAX_ROWS || right > MAX_COLS || bottom < top || right < left) return undefined;
  return { top, left, bottom, right };
}

function rectA1(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

function intersects(a: Rect, b: Rect): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

function cellsOf(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

// ---------------------------------------------------------------------------------------------
// Context and proxies

interface OpResult {
  data: unknown;
  commit(): void;
}

interface Op {
  describe: unknown;
  write: boolean;
  run(): OpResult | void;
}

export class FakeContext {
  queue: Op[] = [];
  readonly workbook: WorkbookP;
  readonly application: ApplicationP;
  constructor(
    readonly book: FakeWorkbook,
    readonly options: Excel.RunOptions,
  ) {
    this.workbook = new WorkbookP(this);
    this.application = new ApplicationP(this);
  }

  async sync(): Promise<void> {
    const book = this.book;
    book.stats.syncs++;
    const ops = this.queue;
    this.queue = [];
    await Promise.resolve();
    const record: SyncRecord = { requestBytes: json(ops.map((o) => o.describe)), responseBytes: 0, operations: ops.length, kinds: ops.map((o) => opKind(o.describe)) };
    book.stats.requests.push(record);
    const fail = (e: FakeError): never => {
      record.failed = e.code;
      throw e;
    };
    if (book.options.cellEditMode && !this.options.delayForCellEdit) fail(new FakeError("InvalidOperationInCellEditMode", "The operation isn't available while the user is editing a cell."));
    if (record.requestBytes > book.options.payloadLimit) fail(new FakeError("RequestPayloadSizeLimitExceeded", `Request payload of ${record.requestBytes} bytes exceeds the limit.`));
    const commits: (() => void)[] = [];
    for (const op of ops) {
      let r: OpResult | void;
      try {
        r = op.run();
      } catch (e) {
        if (e instanceof FakeError) fail(e);
        throw e;
      }
      if (op.write) book.stats.writes++;
      if (r && !op.write) {
        record.responseBytes += json(r.data);
        commits.push(r.commit);
      }
    }
    if (record.responseBytes > book.options.payloadLimit) fail(new FakeError("ResponsePayloadSizeLimitExceeded", `Response payload of ${record.responseBytes} bytes exceeds the limit.`));
    for (const c of commits) c();
  }

  push(op: Op): void {
    this.queue.push(op);
  }

  /** Queue an operation that needs a requirement set; it fails at sync when the set is missing. */
  requireSet(minor: number, what: string): boolean {
    if (this.book.supportsExcelApi(minor)) return true;
    this.push({ describe: { call: what }, write: false, run: () => { throw new FakeError("ApiNotFound", `${what} needs ExcelApi 1.${minor}.`); } });
    return false;
  }

  fail(code: string, message: string, describe: unknown): void {
    this.push({ describe, write: false, run: () => { throw new FakeError(code, message); } });
  }
}

function opKind(describe: unknown): string {
  const d = describe as { call?: string; set?: string; load?: string };
  return d.call ?? d.set ?? (d.load !== undefined ? "load" : "?");
}

function parseLoad(spec: unknown, known: readonly string[], where: string): string[] {
  let names: string[];
  if (spec === undefined) names = [...known];
  else if (typeof spec === "string") names = spec.split(",").map((s) => s.trim()).filter(Boolean);
  else if (Array.isArray(spec)) names = spec.map(String);
  else throw new Error(`fake: ${where}.load supports only a string or an array`);
  for (const n of names) if (!known.includes(n)) throw new Error(`fake: ${where} has no loadable property "${n}"`);
  return names;
}

abstract class P {
  protected readonly loadedValues = new Map<string, unknown>();
  constructor(
    readonly context: FakeContext,
    readonly path: string,
  ) {}

  protected prop<T>(name: string): T {
    if (!this.loadedValues.has(name)) throw new Error(`PropertyNotLoaded: ${this.path}.${name} was read before load("${name}") and context.sync()`);
    return this.loadedValues.get(name) as T;
  }

  /** Queue a load whose values are read at sync. */
  protected queueLoad(names: string[], read: () => Record<string, unknown>): void {
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const data = read();
        return { data, commit: () => names.forEach((n) => this.loadedValues.set(n, data[n])) };
      },
    });
  }

  protected queueWrite(describe: unknown, run: () => void): void {
    this.context.push({
      describe: { on: this.path, ...(describe as object) },
      write: true,
      run: () => {
        run();
      },
    });
  }
}

class ClientResultP<T> {
  private done = false;
  private result: T | undefined;
  constructor(
    private readonly context: FakeContext,
    private readonly what: string,
    compute: () => T,
  ) {
    context.push({
      describe: { call: what },
      write: false,
      run: () => {
        const data = compute();
        return {
          data,
          commit: () => {
            this.result = data;
            this.done = true;
          },
        };
      },
    });
  }
  get value(): T {
    if (!this.done) throw new Error(`PropertyNotLoaded: ${this.what}.value was read before context.sync()`);
    return this.result as T;
  }
}

class ApplicationP extends P {
  constructor(context: FakeContext) {
    super(context, "application");
  }
  suspendScreenUpdatingUntilNextSync(): void {
    if (!this.context.requireSet(9, "suspendScreenUpdatingUntilNextSync")) return;
    this.context.push({ describe: { call: "suspendScreenUpdatingUntilNextSync" }, write: false, run: () => void this.context.book.stats.suspendScreenUpdating++ });
  }
}

class WorkbookP extends P {
  readonly worksheets: WorksheetsP;
  constructor(context: FakeContext) {
    super(context, "workbook");
    this.worksheets = new WorksheetsP(context);
  }
  get customXmlParts(): CustomXmlPartsP {
    return new CustomXmlPartsP(this.context);
  }
  get comments(): CommentsP {
    return new CommentsP(this.context);
  }
  get protection(): WorkbookProtectionP {
    return new WorkbookProtectionP(this.context);
  }
  get tables(): TablesP {
    return new TablesP(this.context, undefined);
  }
  get functions(): FunctionsP {
    return new FunctionsP(this.context);
  }
}

class FunctionsP extends P {
  constructor(context: FakeContext) {
    super(context, "functions");
  }
  date(year: number, month: number, day: number): FunctionResultP {
    return new FunctionResultP(this.context, () => {
      const base = this.context.book.date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
      return Math.round((Date.UTC(year, month - 1, day) - base) / 86400000);
    });
  }
}

class FunctionResultP extends P {
  constructor(
    context: FakeContext,
    private readonly compute: () => number,
  ) {
    super(context, "functions.date()");
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["value", "error"], "FunctionResult");
    this.queueLoad(names, () => ({ value: this.compute(), error: null }));
    return this;
  }
  get value(): number {
    return this.prop("value");
  }
}

class WorkbookProtectionP extends P {
  constructor(context: FakeContext) {
    super(context, "workbook.protection");
  }
  load(spec?: unknown): this {
    this.context.requireSet(7, "WorkbookProtection");
    const names = parseLoad(spec, ["protected"], "WorkbookProtection");
    this.queueLoad(names, () => ({ protected: this.context.book.structureProtected }));
    return this;
  }
  get protected(): boolean {
    return this.prop("protected");
  }
}

class WorksheetsP extends P {
  constructor(context: FakeContext) {
    super(context, "worksheets");
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["items/name", "items/id", "items/visibility", "items/protection/protected"], "WorksheetCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const sheets = [...this.context.book.sheets];
        const data = sheets.map((s) => ({ name: s.name, id: s.id, visibility: s.visibility, protected: s.protected }));
        return {
          data,
          commit: () => {
            const items = sheets.map((s, i) => {
              const ws = new WorksheetP(this.context, () => s, s.name);
              if (names.includes("items/name")) ws.setLoaded("name", data[i].name);
              if (names.includes("items/id")) ws.setLoaded("id", data[i].id);
              if (names.includes("items/visibility")) ws.setLoaded("visibility", data[i].visibility);
              if (names.includes("items/protection/protected")) ws.protectionLoaded = data[i].protected;
              return ws;
            });
            this.loadedValues.set("items", items);
          },
        };
      },
    });
    return this;
  }
  get items(): WorksheetP[] {
    return this.prop("items");
  }
  /** `worksheets.getItem(name)`: a sheet by name (case-insensitive, as Excel); `ItemNotFound` at sync when absent. */
  getItem(name: string): WorksheetP {
    return new WorksheetP(this.context, () => this.context.book.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase()), name);
  }
  add(name: string): WorksheetP {
    let created: FakeSheet | undefined;
    this.context.push({
      describe: { call: "worksheets.add", name },
      write: true,
      run: () => {
        const book = this.context.book;
        if (book.structureProtected) throw new FakeError("AccessDenied", "The workbook structure is protected.");
        if (name.length > 31 || /[[\]:*?/\\]/.test(name)) throw new FakeError("InvalidArgument", `Invalid sheet name "${name}".`);
        if (book.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
        created = book.addSheet(name);
      },
    });
    return new WorksheetP(this.context, () => created, name);
  }
}

class WorksheetP extends P {
  protectionLoaded: boolean | undefined;
  constructor(
    context: FakeContext,
    private readonly ref: () => FakeSheet | undefined,
    readonly label: string,
  ) {
    super(context, `ws[${label}]`);
  }
  setLoaded(name: string, v: unknown): void {
    this.loadedValues.set(name, v);
  }
  /** The sheet, at sync time. */
  sheet(): FakeSheet {
    const s = this.ref();
    if (!s || !this.context.book.sheets.includes(s)) throw new FakeError("ItemNotFound", `Sheet ${this.label} does not exist.`);
    return s;
  }
  get name(): string {
    return this.prop("name");
  }
  get id(): string {
    return this.prop("id");
  }
  /** `Worksheet.onChanged` (ExcelApi 1.7). */
  get onChanged(): ChangedEventP {
    return new ChangedEventP(this);
  }
  get visibility(): string {
    return this.prop("visibility");
  }
  get protection(): { protected: boolean } {
    const read = (): boolean => {
      if (this.protectionLoaded === undefined) throw new Error(`PropertyNotLoaded: ${this.path}.protection.protected was read before load and context.sync()`);
      return this.protectionLoaded;
    };
    return Object.defineProperty({} as { protected: boolean }, "protected", { get: read, enumerable: true });
  }
  set tabColor(color: string) {
    if (!this.context.requireSet(7, "Worksheet.tabColor")) return;
    this.writeSheet({ set: "tabColor", color }, (s) => (s.tabColor = color));
  }
  /** `Worksheet.activate()`: the sheet becomes the active one (a hidden sheet cannot be activated). */
  activate(): void {
    this.context.push({
      describe: { call: "worksheet.activate", sheet: this.label },
      write: false,
      run: () => {
        const s = this.sheet();
        if (s.visibility !== "Visible") throw new FakeError("InvalidOperation", `Sheet ${s.name} is hidden.`);
        this.context.book.activeSheet = s.name;
      },
    });
  }
  /** A write to the sheet, refused when it is protected. */
  writeSheet(describe: unknown, fn: (s: FakeSheet) => void): void {
    this.queueWrite(describe, () => {
      const s = this.sheet();
      if (s.protected) throw new FakeError("AccessDenied", "The cell or chart you're trying to change is on a protected sheet.");
      fn(s);
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeP {
    if (valuesOnly !== true) throw new Error("fake: getUsedRangeOrNullObject supports valuesOnly=true only");
    return new RangeP(this, () => this.sheet().usedRect() ?? null, "usedRange");
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeP {
    const rect = { top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount };
    if (!(rowCount >= 1 && columnCount >= 1 && startRow >= 0 && startColumn >= 0) || rect.bottom > MAX_ROWS || rect.right > MAX_COLS) this.context.fail("InvalidArgument", `Bad indexes ${startRow},${startColumn},${rowCount},${columnCount}.`, { call: "getRangeByIndexes" });
    return new RangeP(this, () => rect, rectA1(rect));
  }
  getRange(address?: string): RangeP {
    if (address === undefined) return new RangeP(this, () => ({ top: 1, left: 1, bottom: MAX_ROWS, right: MAX_COLS }), "all");
    const rect = address.length <= 8192 ? parseRect(address) : undefined;
    if (!rect) this.context.fail("InvalidArgument", `Invalid address "${address.slice(0, 40)}".`, { call: "getRange", address });
    return new RangeP(this, () => rect ?? null, address);
  }
  getRanges(address: string): RangeAreasP {
    this.context.requireSet(9, "Worksheet.getRanges");
    const sep = this.context.book.options.listSeparator;
    const wrong = sep === "," ? ";" : ",";
    let rects: Rect[] | undefined;
    if (address.length > 8192) this.context.fail("InvalidArgument", `Address of ${address.length} characters (over 8,192).`, { call: "getRanges", address });
    else if (address.includes(wrong)) this.context.fail("InvalidArgument", `The list separator here is "${sep}".`, { call: "getRanges", address });
    else {
      const parts = address.split(sep).map(parseRect);
      if (parts.some((p) => !p)) this.context.fail("InvalidArgument", `Invalid address list "${address.slice(0, 40)}".`, { call: "getRanges", address });
      else rects = parts as Rect[];
    }
    return new RangeAreasP(this, () => rects ?? [], address);
  }
  get notes(): NotesP {
    return new NotesP(this.context, this);
  }
  get tables(): TablesP {
    return new TablesP(this.context, this);
  }
  get charts(): ChartsP {
    return new ChartsP(this.context, this);
  }
  get freezePanes(): FreezePanesP {
    return new FreezePanesP(this.context, this);
  }
  get pageLayout(): PageLayoutP {
    return new PageLayoutP(this.context, this);
  }
}

const FILL_PROPS = ["color", "pattern", "patternColor", "tintAndShade"] as const;

function fillState(cell: FakeCell | undefined): Record<string, unknown> {
  const f = cell?.fill;
  if (!f) return { color: "#FFFFFF", pattern: "None", patternColor: "#000000", tintAndShade: null };
  return { ...f };
}

/** Cells of a target, row by row. */
function* each(rects: Rect[]): Generator<[number, number]> {
  for (const r of rects) for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) yield [row, col];
}

/** Something cells can be formatted through: a Range or RangeAreas. */
interface Target {
  context: FakeContext;
  path: string;
  ws: WorksheetP;
  rects(): Rect[];
}

class RangeP extends P implements Target {
  constructor(
    readonly ws: WorksheetP,
    private readonly resolve: () => Rect | null,
    label: string,
  ) {
    super(ws.context, `${ws.path}.range(${label})`);
  }
  rect(): Rect | null {
    return this.resolve();
  }
  rects(): Rect[] {
    const r = this.resolve();
    if (!r) throw new FakeError("InvalidArgument", `${this.path} is a null object.`);
    return [r];
  }
  private need(): Rect {
    return this.rects()[0];
  }

  /** `Range.select()`: only on the active sheet, as in Excel. */
  select(): void {
    this.context.push({
      describe: { call: "range.select", on: this.path },
      write: false,
      run: () => {
        const s = this.ws.sheet();
        const book = this.context.book;
        if ((book.activeSheet ?? book.sheets[0]?.name) !== s.name) throw new FakeError("InvalidOperation", `Select needs ${s.name} to be the active sheet.`);
        const r = this.need();
        book.selection = { sheet: s.name, address: rectA1(r) };
      },
    });
  }

  load(spec?: unknown): this {
    const names = parseLoad(spec, ["values", "numberFormat", "formulas", "rowIndex", "columnIndex", "rowCount", "columnCount", "address"], "Range");
    this.queueLoad([...names, "isNullObject"], () => {
      const r = this.resolve();
      const data: Record<string, unknown> = { isNullObject: r === null };
      if (!r) return data;
      const s = this.ws.sheet();
      const needsCells = names.some((n) => n === "values" || n === "numberFormat" || n === "formulas");
      if (needsCells && cellsOf(r) > 5_000_000) throw new FakeError("GeneralException", `A read of ${cellsOf(r)} cells (over 5,000,000).`);
      for (const n of names) {
        if (n === "rowIndex") data[n] = r.top - 1;
        else if (n === "columnIndex") data[n] = r.left - 1;
        else if (n === "rowCount") data[n] = r.bottom - r.top + 1;
        else if (n === "columnCount") data[n] = r.right - r.left + 1;
        else if (n === "address") data[n] = sheetReference(s.name, rectA1(r));
        else {
          const out: unknown[][] = [];
          for (let row = r.top; row <= r.bottom; row++) {
            const line: unknown[] = [];
            for (let col = r.left; col <= r.right; col++) {
              const c = s.get(row, col);
              if (n === "values") line.push(c?.value ?? "");
              else if (n === "numberFormat") line.push(c?.numberFormat ?? "General");
              else line.push(c?.formula !== undefined ? `=${c.formula}` : (c?.value ?? ""));
            }
            out.push(line);
          }
          data[n] = out;
        }
      }
      return data;
    });
    return this;
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  get values(): unknown[][] {
    return this.prop("values");
  }
  set values(v: unknown[][]) {
    // Excel fires `onChanged` for values the add-in wrote too, after the sync.
    this.writeMatrix("values", v, (cell, x) => setValue(cell, x), (s, r) => void this.context.book.fireChanged(s, r, "RangeEdited", "ThisLocalAddin"));
  }
  get numberFormat(): unknown[][] {
    return this.prop("numberFormat");
  }
  set numberFormat(v: unknown[][]) {
    this.writeMatrix("numberFormat", v, (cell, x) => {
      cell.numberFormat = String(x);
    });
  }
  get formulas(): unknown[][] {
    return this.prop("formulas");
  }
  get rowIndex(): number {
    return this.prop("rowIndex");
  }
  get columnIndex(): number {
    return this.prop("columnIndex");
  }
  get rowCount(): number {
    return this.prop("rowCount");
  }
  get columnCount(): number {
    return this.prop("columnCount");
  }
  get address(): string {
    return this.prop("address");
  }

  private writeMatrix(prop: string, v: unknown[][], set: (cell: FakeCell, x: unknown) => void, written?: (s: FakeSheet, r: Rect) => void): void {
    this.ws.writeSheet({ set: prop, value: v }, (s) => {
      const r = this.need();
      if (v.length !== r.bottom - r.top + 1 || v.some((row) => row.length !== r.right - r.left + 1)) throw new FakeError("InvalidArgument", `${prop}: the array does not match the range's size.`);
      v.forEach((row, i) =>
        row.forEach((x, j) => {
          if (x === null || x === undefined) return;
          set(s.at(r.top + i, r.left + j), x);
        }),
      );
      written?.(s, r);
    });
  }

  get format(): FormatP {
    return new FormatP(this);
  }

  getCellProperties(options: Excel.CellPropertiesLoadOptions): ClientResultP<Excel.CellProperties[][]> {
    this.context.requireSet(9, "Range.getCellProperties");
    const fill = options.format?.fill;
    const font = options.format?.font;
    const other = Object.keys(options).filter((k) => k !== "format").concat(Object.keys(options.format ?? {}).filter((k) => k !== "fill" && k !== "font"));
    if (other.length > 0 || (font && Object.keys(font).some((k) => k !== "name"))) throw new Error(`fake: getCellProperties supports format.fill and format.font.name only (asked ${JSON.stringify(options)})`);
    return new ClientResultP(this.context, `${this.path}.getCellProperties`, () => {
      const r = this.need();
      const s = this.ws.sheet();
      const out: Excel.CellProperties[][] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const line: Excel.CellProperties[] = [];
        for (let col = r.left; col <= r.right; col++) {
          const c = s.get(row, col);
          const format: Record<string, unknown> = {};
          if (fill) {
            const st = fillState(c);
            const f: Record<string, unknown> = {};
            for (const k of FILL_PROPS) if ((fill as Record<string, unknown>)[k]) f[k] = st[k];
            format.fill = f;
          }
          if (font?.name) format.font = { name: c?.font?.name ?? this.context.book.options.defaultFont };
          line.push({ format } as Excel.CellProperties);
        }
        out.push(line);
      }
      return out;
    });
  }

  setCellProperties(values: Excel.SettableCellProperties[][]): void {
    if (!this.context.requireSet(9, "Range.setCellProperties")) return;
    for (const row of values) for (const p of row) if (Object.keys(p).some((k) => k !== "hyperlink")) throw new Error("fake: setCellProperties supports hyperlink only");
    this.ws.writeSheet({ call: "setCellProperties", values }, (s) => {
      const r = this.need();
      if (values.length !== r.bottom - r.top + 1 || values.some((row) => row.length !== r.right - r.left + 1)) throw new FakeError("InvalidArgument", "setCellProperties: the array does not match the range's size.");
      values.forEach((row, i) =>
        row.forEach((p, j) => {
          if (!p.hyperlink) return;
          const cell = s.at(r.top + i, r.left + j);
          cell.hyperlink = { ...p.hyperlink };
          if (p.hyperlink.textToDisplay !== undefined) cell.value = p.hyperlink.textToDisplay;
        }),
      );
    });
  }

  getRowProperties(options: Excel.RowPropertiesLoadOptions): ClientResultP<Excel.RowProperties[]> {
    this.context.requireSet(9, "Range.getRowProperties");
    if (Object.keys(options).some((k) => k !== "rowIndex" && k !== "rowHidden")) throw new Error("fake: getRowProperties supports rowIndex and rowHidden only");
    return new ClientResultP(this.context, `${this.path}.getRowProperties`, () => {
      const r = this.need();
      const s = this.ws.sheet();
      const out: Excel.RowProperties[] = [];
      for (let row = r.top; row <= r.bottom; row++) {
        const p: Excel.RowProperties = {};
        if (options.rowIndex) p.rowIndex = row - 1;
        if (options.rowHidden) p.rowHidden = s.hiddenRows.has(row);
        out.push(p);
      }
      return out;
    });
  }

  getColumnProperties(options: Excel.ColumnPropertiesLoadOptions): ClientResultP<Excel.ColumnProperties[]> {
    this.context.requireSet(9, "Range.getColumnProperties");
    if (Object.keys(options).some((k) => k !== "columnIndex" && k !== "columnHidden")) throw new Error("fake: getColumnProperties supports columnIndex and columnHidden only");
    return new ClientResultP(this.context, `${this.path}.getColumnProperties`, () => {
      const r = this.need();
      const s = this.ws.sheet();
      const out: Excel.ColumnProperties[] = [];
      for (let col = r.left; col <= r.right; col++) {
        const p: Excel.ColumnProperties = {};
        if (options.columnIndex) p.columnIndex = col - 1;
        if (options.columnHidden) p.columnHidden = s.hiddenColumns.has(col);
        out.push(p);
      }
      return out;
    });
  }

  getMergedAreasOrNullObject(): RangeAreasP {
    this.context.requireSet(13, "Range.getMergedAreasOrNullObject");
    let found: Rect[] = [];
    const areas = new RangeAreasP(this.ws, () => found, "mergedAreas", true);
    this.context.push({
      describe: { call: `${this.path}.getMergedAreasOrNullObject` },
      write: false,
      run: () => {
        const r = this.need();
        found = this.ws.sheet().merges.filter((m) => intersects(m, r));
        if (found.length > 512) throw new FakeError("InvalidOperation", `${found.length} merged areas (over 512).`);
      },
    });
    return areas;
  }

  merge(across?: boolean): void {
    if (across) throw new Error("fake: merge(across=true) not implemented");
    this.ws.writeSheet({ call: "merge" }, (s) => {
      const r = this.need();
      if (s.merges.some((m) => intersects(m, r))) throw new FakeError("InvalidOperation", "Cannot merge over a merged area.");
      if (cellsOf(r) > 1) s.merges.push({ ...r });
    });
  }

  unmerge(): void {
    this.ws.writeSheet({ call: "unmerge" }, (s) => {
      const r = this.need();
      s.merges = s.merges.filter((m) => !intersects(m, r));
    });
  }

  clear(applyTo?: string): void {
    if (applyTo !== "All") throw new Error("fake: clear supports \"All\" only");
    this.ws.writeSheet({ call: "clear", applyTo }, (s) => {
      const r = this.need();
      for (const k of [...s.cells.keys()]) {
        const row = Math.floor(k / 20000);
        const col = k % 20000;
        if (row >= r.top && row <= r.bottom && col >= r.left && col <= r.right) s.cells.delete(k);
      }
      void this.context.book.fireChanged(s, r, "RangeEdited", "ThisLocalAddin");
    });
  }
}

/** Excel's reading of a value written to a cell. */
function setValue(cell: FakeCell, x: unknown): void {
  delete cell.formula;
  delete cell.hyperlink;
  if (x === "") {
    delete cell.value;
    return;
  }
  if (typeof x === "number" || typeof x === "boolean") {
    cell.value = x;
    return;
  }
  const s = String(x);
  if (s.startsWith("'")) cell.value = s.slice(1);
  else if (cell.numberFormat === "@") cell.value = s;
  else if (s.startsWith("=")) {
    cell.formula = s.slice(1);
    cell.value = 0;
  } else if (/^\s*[+-]?\d+(?:\.\d+)?\s*$/.test(s)) cell.value = Number(s);
  else if (s.startsWith("+") || s.startsWith("-")) {
    // Range.values (office-js d.ts): a value starting with "+", "-" or "=" is interpreted as a formula.
    cell.formula = s;
    cell.value = 0;
  } else if (/^(true|false)$/i.test(s)) cell.value = s.toLowerCase() === "true";
  else cell.value = s;
}

/** `worksheet.onChanged`: add a handler; the result's `remove()` is queued on the context it was added in. */
class ChangedEventP {
  constructor(private readonly ws: WorksheetP) {}
  add(handler: FakeChangedHandler): { context: Excel.RequestContext; remove(): void } {
    const context = this.ws.context;
    const ws = this.ws;
    if (!context.requireSet(7, "Worksheet.onChanged")) return { context: context as unknown as Excel.RequestContext, remove() {} };
    context.push({ describe: { call: "onChanged.add", sheet: ws.label }, write: false, run: () => void ws.sheet().changedHandlers.push(handler) });
    return {
      context: context as unknown as Excel.RequestContext,
      remove() {
        context.push({
          describe: { call: "onChanged.remove", sheet: ws.label },
          write: false,
          run: () => {
            const list = ws.sheet().changedHandlers;
            const i = list.indexOf(handler);
            if (i >= 0) list.splice(i, 1);
          },
        });
      },
    };
  }
}

class RangeAreasP extends P implements Target {
  constructor(
    readonly ws: WorksheetP,
    private readonly resolve: () => Rect[],
    label: string,
    private readonly nullable = false,
  ) {
    super(ws.context, `${ws.path}.areas(${label.length > 60 ? label.slice(0, 60) + "…" : label})`);
  }
  rects(): Rect[] {
    return this.resolve();
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["areaCount", "address"], "RangeAreas");
    this.queueLoad([...names, "isNullObject"], () => {
      const rects = this.resolve();
      const s = this.ws.sheet();
      return { areaCount: rects.length, address: rects.map((r) => sheetReference(s.name, rectA1(r))).join(", "), isNullObject: this.nullable && rects.length === 0 };
    });
    return this;
  }
  get areaCount(): number {
    return this.prop("areaCount");
  }
  get address(): string {
    return this.prop("address");
  }
  get isNullObject(): boolean {
    return this.prop("isNullObject");
  }
  get format(): FormatP {
    return new FormatP(this);
  }
}

class FormatP {
  constructor(private readonly target: Target) {}
  get fill(): FillP {
    return new FillP(this.target);
  }
  get font(): FontP {
    return new FontP(this.target);
  }
  get borders(): BordersP {
    return new BordersP(this.target);
  }
  private set(prop: string, value: unknown, fn: (c: FakeCell) => void): void {
    const t = this.target;
    t.ws.writeSheet({ set: `format.${prop}`, value, target: t.path }, (s) => {
      for (const [r, c] of each(t.rects())) fn(s.at(r, c));
    });
  }
  set columnWidth(w: number) {
    const t = this.target;
    t.ws.writeSheet({ set: "format.columnWidth", w, target: t.path }, (s) => {
      for (const r of t.rects()) for (let c = r.left; c <= r.right; c++) s.columnWidths.set(c, w);
    });
  }
  set wrapText(v: boolean) {
    this.set("wrapText", v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.set("horizontalAlignment", v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.set("verticalAlignment", v, (c) => (c.vAlign = v));
  }
}

class FillP extends P {
  constructor(private readonly target: Target) {
    super(target.context, `${target.path}.format.fill`);
  }
  load(spec?: unknown): this {
    if (!(this.target instanceof RangeP)) throw new Error("fake: load fill on a Range only");
    const names = parseLoad(spec, FILL_PROPS, "RangeFill");
    if (names.some((n) => n !== "color")) this.context.requireSet(9, "RangeFill.pattern/tintAndShade");
    const t = this.target;
    this.queueLoad(names, () => {
      const s = t.ws.sheet();
      const out: Record<string, unknown> = {};
      let first = true;
      for (const [r, c] of each(t.rects())) {
        const st = fillState(s.get(r, c));
        for (const n of names) {
          if (first) out[n] = st[n];
          else if (out[n] !== st[n]) out[n] = null;
        }
        first = false;
      }
      return out;
    });
    return this;
  }
  get color(): string {
    return this.prop("color");
  }
  get pattern(): Excel.FillPattern {
    return this.prop("pattern");
  }
  get patternColor(): string {
    return this.prop("patternColor");
  }
  get tintAndShade(): number {
    return this.prop("tintAndShade");
  }
  private each(describe: unknown, fn: (c: FakeCell) => void): void {
    const t = this.target;
    t.ws.writeSheet({ ...(describe as object), target: t.path }, (s) => {
      for (const [r, c] of each(t.rects())) fn(s.at(r, c));
    });
  }
  set color(color: string) {
    const v = color.toUpperCase();
    this.each({ set: "fill.color", v }, (c) => {
      if (!c.fill) c.fill = { color: v, pattern: "Solid", patternColor: "#000000", tintAndShade: 0 };
      else c.fill = { ...c.fill, color: v, tintAndShade: 0 };
    });
  }
  set pattern(p: Excel.FillPattern) {
    if (!this.context.requireSet(9, "RangeFill.pattern")) return;
    this.each({ set: "fill.pattern", p }, (c) => {
      if (p === "None") delete c.fill;
      else c.fill = c.fill ? { ...c.fill, pattern: p } : { color: "#FFFFFF", pattern: p, patternColor: "#000000", tintAndShade: 0 };
    });
  }
  set patternColor(color: string) {
    if (!this.context.requireSet(9, "RangeFill.patternColor")) return;
    const v = color.toUpperCase();
    this.each({ set: "fill.patternColor", v }, (c) => {
      if (c.fill) c.fill = { ...c.fill, patternColor: v };
    });
  }
  set tintAndShade(t: number) {
    if (!this.context.requireSet(9, "RangeFill.tintAndShade")) return;
    this.each({ set: "fill.tintAndShade", t }, (c) => {
      c.fill = c.fill ? { ...c.fill, tintAndShade: t } : { color: "#FFFFFF", pattern: "Solid", patternColor: "#000000", tintAndShade: t };
    });
  }
  clear(): void {
    this.each({ call: "fill.clear" }, (c) => delete c.fill);
  }
}

class FontP extends P {
  constructor(private readonly target: Target) {
    super(target.context, `${target.path}.format.font`);
  }
  load(spec?: unknown): this {
    if (!(this.target instanceof RangeP)) throw new Error("fake: load font on a Range only");
    const names = parseLoad(spec, ["name"], "RangeFont");
    const t = this.target;
    const def = this.context.book.options.defaultFont;
    this.queueLoad(names, () => {
      const s = t.ws.sheet();
      let name: string | null | undefined;
      for (const [r, c] of each(t.rects())) {
        const n = s.get(r, c)?.font?.name ?? def;
        if (name === undefined) name = n;
        else if (name !== n) {
          name = null;
          break;
        }
      }
      return { name: name ?? null };
    });
    return this;
  }
  get name(): string {
    return this.prop("name");
  }
  private setFont(prop: keyof FakeFont, v: unknown): void {
    const t = this.target;
    t.ws.writeSheet({ set: `font.${prop}`, v, target: t.path }, (s) => {
      for (const [r, c] of each(t.rects())) {
        const cell = s.at(r, c);
        cell.font = { ...(cell.font ?? {}), [prop]: v };
      }
    });
  }
  set name(v: string) {
    this.setFont("name", v);
  }
  set bold(v: boolean) {
    this.setFont("bold", v);
  }
  set italic(v: boolean) {
    this.setFont("italic", v);
  }
  set size(v: number) {
    this.setFont("size", v);
  }
  set color(v: string) {
    this.setFont("color", v.toUpperCase());
  }
  set underline(v: string) {
    this.setFont("underline", v);
  }
}

const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical", "InsideHorizontal", "DiagonalDown", "DiagonalUp"];

class BordersP {
  constructor(private readonly target: Target) {}
  getItem(edge: string): BorderP {
    if (!EDGES.includes(edge)) throw new Error(`fake: no border "${edge}"`);
    return new BorderP(this.target, edge);
  }
}

class BorderP {
  constructor(
    private readonly target: Target,
    private readonly edge: string,
  ) {}
  set style(v: string) {
    const t = this.target;
    t.ws.writeSheet({ set: `border.${this.edge}.style`, v, target: t.path }, (s) => {
      for (const [r, c] of each(t.rects())) s.at(r, c).borders = v !== "None";
    });
  }
  set color(v: string) {
    const t = this.target;
    t.ws.writeSheet({ set: `border.${this.edge}.color`, v, target: t.path }, () => undefined);
  }
}

// -- custom XML parts --

function namespaceOf(xml: string): string | undefined {
  const m = /<(?:[\w.-]+:)?[\w.-]+\b[^>]*?\bxmlns(?::[\w.-]+)?="([^"]*)"/.exec(xml.replace(/<\?xml[^>]*\?>/, ""));
  return m?.[1];
}

class CustomXmlPartsP extends P {
  constructor(context: FakeContext) {
    super(context, "customXmlParts");
    context.requireSet(5, "customXmlParts");
  }
  getByNamespace(ns: string): ScopedPartsP {
    return new ScopedPartsP(this.context, ns);
  }
  add(xml: string): CustomXmlPartP {
    let created: { id: string; xml: string } | undefined;
    this.context.push({
      describe: { call: "customXmlParts.add", xml },
      write: true,
      run: () => {
        if (!xml.trim().startsWith("<") || namespaceOf(xml) === undefined) throw new FakeError("InvalidArgument", "Not an XML document with a namespace.");
        const id = this.context.book.addCustomXmlPart(xml);
        created = this.context.book.customXmlParts.find((p) => p.id === id);
      },
    });
    return new CustomXmlPartP(this.context, () => created);
  }
}

class ScopedPartsP extends P {
  constructor(
    context: FakeContext,
    private readonly ns: string,
  ) {
    super(context, `customXmlParts[${ns}]`);
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["items/id"], "CustomXmlPartScopedCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const parts = this.context.book.customXmlParts.filter((p) => namespaceOf(p.xml) === this.ns);
        return {
          data: parts.map((p) => ({ id: p.id })),
          commit: () =>
            this.loadedValues.set(
              "items",
              parts.map((p) => {
                const proxy = new CustomXmlPartP(this.context, () => p);
                proxy.setId(p.id);
                return proxy;
              }),
            ),
        };
      },
    });
    return this;
  }
  get items(): CustomXmlPartP[] {
    return this.prop("items");
  }
}

class CustomXmlPartP extends P {
  constructor(
    context: FakeContext,
    private readonly ref: () => { id: string; xml: string } | undefined,
  ) {
    super(context, "customXmlPart");
  }
  setId(id: string): void {
    this.loadedValues.set("id", id);
  }
  get id(): string {
    return this.prop("id");
  }
  private part(): { id: string; xml: string } {
    const p = this.ref();
    if (!p || !this.context.book.customXmlParts.includes(p)) throw new FakeError("ItemNotFound", "The custom XML part does not exist.");
    return p;
  }
  getXml(): ClientResultP<string> {
    return new ClientResultP(this.context, "customXmlPart.getXml", () => this.part().xml);
  }
  setXml(xml: string): void {
    this.queueWrite({ call: "setXml", xml }, () => {
      if (namespaceOf(xml) === undefined) throw new FakeError("InvalidArgument", "Not an XML document with a namespace.");
      this.part().xml = xml;
    });
  }
  delete(): void {
    this.queueWrite({ call: "customXmlPart.delete" }, () => {
      const parts = this.context.book.customXmlParts;
      parts.splice(parts.indexOf(this.part()), 1);
    });
  }
}

// -- notes (1.18) and comments (1.10) --

class NotesP extends P {
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetP,
  ) {
    super(context, `${ws.path}.notes`);
  }
  load(spec?: unknown): this {
    this.context.requireSet(18, "Worksheet.notes");
    const names = parseLoad(spec, ["items/content"], "NoteCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const notes = [...this.ws.sheet().notes];
        return {
          data: notes.map((n) => ({ content: n.content })),
          commit: () =>
            this.loadedValues.set(
              "items",
              notes.map((n) => new NoteP(this.context, this.ws, n, n.content)),
            ),
        };
      },
    });
    return this;
  }
  get items(): NoteP[] {
    return this.prop("items");
  }
  add(cellAddress: string, content: string): NoteP {
    this.context.requireSet(18, "NoteCollection.add");
    const note: FakeNote = { row: 0, col: 0, content };
    this.ws.writeSheet({ call: "notes.add", cellAddress, content }, (s) => {
      const r = parseRect(cellAddress);
      if (!r || cellsOf(r) !== 1) throw new FakeError("InvalidCellAddress", `Not a cell: "${cellAddress}".`);
      if (s.notes.some((n) => n.row === r.top && n.col === r.left)) throw new FakeError("InvalidArgument", `The cell ${cellAddress} already has a note.`);
      note.row = r.top;
      note.col = r.left;
      s.notes.push(note);
    });
    return new NoteP(this.context, this.ws, note, undefined);
  }
}

class NoteP extends P {
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetP,
    private readonly note: FakeNote,
    content: string | undefined,
  ) {
    super(context, `${ws.path}.note`);
    if (content !== undefined) this.loadedValues.set("content", content);
  }
  get content(): string {
    return this.prop("content");
  }
  set content(v: string) {
    this.ws.writeSheet({ set: "note.content", v }, (s) => {
      if (!s.notes.includes(this.note)) throw new FakeError("ItemNotFound", "The note does not exist.");
      this.note.content = v;
    });
  }
  delete(): void {
    this.ws.writeSheet({ call: "note.delete" }, (s) => {
      const i = s.notes.indexOf(this.note);
      if (i < 0) throw new FakeError("ItemNotFound", "The note does not exist.");
      s.notes.splice(i, 1);
    });
  }
  getLocation(): RangeP {
    return new RangeP(this.ws, () => ({ top: this.note.row, left: this.note.col, bottom: this.note.row, right: this.note.col }), "noteLocation");
  }
}

class CommentsP extends P {
  constructor(context: FakeContext) {
    super(context, "comments");
  }
  load(spec?: unknown): this {
    this.context.requireSet(10, "Workbook.comments");
    const names = parseLoad(spec, ["items/content"], "CommentCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const list = [...this.context.book.comments];
        return { data: list.map((c) => ({ content: c.content })), commit: () => this.loadedValues.set("items", list.map((c) => new CommentP(this.context, c))) };
      },
    });
    return this;
  }
  get items(): CommentP[] {
    return this.prop("items");
  }
  add(cellAddress: string, content: string): CommentP {
    this.context.requireSet(10, "CommentCollection.add");
    const comment: FakeComment = { sheet: undefined as unknown as FakeSheet, row: 0, col: 0, content };
    this.context.push({
      describe: { call: "comments.add", cellAddress, content },
      write: true,
      run: () => {
        const i = cellAddress.lastIndexOf("!");
        if (i < 0) throw new FakeError("InvalidArgument", "A comment's address must name its sheet.");
        let name = cellAddress.slice(0, i);
        if (name.startsWith("'")) name = name.slice(1, -1).replace(/''/g, "'");
        const sheet = this.context.book.sheets.find((s) => s.name === name);
        const r = parseRect(cellAddress.slice(i + 1));
        if (!sheet || !r || cellsOf(r) !== 1) throw new FakeError("InvalidArgument", `Bad comment address "${cellAddress}".`);
        if (sheet.protected) throw new FakeError("AccessDenied", "The sheet is protected.");
        if (this.context.book.comments.some((c) => c.sheet === sheet && c.row === r.top && c.col === r.left)) throw new FakeError("InvalidArgument", "The cell already has a comment.");
        Object.assign(comment, { sheet, row: r.top, col: r.left });
        this.context.book.comments.push(comment);
      },
    });
    return new CommentP(this.context, comment);
  }
}

class CommentP extends P {
  constructor(
    context: FakeContext,
    private readonly comment: FakeComment,
  ) {
    super(context, "comment");
    this.loadedValues.set("content", comment.content);
  }
  get content(): string {
    return this.prop("content");
  }
  delete(): void {
    this.queueWrite({ call: "comment.delete" }, () => {
      const list = this.context.book.comments;
      const i = list.indexOf(this.comment);
      if (i < 0) throw new FakeError("ItemNotFound", "The comment does not exist.");
      if (this.comment.sheet.protected) throw new FakeError("AccessDenied", "The sheet is protected.");
      list.splice(i, 1);
    });
  }
  getLocation(): RangeP {
    const c = this.comment;
    const ws = new WorksheetP(this.context, () => c.sheet, c.sheet.name);
    return new RangeP(ws, () => ({ top: c.row, left: c.col, bottom: c.row, right: c.col }), "commentLocation");
  }
}

// -- tables, charts, panes, page layout --

class TablesP extends P {
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetP | undefined,
  ) {
    super(context, ws ? `${ws.path}.tables` : "tables");
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["items/name"], "TableCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const sheet = this.ws?.sheet();
        const list = this.context.book.allTables.filter((t) => !sheet || t.sheet === sheet);
        return { data: list.map((t) => ({ name: t.name })), commit: () => this.loadedValues.set("items", list.map((t) => new TableP(this.context, () => t, t.name, t.name))) };
      },
    });
    return this;
  }
  get items(): TableP[] {
    return this.prop("items");
  }
  add(address: RangeP | string, hasHeaders: boolean): TableP {
    if (!this.ws) throw new Error("fake: add tables through a worksheet");
    const ws = this.ws;
    const range = typeof address === "string" ? ws.getRange(address) : address;
    let created: FakeTable | undefined;
    const book = this.context.book;
    ws.writeSheet({ call: "tables.add", hasHeaders }, (s) => {
      const r = range.rects()[0];
      if (range.ws.sheet() !== s) throw new FakeError("InvalidArgument", "The range is on another sheet.");
      if (book.allTables.some((t) => t.sheet === s && intersects(t.rect, r))) throw new FakeError("InvalidOperation", "A table cannot overlap another table.");
      if (s.merges.some((m) => intersects(m, r))) throw new FakeError("InvalidOperation", "A table cannot hold merged cells.");
      let n = 1;
      while (book.allTables.some((t) => t.name === `Table${n}`)) n++;
      created = { name: `Table${n}`, sheet: s, rect: { ...r }, style: "TableStyleMedium2" };
      book.allTables.push(created);
    });
    return new TableP(this.context, () => created, "new");
  }
}

class TableP extends P {
  constructor(
    context: FakeContext,
    private readonly ref: () => FakeTable | undefined,
    label: string,
    loadedName?: string,
  ) {
    super(context, `table[${label}]`);
    if (loadedName !== undefined) this.loadedValues.set("name", loadedName);
  }
  private table(): FakeTable {
    const t = this.ref();
    if (!t || !this.context.book.allTables.includes(t)) throw new FakeError("ItemNotFound", "The table does not exist.");
    return t;
  }
  get name(): string {
    return this.prop("name");
  }
  set name(v: string) {
    this.queueWrite({ set: "table.name", v }, () => {
      const t = this.table();
      if (!/^[A-Za-z_\\][\w.]*$/.test(v) || this.context.book.allTables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) throw new FakeError("InvalidArgument", `Table name "${v}" is invalid or in use.`);
      t.name = v;
    });
  }
  set style(v: string) {
    this.queueWrite({ set: "table.style", v }, () => (this.table().style = v));
  }
  delete(): void {
    this.queueWrite({ call: "table.delete" }, () => {
      const t = this.table();
      if (t.sheet.protected) throw new FakeError("AccessDenied", "The sheet is protected.");
      const all = this.context.book.allTables;
      all.splice(all.indexOf(t), 1);
    });
  }
}

class ChartsP extends P {
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetP,
  ) {
    super(context, `${ws.path}.charts`);
  }
  load(spec?: unknown): this {
    const names = parseLoad(spec, ["items/name"], "ChartCollection");
    this.context.push({
      describe: { load: this.path, names },
      write: false,
      run: () => {
        const s = this.ws.sheet();
        const list = [...s.charts];
        return { data: list.map((c) => ({ name: c.name })), commit: () => this.loadedValues.set("items", list.map((c) => new ChartP(this.context, this.ws, () => c))) };
      },
    });
    return this;
  }
  get items(): ChartP[] {
    return this.prop("items");
  }
  add(type: string, source: RangeP, seriesBy: string): ChartP {
    let created: FakeChart | undefined;
    this.ws.writeSheet({ call: "charts.add", type, seriesBy }, (s) => {
      const r = source.rects()[0];
      created = { name: `Chart ${s.charts.length + 1}`, type, series: [{ name: "Series1", values: { ...r } }] };
      s.charts.push(created);
    });
    return new ChartP(this.context, this.ws, () => created);
  }
}

class ChartP extends P {
  constructor(
    context: FakeContext,
    private readonly ws: WorksheetP,
    private readonly ref: () => FakeChart | undefined,
  ) {
    super(context, `${ws.path}.chart`);
  }
  chart(): FakeChart {
    const c = this.ref();
    if (!c) throw new FakeError("ItemNotFound", "The chart does not exist.");
    return c;
  }
  get title(): { text: string } {
    const write = (v: string): void => this.ws.writeSheet({ set: "chart.title", v }, () => (this.chart().title = v));
    return Object.defineProperty({} as { text: string }, "text", {
      set: write,
      get: () => {
        throw new Error("fake: chart title is write-only here");
      },
      enumerable: true,
    });
  }
  get series(): { getItemAt(i: number): SeriesP; add(name: string): SeriesP } {
    return {
      getItemAt: (i: number) => new SeriesP(this, () => this.chart().series[i]),
      add: (name: string) => {
        if (!this.context.requireSet(7, "ChartSeriesCollection.add")) return new SeriesP(this, () => undefined);
        let created: FakeChart["series"][number] | undefined;
        this.ws.writeSheet({ call: "series.add", name }, () => {
          created = { name };
          this.chart().series.push(created);
        });
        return new SeriesP(this, () => created);
      },
    };
  }
  setPosition(start: string, end: string): void {
    this.ws.writeSheet({ call: "chart.setPosition", start, end }, () => {
      if (!parseRect(start) || !parseRect(end)) throw new FakeError("InvalidArgument", "Bad chart position.");
      this.chart().position = [start, end];
    });
  }
  delete(): void {
    this.ws.writeSheet({ call: "chart.delete" }, (s) => {
      const i = s.charts.indexOf(this.chart());
      if (i >= 0) s.charts.splice(i, 1);
    });
  }
  get sheetProxy(): WorksheetP {
    return this.ws;
  }
}

class SeriesP {
  constructor(
    private readonly chart: ChartP,
    private readonly ref: () => FakeChart["series"][number] | undefined,
  ) {}
  private s(): FakeChart["series"][number] {
    const s = this.ref();
    if (!s) throw new FakeError("ItemNotFound", "The series does not exist.");
    return s;
  }
  set name(v: string) {
    this.chart.sheetProxy.writeSheet({ set: "series.name", v }, () => (this.s().name = v));
  }
  setValues(r: RangeP): void {
    if (!this.chart.context.requireSet(7, "ChartSeries.setValues")) return;
    this.chart.sheetProxy.writeSheet({ call: "series.setValues" }, () => (this.s().values = { ...r.rects()[0] }));
  }
  setXAxisValues(r: RangeP): void {
    if (!this.chart.context.requireSet(7, "ChartSeries.setXAxisValues")) return;
    this.chart.sheetProxy.writeSheet({ call: "series.setXAxisValues" }, () => (this.s().xValues = { ...r.rects()[0] }));
  }
}

class FreezePanesP {
  constructor(
    readonly context: FakeContext,
    private readonly ws: WorksheetP,
  ) {}
  freezeRows(n: number): void {
    if (!this.context.requireSet(7, "freezePanes")) return;
    this.ws.writeSheet({ call: "freezeRows", n }, (s) => (s.freeze = { rows: n, columns: 0 }));
  }
  freezeAt(r: RangeP): void {
    if (!this.context.requireSet(7, "freezePanes")) return;
    this.ws.writeSheet({ call: "freezeAt" }, (s) => {
      const rect = r.rects()[0];
      s.freeze = { rows: rect.bottom, columns: rect.right };
    });
  }
  unfreeze(): void {
    if (!this.context.requireSet(7, "freezePanes")) return;
    this.ws.writeSheet({ call: "unfreeze" }, (s) => delete s.freeze);
  }
}

class PageLayoutP {
  constructor(
    readonly context: FakeContext,
    private readonly ws: WorksheetP,
  ) {}
  private set(prop: string, v: unknown, fn: (s: FakeSheet) => void): void {
    if (!this.context.requireSet(9, "pageLayout")) return;
    if (this.context.book.options.pageLayoutFails) {
      this.context.fail("ApiNotFound", "pageLayout is not available.", { set: prop });
      return;
    }
    this.ws.writeSheet({ set: `pageLayout.${prop}`, v }, fn);
  }
  set orientation(v: string) {
    this.set("orientation", v, (s) => (s.pageLayout.orientation = v));
  }
  set paperSize(v: string) {
    this.set("paperSize", v, (s) => (s.pageLayout.paperSize = v));
  }
  set zoom(v: unknown) {
    this.set("zoom", v, (s) => (s.pageLayout.zoom = v));
  }
  setPrintTitleRows(v: string) {
    this.set("printTitleRows", v, (s) => {
      if (!/^\$\d+:\$\d+$/.test(v)) throw new FakeError("InvalidArgument", `Bad title rows "${v}".`);
      s.pageLayout.printTitleRows = v;
    });
  }
}
