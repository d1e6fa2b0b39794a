/**
 * The workbook reader: every sheet's role, every roster's person records, the quota sheet,
 * the units, and the reader's `data.` findings.
 */
import { columnLetter, columnNumber } from "../address";
import { cellFinding, columnFinding, type FindingDraft } from "../findings/finding";
import type { WorkbookGrid } from "../grid";
import type { CanonicalField, SheetReport, StaffCounts, UnitReport } from "../report/types";
import { toIso, type PartialDate } from "../text/dates";
import { comparisonKey, asciiKey } from "../text/keys";
import { SheetCells } from "./cells";
import { findHeaderBand, type HeaderBand } from "./header";
import { mapColumns, type ColumnMapping } from "./mapping";
import { mapQuotaColumns, readQuotaRows, type QuotaRow } from "./quota";
import { readRecords, type PersonRecord, type ReadRecordsOptions } from "./records";
import { parseUnitLabel, unitIdOf, type UnitLabel } from "./units";
import { categoryFromLabel } from "./vocabulary";
import type { StaffCategory } from "./titles";
import { isTrainingHeader, readTrainingSheet, type TrainingEntry } from "../training/read";

export type { PersonRecord } from "./records";

/** Names of the sheets the add-in writes; never read as rosters. */
export const OUTPUT_SHEET_NAMES = ["Kết quả kiểm tra", "Tổng hợp biên chế", "Chất lượng CBCC", "Tình trạng tệp"];
export const SETTINGS_SHEET_NAME = "Quy định";

/** A user's correction of the reader's guess for one sheet. */
export interface SheetMappingOverride {
  /** Field → column letter. */
  columns?: Partial<Record<CanonicalField, string>>;
}

export interface ReadWorkbookOptions {
  asOf: PartialDate;
  /** Per sheet name; wins over the mapping saved in the workbook. */
  mappings?: Record<string, SheetMappingOverride>;
}

export interface WorkbookReading {
  sheets: SheetReport[];
  records: PersonRecord[];
  /** Report unit id of each record (same index as `records`), when known. */
  recordUnitIds: (string | undefined)[];
  /** Whether each record counts in its unit's staff: not left, not a repeat of a person already counted there. */
  counted: boolean[];
  /**
   * For each record, the index of the first record of the same person (itself when alone): rows
   * with the same ID number, or the same name and full birth date in one unit (issue 5 §5).
   */
  personOf: number[];
  /** Cells decoded from TCVN3/VNI (their Unicode text and legacy font), for `--fix-encoding`. */
  legacyCells: { sheet: string; row: number; col: number; text: string; fontName?: string }[];
  units: UnitReport[];
  quotaRows: { sheet: string; row: QuotaRow; unitId: string }[];
  findings: FindingDraft[];
  /** Training lists (issue 12): their sheets and entries, when the workbook has any. */
  training?: { sheets: string[]; entries: TrainingEntry[] };
  /** The sheets as read before units were resolved: what a live re-check of changed rows starts from (src/core/recheck.ts). */
  stage?: SheetsReading;
}

/** A roster sheet's layout as the reader found it: enough to read some of its rows again. */
export interface RosterLayout {
  sheet: string;
  band: HeaderBand;
  mapping: ColumnMapping;
  options: ReadRecordsOptions;
}

/** Every sheet read, before units are resolved, duplicates found and repeated normalizations collapsed. */
export interface SheetsReading {
  sheets: SheetReport[];
  records: PersonRecord[];
  /** The sheets' own findings (no unit named yet, nothing collapsed). */
  findings: FindingDraft[];
  quota: { sheet: string; row: QuotaRow }[];
  legacyCells: WorkbookReading["legacyCells"];
  layouts: RosterLayout[];
  training?: { sheets: string[]; entries: TrainingEntry[] };
}

const OUTPUT_KEYS = new Set(OUTPUT_SHEET_NAMES.map(comparisonKey));

/** Mapping saved in the workbook by the add-in (custom property "hoso.mapping", JSON). */
function savedMappings(grid: WorkbookGrid): Record<string, SheetMappingOverride> {
  const raw = grid.savedSettings?.["hoso.mapping"];
  if (!raw) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    return typeof parsed === "object" && parsed !== null ? (parsed as Record<string, SheetMappingOverride>) : {};
  } catch {
    return {};
  }
}

/** Context from the title rows above the header: a unit ("UBND XÃ QUẢNG LÂM") and a category. */
function titleContext(cells: SheetCells, top: number): { unit?: UnitLabel; category?: StaffCategory } {
  const out: { unit?: UnitLabel; category?: StaffCategory } = {};
  for (let r = 1; r < top; r++) {
    for (let c = 1; c <= Math.min(cells.columnCount, 30); c++) {
      const t = cells.text(r, c, false);
      if (t === "") continue;
      // The national motto ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") names no commune.
      if (/xã hội chủ nghĩa|cộng hòa|độc lập/.test(comparisonKey(t))) continue;
      if (!out.unit) {
        const u = parseUnitLabel(t);
        if (u && !/cộng hòa|cộng hoà/i.test(t)) out.unit = u;
        else {
          const m = /(?:xã|phường|thị trấn|đặc khu)\s+[^,;()]+$/iu.exec(t);
          const u2 = m ? parseUnitLabel(m[0]) : undefined;
          if (u2) out.unit = u2;
        }
      }
      out.category ??= categoryFromLabel(t);
    }
  }
  return out;
}

interface UnitEntry {
  label: UnitLabel;
  code?: string;
  villages: Set<string>;
  quota?: QuotaRow;
  staff: StaffCounts;
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

/** A spelling to show rather than another: with diacritics over without, mixed case over all capitals. */
function betterSpelling(candidate: string, current: string): boolean {
  if (isAscii(current) && !isAscii(candidate)) return true;
  if (isAscii(candidate) && !isAscii(current)) return false;
  return current === current.toUpperCase() && candidate !== candidate.toUpperCase();
}

/**
 * Units seen in records and quota rows. Labels are collected first and resolved after every
 * sheet is read, so a bare name ("Tân Bình") finds its unit whatever the order of the sheets,
 * and a bare name that fits two units ("Đầm Hà": the thị trấn and the xã) is reported, not guessed.
 */
class UnitRegistry {
  private readonly entries = new Map<string, UnitEntry>();
  /** Kinds seen per name (comparison key: case, Unicode form and tone placement ignored, diacritics kept). */
  private readonly kindsByName = new Map<string, Set<string>>();
  /** The best display spelling per name key: with diacritics and mixed case when any label gives it. */
  private readonly spelling = new Map<string, string>();
  /** ASCII-folded key → the distinct real names (with diacritics) that fold to it. */
  private readonly folded = new Map<string, Set<string>>();

  /** The label observed last: records of one section share their label object, which needs noting once. */
  private lastObserved: UnitLabel | undefined;
  /** Labels already resolved (after every label is observed, a label always resolves to the same key). */
  private readonly resolved = new Map<UnitLabel, string | null>();

  /** Note a label before resolution. */
  observe(label: UnitLabel): void {
    // Noting a label again changes nothing: the best spelling only ever improves (see betterSpelling).
    if (label === this.lastObserved) return;
    this.lastObserved = label;
    const key = comparisonKey(label.name);
    if (!isAscii(label.name)) {
      const f = asciiKey(label.name);
      let names = this.folded.get(f);
      if (!names) this.folded.set(f, (names = new Set()));
      names.add(key);
    }
    const best = this.spelling.get(key);
    if (best === undefined || betterSpelling(label.name, best)) this.spelling.set(key, label.name);
    if (label.kind === undefined) return;
    let kinds = this.kindsByName.get(key);
    if (!kinds) this.kindsByName.set(key, (kinds = new Set()));
    kinds.add(label.kind);
  }

  /**
   * The key of the unit a label names; `null` when it fits several units: a bare name of a
   * thị trấn and a xã ("Đầm Hà"), or an unaccented name that folds from two ("Dong Ha": Đông Hà
   * and Đồng Hà). Names that differ only in diacritics are different units.
   */
  resolve(label: UnitLabel): string | null {
    const known = this.resolved.get(label);
    if (known !== undefined) return known;
    const k = this.resolveLabel(label);
    this.resolved.set(label, k);
    return k;
  }

  private resolveLabel(label: UnitLabel): string | null {
    let nameKey = comparisonKey(label.name);
    if (isAscii(label.name)) {
      const real = this.folded.get(asciiKey(label.name));
      if (real && real.size > 1) return null;
      if (real && real.size === 1) nameKey = [...real][0];
    }
    let kind = label.kind;
    if (kind === undefined) {
      const kinds = this.kindsByName.get(nameKey);
      if (kinds && kinds.size > 1) return null;
      if (kinds && kinds.size === 1) kind = [...kinds][0] as UnitLabel["kind"];
    }
    const k = `${kind ?? ""}|${nameKey}`;
    const name = this.spelling.get(nameKey) ?? label.name;
    const e = this.entries.get(k);
    const resolved: UnitLabel = kind ? { kind, name } : { name };
    if (!e) this.entries.set(k, { label: resolved, villages: new Set(), staff: { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } });
    else if (betterSpelling(name, e.label.name)) e.label = { ...e.label, name };
    return k;
  }

  get(key: string): UnitEntry {
    return this.entries.get(key)!;
  }

  all(): [string, UnitEntry][] {
    return [...this.entries.entries()];
  }
}

/**
 * Read a workbook grid: roles, records, units, quotas and `data.` findings.
 * @example const reading = readWorkbook(grid, { asOf: { year: 2026, month: 11, day: 28, precision: "day" } });
 */
export function readWorkbook(grid: WorkbookGrid, options: ReadWorkbookOptions): WorkbookReading {
  return resolveReading(readSheets(grid, options));
}

/** Read every sheet: roles, layouts, records, quota rows and the sheets' own findings. */
export function readSheets(grid: WorkbookGrid, options: ReadWorkbookOptions): SheetsReading {
  const sheets: SheetReport[] = [];
  const records: PersonRecord[] = [];
  const findings: FindingDraft[] = [];
  const pendingQuota: { sheet: string; row: QuotaRow }[] = [];
  const legacyCells: WorkbookReading["legacyCells"] = [];
  const layouts: RosterLayout[] = [];
  const mappings = { ...savedMappings(grid), ...(options.mappings ?? {}) };
  let training: WorkbookReading["training"];

  for (const sheet of grid.sheets) {
    const key = comparisonKey(sheet.name);
    if (OUTPUT_KEYS.has(key)) {
      sheets.push({ name: sheet.name, role: "output" });
      continue;
    }
    if (key === comparisonKey(SETTINGS_SHEET_NAME)) {
      sheets.push({ name: sheet.name, role: "settings" });
      continue;
    }
    const cells = new SheetCells(grid, sheet);
    const band = sheet.rowCount > 0 ? findHeaderBand(cells) : undefined;
    if (!band) {
      sheets.push({ name: sheet.name, role: "other" });
      continue;
    }
    // A training list (issue 12): its own columns and entries, never person records of the roster.
    const titleText = [sheet.name, ...Array.from({ length: band.top - 1 }, (_, i) => cells.text(i + 1, 1, false))].join(" ");
    if (isTrainingHeader(band, titleText)) {
      const ctxT = titleContext(cells, band.top);
      const t = readTrainingSheet(cells, band, { date1904: grid.date1904, asOfYear: options.asOf.year, ...(ctxT.unit ? { titleUnit: ctxT.unit } : {}) });
      (training ??= { sheets: [], entries: [] }).sheets.push(sheet.name);
      training.entries.push(...t.entries);
      const headerRowsT: number[] = [];
      for (let r = band.top; r <= band.bottom; r++) headerRowsT.push(r);
      const repT: SheetReport = { name: sheet.name, role: "training", records: t.entries.length, headerRows: headerRowsT };
      if (band.indexRow) repT.indexRow = band.indexRow;
      if (t.firstDataRow) repT.firstDataRow = t.firstDataRow;
      if (t.lastDataRow) repT.lastDataRow = t.lastDataRow;
      sheets.push(repT);
      continue;
    }
    const overrideLetters = mappings[sheet.name]?.columns ?? {};
    const overrides: Partial<Record<CanonicalField, number>> = {};
    for (const [f, letter] of Object.entries(overrideLetters)) if (typeof letter === "string" && columnNumber(letter) > 0) overrides[f as CanonicalField] = columnNumber(letter);
    const mapping = mapColumns(band.columns, overrides);
    const headerRows: number[] = [];
    for (let r = band.top; r <= band.bottom; r++) headerRows.push(r);
    const quotaCols = mapping.fields.fullName === undefined ? mapQuotaColumns(band) : undefined;
    if (quotaCols) {
      const rows = readQuotaRows(cells, band, quotaCols);
      for (const row of rows) pendingQuota.push({ sheet: sheet.name, row });
      const rep: SheetReport = { name: sheet.name, role: "quota", records: 0, headerRows };
      if (band.indexRow) rep.indexRow = band.indexRow;
      if (rows.length > 0) {
        rep.firstDataRow = rows[0].row;
        rep.lastDataRow = rows[rows.length - 1].row;
      }
      sheets.push(rep);
      continue;
    }
    if (mapping.fields.fullName === undefined) {
      sheets.push({ name: sheet.name, role: "other" });
      continue;
    }
    const ctx = titleContext(cells, band.top);
    const sheetNameUnit = parseUnitLabel(sheet.name) ?? (/^[A-Za-zÀ-ỹ ]{3,30}$/u.test(sheet.name) && !categoryFromLabel(sheet.name) && !/^(sheet|trang|ds|danh sách|dsach|bảng)/i.test(sheet.name) ? { name: sheet.name } : undefined);
    const recordOptions: ReadRecordsOptions = {
      date1904: grid.date1904,
      asOf: options.asOf,
      ...(ctx.unit ? { titleUnit: ctx.unit } : {}),
      ...(sheetNameUnit ? { sheetNameUnit } : {}),
      ...(ctx.category ?? categoryFromLabel(sheet.name) ? { titleCategory: ctx.category ?? categoryFromLabel(sheet.name) } : {}),
    };
    layouts.push({ sheet: sheet.name, band, mapping, options: recordOptions });
    const reading = readRecords(cells, band, mapping, recordOptions);
    for (const rec of reading.records) records.push(rec);
    findings.push(...reading.findings);
    findings.push(...textFindings(sheet.name, cells));
    for (const c of cells.legacyCells) legacyCells.push({ sheet: sheet.name, ...c });
    // Report the sheet.
    const columns: Partial<Record<CanonicalField, string | string[]>> = {};
    for (const [f, c] of Object.entries(mapping.fields) as [CanonicalField, number][]) columns[f] = columnLetter(c);
    if (mapping.birthByGender) {
      columns.birthDate = [columnLetter(mapping.birthByGender.male), columnLetter(mapping.birthByGender.female)];
      columns.gender ??= columns.birthDate;
    }
    for (const o of mapping.oneHot) {
      const field = o.field as CanonicalField;
      const existing = columns[field];
      const list = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
      list.push(columnLetter(o.col));
      columns[field] = list.length === 1 ? list[0] : list;
    }
    const rep: SheetReport = { name: sheet.name, role: "roster", records: reading.records.length, headerRows };
    if (band.indexRow) rep.indexRow = band.indexRow;
    if (reading.firstDataRow) rep.firstDataRow = reading.firstDataRow;
    if (reading.lastDataRow) rep.lastDataRow = reading.lastDataRow;
    rep.columns = columns;
    if (mapping.unmapped.length > 0) rep.unmappedHeaders = mapping.unmapped.map((h) => h.path.join(" / "));
    sheets.push(rep);
  }
  return { sheets, records, findings, quota: pendingQuota, legacyCells, layouts, ...(training ? { training } : {}) };
}

/**
 * Resolve the units of the sheets read, find duplicates, count staff, name each finding's unit
 * and collapse repeated normalizations. Pure on its input (a live re-check calls it again on a
 * patched copy).
 */
export function resolveReading(stage: SheetsReading): WorkbookReading {
  const { sheets, records, legacyCells, training } = stage;
  const pendingQuota = stage.quota;
  const findings: FindingDraft[] = [...stage.findings];
  const recordKeys: (string | undefined)[] = [];
  const registry = new UnitRegistry();
  const quotaRows: { sheet: string; row: QuotaRow; key: string }[] = [];
  // Labels are observed in sheet order, as they were read.
  const sheetOrder = new Map(sheets.map((s, i) => [s.name, i]));
  let qi = 0;
  for (const rec of records) {
    const at = sheetOrder.get(rec.sheet) ?? 0;
    while (qi < pendingQuota.length && (sheetOrder.get(pendingQuota[qi].sheet) ?? 0) < at) registry.observe(pendingQuota[qi++].row.unit);
    if (rec.unitLabel) registry.observe(rec.unitLabel);
  }
  while (qi < pendingQuota.length) registry.observe(pendingQuota[qi++].row.unit);

  // Resolve units now that every label is known: quota rows first (they give codes and order).
  for (const q of pendingQuota) {
    const key = registry.resolve(q.row.unit);
    if (key === null) findings.push(cellFinding("data.ambiguousUnit", "warning", { sheet: q.sheet, row: q.row.row, col: 1 }, { value: q.row.unit.name }));
    else quotaRows.push({ ...q, key });
  }
  for (const rec of records) {
    const key = rec.unitLabel ? registry.resolve(rec.unitLabel) : undefined;
    if (key === null) {
      const cell = rec.fields.unit;
      findings.push(cellFinding("data.ambiguousUnit", "warning", { sheet: rec.sheet, row: rec.row, col: cell?.col ?? rec.fields.fullName?.col ?? 1, ...(rec.fullName ? { person: rec.fullName } : {}) }, { value: cell?.text ?? rec.unitLabel!.name }));
    }
    recordKeys.push(key ?? undefined);
  }
  // Records without a unit.
  records.forEach((rec, i) => {
    if (recordKeys[i] === undefined && rec.unitLabel === undefined) findings.push(cellFinding("data.unknownUnit", "warning", { sheet: rec.sheet, row: rec.row, col: rec.fields.fullName?.col ?? 1, ...(rec.fullName ? { person: rec.fullName } : {}) }, {}));
  });
  // Staff counts (persons: a duplicate row of someone already counted in the unit is not counted again) and villages.
  const duplicates = duplicateFindings(records, recordKeys);
  // Persons on several rows: (person, unit) pairs counted so far. A person on one row needs no such note.
  const countedPersons = new Set<string>();
  const rowsOfPerson = new Uint32Array(records.length);
  for (const root of duplicates.personOf) rowsOfPerson[root]++;
  const counted: boolean[] = records.map(() => false);
  records.forEach((rec, i) => {
    const k = recordKeys[i];
    if (k === undefined) return;
    const u = registry.get(k);
    if (rec.village) u.villages.add(comparisonKey(rec.village));
    if (rec.left || !rec.category) return;
    const root = duplicates.personOf[i];
    if (rowsOfPerson[root] > 1) {
      const person = `${root}\u0000${k}`;
      if (countedPersons.has(person)) return;
      countedPersons.add(person);
    }
    u.staff[rec.category]++;
    counted[i] = true;
  });
  for (const q of quotaRows) {
    const u = registry.get(q.key);
    u.quota = q.row;
    if (q.row.code) u.code = q.row.code;
  }
  // Units, ids, in first-seen order.
  const idByKey = new Map<string, string>();
  const units: UnitReport[] = [];
  for (const [k, u] of registry.all()) {
    const id = unitIdOf(u.label, u.code);
    idByKey.set(k, id);
    const unit = { id, name: u.label.name } as UnitReport;
    if (u.label.kind) unit.kind = u.label.kind;
    if (u.code) unit.code = u.code;
    if (u.quota?.communeClass) unit.communeClass = u.quota.communeClass;
    const villages = u.quota?.villages ?? (u.villages.size > 0 ? u.villages.size : undefined);
    if (villages !== undefined) unit.villages = villages;
    unit.staff = u.staff;
    if (u.quota && Object.keys(u.quota.quota).length > 0) unit.quota = u.quota.quota;
    units.push(unit);
  }
  const recordUnitIds = recordKeys.map((k) => (k === undefined ? undefined : idByKey.get(k)));
  // Findings name the unit of their record (only the rows some finding is on are looked up).
  const unitByRow = new Map<string, string>();
  const findingRows = new Map<string, Set<number>>();
  for (const f of findings) {
    if (f.unit !== undefined || f.row === undefined || f.sheet === undefined) continue;
    let rows = findingRows.get(f.sheet);
    if (!rows) findingRows.set(f.sheet, (rows = new Set()));
    rows.add(f.row);
  }
  if (findingRows.size > 0) {
    records.forEach((rec, i) => {
      const id = recordUnitIds[i];
      if (id && findingRows.get(rec.sheet)?.has(rec.row)) unitByRow.set(`${rec.sheet}\u0000${rec.row}`, id);
    });
  }
  findings.forEach((f, i) => {
    if (f.unit === undefined && f.row !== undefined && f.sheet !== undefined) {
      const id = unitByRow.get(`${f.sheet}\u0000${f.row}`);
      // A copy: the stage's findings stay as read.
      if (id) findings[i] = { ...f, unit: id };
    }
  });
  for (const d of duplicates.findings) {
    const id = recordUnitIds[d.index];
    if (id) d.finding.unit = id;
    findings.push(d.finding);
  }
  return {
    findings: collapseRepeatedNormalizations(findings),
    counted,
    personOf: duplicates.personOf,
    legacyCells, sheets, records, recordUnitIds, units, quotaRows: quotaRows.map((q) => ({ sheet: q.sheet, row: q.row, unitId: idByKey.get(q.key)! })),
    ...(training ? { training } : {}), stage };
}

/** What the text layer did to a sheet's cells: decodes told once per column, undecidable encodings per cell. */
export function textFindings(sheet: string, cells: SheetCells): FindingDraft[] {
  const out: FindingDraft[] = [];
  for (const [col, t] of cells.decodes) {
    out.push(columnFinding(t.encoding === "nfd" ? "data.decomposedUnicode" : "data.legacyEncoding", "info", { sheet, col }, t.count, { encoding: t.encoding === "tcvn3" ? "TCVN3" : t.encoding === "vni" ? "VNI-Windows" : "Unicode tổ hợp", sample: t.sampleRaw, decoded: t.sampleText, firstRow: t.firstRow }));
  }
  for (const a of cells.ambiguous.slice(0, 50)) out.push(cellFinding("data.ambiguousEncoding", "warning", { sheet, row: a.row, col: a.col }, { value: a.raw }));
  return out;
}

/** Normalizations that are told once per column when they repeat (the user is told once, not a thousand times). */
const COLLAPSIBLE = new Set(["data.dateGuessed"]);
const COLLAPSE_AT = 4;

/** Replace repeated per-cell normalization findings of one column by one column finding with its count. */
function collapseRepeatedNormalizations(findings: FindingDraft[]): FindingDraft[] {
  const groups = new Map<string, FindingDraft[]>();
  for (const f of findings) {
    if (!COLLAPSIBLE.has(f.rule) || f.row === undefined || f.col === undefined) continue;
    const k = `${f.sheet}\u0000${f.col}\u0000${f.rule}\u0000${String(f.params.form ?? "")}`;
    const g = groups.get(k);
    if (g) g.push(f);
    else groups.set(k, [f]);
  }
  const drop = new Set<FindingDraft>();
  const added: FindingDraft[] = [];
  for (const g of groups.values()) {
    if (g.length < COLLAPSE_AT) continue;
    for (const f of g) drop.add(f);
    const first = g[0];
    added.push(columnFinding(first.rule, first.severity, { sheet: first.sheet!, col: first.col! }, g.length, { ...first.params, firstRow: first.row }));
  }
  return drop.size === 0 ? findings : [...findings.filter((f) => !drop.has(f)), ...added];
}

/** The same person on several rows, and rows that may be the same person. */
interface Duplicates {
  /** For each record, the index of the first record of the same person (itself when it is the first or alone). */
  personOf: number[];
  findings: { index: number; finding: FindingDraft }[];
}

const fullDate = (d: PartialDate | undefined): d is PartialDate => d?.precision === "day";
const sameDay = (a: PartialDate, b: PartialDate) => a.year === b.year && a.month === b.month && a.day === b.day;
/** Two birth dates that may be the same day: same year, and same month and day where both give them. */
const compatible = (a: PartialDate, b: PartialDate) => a.year === b.year && (a.month === undefined || b.month === undefined || a.month === b.month) && (a.day === undefined || b.day === undefined || a.day === b.day);

/** `dayCodeOf` of a date that is not a full date. */
const NOT_FULL = -1;
/** `dayCodeOf` of a full date whose parts are no small whole numbers (compared as objects). */
const ODD_FULL = -2;

/** A number per full birth date (`fullDate`): equal exactly when `sameDay`; NOT_FULL or ODD_FULL otherwise. */
function dayCodeOf(d: PartialDate): number {
  if (!fullDate(d)) return NOT_FULL;
  const { year, month, day } = d;
  if (!Number.isInteger(year) || year < 0 || year > 1e6 || !Number.isInteger(month) || month! < 0 || month! > 99 || !Number.isInteger(day) || day! < 0 || day! > 99) return ODD_FULL;
  return (year * 100 + month!) * 100 + day!;
}

/** The value stored for `key`, after storing `value` there when it had none. */
function getOrSet(map: Map<string, number>, key: string, value: number): number {
  const v = map.get(key);
  if (v !== undefined) return v;
  map.set(key, value);
  return value;
}

/**
 * A number for an ID number of 1 to 14 ASCII digits, distinct per text ("012" and "12" differ:
 * the value and the length); -1 for any other text.
 */
function idCode(id: string): number {
  const len = id.length;
  if (len === 0 || len > 14) return -1;
  let v = 0;
  for (let k = 0; k < len; k++) {
    const d = id.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v * 16 + len;
}

/**
 * A map from non-negative integers below 2^53 to record indices: open addressing in one typed
 * array, each key next to its value (one memory access per lookup in a table larger than the caches).
 */
class NumberTable {
  private readonly slots: Float64Array;
  private readonly mask: number;
  constructor(entries: number) {
    let cap = 16;
    while (cap < entries * 2) cap *= 2;
    this.slots = new Float64Array(cap * 2).fill(-1);
    this.mask = cap - 1;
  }
  /** The value stored for `key`, after storing `value` there when it had none. */
  getOrSet(key: number, value: number): number {
    const slots = this.slots;
    let h = Math.imul((key | 0) ^ Math.imul((key / 4294967296) | 0, 0x9e3779b1), 0x85ebca6b);
    h ^= h >>> 15;
    let at = (h & this.mask) * 2;
    for (;;) {
      const k = slots[at];
      if (k === key) return slots[at + 1];
      if (k === -1) {
        slots[at] = key;
        slots[at + 1] = value;
        return value;
      }
      at = (at + 2) & (this.mask * 2 + 1);
    }
  }
}

/**
 * Duplicates (issue 5 §5). The same person: the same ID number (anywhere), or in one unit the same
 * normalized name and the same full birth date (unless both rows give different ID numbers). Every
 * row of such a person gets a warning naming another row, and the person is counted once per unit.
 * A possible duplicate: in one unit the same name and a birth date that may be the same day but is
 * not given in full (only the year, or month and year); or in two units the same name and full
 * birth date. An info on each row; such rows are counted separately.
 */
function duplicateFindings(records: PersonRecord[], unitKeys: (string | undefined)[]): Duplicates {
  const n = records.length;
  // Union-find over record indices; a set's root is always its smallest index (its first row).
  const parent = new Int32Array(n);
  for (let i = 0; i < n; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const g = parent[parent[i]];
      parent[i] = g;
      i = g;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const x = find(a);
    const y = find(b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const idsDiffer = (i: number, j: number) => records[i].idNumber !== undefined && records[j].idNumber !== undefined && records[i].idNumber !== records[j].idNumber;
  // Rows are grouped by numbers rather than by strings (100k string keys are slow to hash and
  // keep): an ID number of digits by its value, a name by a small number per distinct name key
  // (rows repeat their names, so each raw spelling is keyed once) and, with the birth year, by one
  // number. Anything else (an ID with other characters, an odd year) by its string, as before.
  const byId = new NumberTable(n);
  let byIdText: Map<string, number> | undefined;
  const nameOfRaw = new Map<string, number>();
  const nameOfKey = new Map<string, number>();
  const byNameYear = new NumberTable(n);
  let byNameYearText: Map<string, number> | undefined;
  // Rows of one name and birth year, in row order: the first row of each group, and the next row of each row (-1: none).
  const next = new Int32Array(n).fill(-1);
  const last = new Int32Array(n);
  const size = new Int32Array(n);
  const dayCode = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const rec = records[i];
    const id = rec.idNumber;
    if (id) {
      const code = idCode(id);
      const first = code >= 0 ? byId.getOrSet(code, i) : getOrSet((byIdText ??= new Map()), id, i);
      if (first !== i) union(first, i);
    }
    const name = rec.fullName;
    const birth = rec.birthDate;
    if (name && birth) {
      let nameId = nameOfRaw.get(name);
      if (nameId === undefined) {
        const k = comparisonKey(name);
        nameId = nameOfKey.get(k);
        if (nameId === undefined) nameOfKey.set(k, (nameId = nameOfKey.size));
        nameOfRaw.set(name, nameId);
      }
      const year = birth.year;
      dayCode[i] = dayCodeOf(birth);
      const first = Number.isInteger(year) && year >= 0 && year < 0x10000 ? byNameYear.getOrSet(nameId * 0x10000 + year, i) : getOrSet((byNameYearText ??= new Map()), `${nameId}|${year}`, i);
      size[first]++;
      if (first === i) last[i] = i;
      else {
        next[last[first]] = i;
        last[first] = i;
      }
    }
  }
  // Every rule below needs the same name and birth year, which keeps the pairwise comparisons
  // small even for the commonest names in a province's roster. Only groups of several rows can
  // hold duplicates; they are taken in the order of their first row.
  const byName: number[][] = [];
  for (let i = 0; i < n; i++) {
    if (size[i] < 2) continue;
    const g: number[] = [];
    for (let j = i; j !== -1; j = next[j]) g.push(j);
    byName.push(g);
  }
  const sameUnit = (i: number, j: number) => (unitKeys[i] ?? "") === (unitKeys[j] ?? "");
  // Whether two grouped rows give the same full birth date (`fullDate` and `sameDay` of both), by their day numbers.
  const sameFullDay = (i: number, j: number): boolean => {
    const a = dayCode[i];
    const b = dayCode[j];
    if (a >= 0 && b >= 0) return a === b;
    if (a === NOT_FULL || b === NOT_FULL) return false;
    return sameDay(records[i].birthDate!, records[j].birthDate!);
  };
  for (const list of byName) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const i = list[a];
        const j = list[b];
        if (sameUnit(i, j) && sameFullDay(i, j) && !idsDiffer(i, j)) union(i, j);
      }
    }
  }
  const personOf: number[] = new Array<number>(n);
  for (let i = 0; i < n; i++) personOf[i] = find(i);
  const out: Duplicates["findings"] = [];
  const at = (rec: PersonRecord, field: "idNumber" | "fullName") => ({ sheet: rec.sheet, row: rec.row, col: rec.fields[field]?.col ?? rec.fields.fullName?.col ?? 1, ...(rec.fullName ? { person: rec.fullName } : {}) });
  const related = (rec: PersonRecord, others: number[]) => {
    const rows = others.map((o) => records[o]).filter((o) => o.sheet === rec.sheet).map((o) => o.row).slice(0, 20);
    return rows.length > 0 ? rows : undefined;
  };
  // The same person: every row, naming the first other row. Only persons on several rows are
  // listed, in the order of their first row (a person's first row is its root).
  const rowsOf = new Uint32Array(records.length);
  for (const root of personOf) rowsOf[root]++;
  const members = new Map<number, number[]>();
  personOf.forEach((root, i) => {
    if (rowsOf[root] < 2) return;
    const m = members.get(root);
    if (m) m.push(i);
    else members.set(root, [i]);
  });
  for (const group of members.values()) {
    if (group.length < 2) continue;
    for (const i of group) {
      const others = group.filter((o) => o !== i);
      const other = others[0];
      const rec = records[i];
      const viaId = rec.idNumber !== undefined && rec.idNumber === records[other].idNumber;
      const f = cellFinding("data.duplicatePerson", "warning", at(rec, viaId ? "idNumber" : "fullName"), { otherSheet: records[other].sheet, otherRow: records[other].row, by: viaId ? "idNumber" : "nameAndBirthDate", sameUnit: sameUnit(i, other) ? 1 : undefined });
      const rows = related(rec, others);
      if (rows) f.relatedRows = rows;
      out.push({ index: i, finding: f });
    }
  }
  // Possibly the same person.
  for (const list of byName) {
    for (const i of list) {
      const possible = (j: number): boolean => {
        if (j === i) return false;
        // The date tests first: they need no record (the usual group: full dates, different days).
        const dates = sameUnit(i, j)
          ? (dayCode[i] === NOT_FULL || dayCode[j] === NOT_FULL) && compatible(records[i].birthDate!, records[j].birthDate!)
          : sameFullDay(i, j);
        return dates && personOf[j] !== personOf[i] && !idsDiffer(i, j);
      };
      let any = false;
      for (const j of list) if (possible(j)) { any = true; break; }
      if (!any) continue;
      const others = list.filter(possible);
      const rec = records[i];
      const other = records[others[0]];
      const f = cellFinding("data.possibleDuplicate", "info", at(rec, "fullName"), { otherSheet: other.sheet, otherRow: other.row, sameUnit: sameUnit(i, others[0]) ? 1 : undefined, birth: toIso(rec.birthDate!), otherBirth: toIso(other.birthDate!) });
      const rows = related(rec, others);
      if (rows) f.relatedRows = rows;
      out.push({ index: i, finding: f });
    }
  }
  return { personOf, findings: out };
}
