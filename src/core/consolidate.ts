/**
 * Consolidation (issue 11): the validations of many commune workbooks merged into one report and
 * one set of summaries, as a district or provincial office builds them. Pure: the CLI (and later
 * the task pane) reads the files, validates each with the engine, and hands the compact
 * {@link FileOutcome}s here.
 *
 * - Units are merged across files: the same kind and name, or the same code (a bare name joins
 *   the one unit of that name that has a kind); they are listed in the quota file's order when
 *   there is one, else as first seen. A unit whose people come from two files is a
 *   `file.duplicateUnit` warning; its counts are added (a commune may send its cán bộ, công chức
 *   and its thôn workers in two files).
 * - The same person in two files (the same ID number, or the same normalized name and full birth
 *   date, unless both rows give different ID numbers) is a `file.duplicatePerson` warning on each
 *   row (within one file the reader's `data.duplicatePerson` already tells).
 * - A file that cannot be read is a `file.unreadable` error with its one-line reason.
 * - A unit listed only in a quota sheet (the `--quota` file, or a file's own "Định biên") and in no
 *   roster is left out of the tables and reported as `file.missingUnit`; the findings a file made
 *   about units it only lists in its quota sheet are dropped (they are about rosters it does not hold).
 * - Quotas from `--quota FILE` win over the files' own quota sheets: {@link withQuotaSheets} puts the
 *   quota file's rows of a file's units into that file's grid before it is validated, and takes
 *   those units' rows out of the file's own quota sheets.
 */
import { columnNumber } from "./address";
import type { FindingDraft } from "./findings/finding";
import type { CellStyle, SheetGrid, WorkbookGrid } from "./grid";
import type { ValidationResult } from "./engine";
import type { WorkbookReading } from "./reader";
import { severityCounts, toReportFinding } from "./report/build";
import type { FileFormat, FileReport, Finding, QualityReport, Report, RuleOverrideReport, SheetReport, UnitKind, UnitReport } from "./report/types";
import { emptyQualityByCategory, sumQuality, QUALITY_CATEGORIES, type QualityBlock, type QualityByCategory } from "./summary/quality";
import type { Summaries, UnitConcurrency } from "./summary";
import { toIso } from "./text/dates";
import { asciiKey, comparisonKey } from "./text/keys";

/** Severities of the consolidation's own findings. */
export const CONSOLIDATE_RULES = {
  "file.unreadable": "error",
  "file.duplicateUnit": "warning",
  "file.duplicatePerson": "warning",
  "file.missingUnit": "warning",
} as const;

/** A person row of a file, as much as cross-file matching needs (serving people only). */
export interface PersonKey {
  sheet: string;
  row: number;
  /** The column of the name (or of the ID number when that is what matches). */
  col: number;
  idCol?: number;
  /** Unit id in the file's own report. */
  unit?: string;
  name?: string;
  nameKey?: string;
  /** Full birth date, ISO; absent when only the month or the year is known. */
  birth?: string;
  idNumber?: string;
}

/** A file that was read and validated. */
export interface FileRead {
  status: "read";
  name: string;
  bytes?: number;
  format?: FileFormat;
  report: Report;
  persons: PersonKey[];
  /** Person rows per unit id of the file's report (units with none are only listed in a quota sheet). */
  unitRecords: Record<string, number>;
  quotaSource: "file" | "quotaFile" | "none";
  /** Sheets of the `--quota` file put into this file's grid (their findings are the quota file's). */
  injectedSheets?: { name: string; original: string }[];
}

/** A file that could not be read: its one-line reason. */
export interface FileUnreadable {
  status: "unreadable";
  name: string;
  bytes?: number;
  format?: FileFormat;
  code: string;
  reasonVi: string;
  reasonEn: string;
}

export type FileOutcome = FileRead | FileUnreadable;

/**
 * The compact outcome of one validated file: the report and the keys of its serving people (the
 * grid and the reading are dropped, so a consolidation of thousands of files stays small).
 */
export function fileOutcomeOf(result: ValidationResult, meta: { name: string; bytes?: number; format?: FileFormat; quotaSource?: FileRead["quotaSource"]; injectedSheets?: FileRead["injectedSheets"] }): FileRead {
  const { reading, report } = result;
  const persons: PersonKey[] = [];
  const unitRecords: Record<string, number> = {};
  reading.records.forEach((rec, i) => {
    const unit = reading.recordUnitIds[i];
    if (unit !== undefined) unitRecords[unit] = (unitRecords[unit] ?? 0) + 1;
    if (rec.left) return;
    const birth = rec.birthDate?.precision === "day" ? toIso(rec.birthDate) : undefined;
    if (rec.idNumber === undefined && (rec.fullName === undefined || birth === undefined)) return;
    const p: PersonKey = { sheet: rec.sheet, row: rec.row, col: rec.fields.fullName?.col ?? 1 };
    if (unit !== undefined) p.unit = unit;
    if (rec.fullName !== undefined) {
      p.name = rec.fullName;
      p.nameKey = comparisonKey(rec.fullName);
    }
    if (birth !== undefined) p.birth = birth;
    if (rec.idNumber !== undefined) {
      p.idNumber = rec.idNumber;
      p.idCol = rec.fields.idNumber?.col ?? p.col;
    }
    persons.push(p);
  });
  for (const u of report.units) unitRecords[u.id] ??= 0;
  const out: FileRead = { status: "read", name: meta.name, report, persons, unitRecords, quotaSource: meta.quotaSource ?? (report.sheets.some((s) => s.role === "quota") ? "file" : "none") };
  if (meta.bytes !== undefined) out.bytes = meta.bytes;
  if (meta.format !== undefined) out.format = meta.format;
  if (meta.injectedSheets && meta.injectedSheets.length > 0) out.injectedSheets = meta.injectedSheets;
  return out;
}

// ---------------------------------------------------------------------------------------------
// Matching units

interface UnitIdentity {
  code?: string;
  kind?: UnitKind;
  name: string;
}

/** "Xã Quảng Lợi" for messages and sheets. */
export function unitTitleOf(u: UnitIdentity): string {
  return `${u.kind ? u.kind[0].toUpperCase() + u.kind.slice(1) + " " : ""}${u.name}`;
}

/**
 * Union-find over units from several sources: the same kind and name (case, Unicode form and tone
 * placement aside: "Hoà"/"Hòa"), or the same code and the same name without its diacritics; a bare
 * name (no kind) joins the one kind of that name, and a name typed without diacritics ("Quang Loi")
 * the one name it can be. Names that differ only in their diacritics ("Đông Hà", "Đồng Hà") are
 * different units.
 */
class UnitMatcher {
  private readonly parent: number[] = [];
  private readonly byCode = new Map<string, number>();
  private readonly byLabel = new Map<string, number>();
  private readonly pending: { index: number; kind?: string; exact: string; ascii: string }[] = [];
  /** Name key → kind → first unit with it. */
  private readonly kindsByName = new Map<string, Map<string, number>>();
  /** ASCII name → label key ("kind|name") → first unit with it (names written with diacritics only). */
  private readonly byAscii = new Map<string, Map<string, number>>();

  add(u: UnitIdentity): number {
    const i = this.parent.length;
    this.parent.push(i);
    const exact = comparisonKey(u.name);
    const ascii = asciiKey(u.name);
    if (u.code) this.join(this.byCode, `${u.code}|${ascii}`, i);
    const label = `${u.kind ?? ""}|${exact}`;
    this.join(this.byLabel, label, i);
    if (u.kind) {
      let kinds = this.kindsByName.get(exact);
      if (!kinds) this.kindsByName.set(exact, (kinds = new Map()));
      if (!kinds.has(u.kind)) kinds.set(u.kind, i);
      if (exact !== ascii) {
        let labels = this.byAscii.get(ascii);
        if (!labels) this.byAscii.set(ascii, (labels = new Map()));
        if (!labels.has(label)) labels.set(label, i);
      }
    }
    this.pending.push({ index: i, ...(u.kind ? { kind: u.kind } : {}), exact, ascii });
    return i;
  }

  private join(map: Map<string, number>, key: string, i: number): void {
    const j = map.get(key);
    if (j === undefined) map.set(key, i);
    else this.union(i, j);
  }

  /** Resolve bare names and names without diacritics once every unit is known. */
  finish(): void {
    for (const p of this.pending) {
      if (!p.kind) {
        const kinds = this.kindsByName.get(p.exact);
        if (kinds && kinds.size === 1) this.union(p.index, [...kinds.values()][0]);
      }
      if (p.exact === p.ascii) {
        const labels = [...(this.byAscii.get(p.ascii) ?? new Map<string, number>()).entries()].filter(([label]) => !p.kind || label.startsWith(`${p.kind}|`));
        if (labels.length === 1) this.union(p.index, labels[0][1]);
      }
    }
  }

  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }

  private union(a: number, b: number): void {
    const [x, y] = [this.find(a), this.find(b)];
    if (x !== y) this.parent[Math.max(x, y)] = Math.min(x, y);
  }
}

// ---------------------------------------------------------------------------------------------
// The --quota file

/** The quota sheets of the `--quota` workbook and their unit rows. */
export interface QuotaSource {
  fileName: string;
  /** The workbook's quota sheets (cells, merges) and its styles. */
  sheets: SheetGrid[];
  styles: CellStyle[];
  date1904: boolean;
  /** Unit rows: sheet, row, the unit, and the first data row of the sheet (rows above it are the header). */
  rows: { sheet: string; row: number; unit: UnitIdentity; dataStart: number }[];
  /** Document details for the summary sheets, from the quota workbook's "Quy định" sheet. */
  details?: { agency?: string; place?: string; preparer?: string; head?: string };
}

/**
 * The quota rows of a workbook read by the engine (`reading` of `readWorkbook(grid, …)`); undefined
 * when it has no quota sheet.
 */
export function quotaSourceOf(grid: WorkbookGrid, reading: WorkbookReading, fileName: string): QuotaSource | undefined {
  const quotaSheets = reading.sheets.filter((s) => s.role === "quota");
  if (quotaSheets.length === 0 || reading.quotaRows.length === 0) return undefined;
  const unitsById = new Map(reading.units.map((u) => [u.id, u]));
  const rows: QuotaSource["rows"] = [];
  for (const q of reading.quotaRows) {
    const sheet = quotaSheets.find((s) => s.name === q.sheet);
    // The row's own label: the reader's registry joins names that differ only in diacritics, rows must not.
    const u = unitsById.get(q.unitId);
    const unit: UnitIdentity = { name: q.row.unit.name };
    const kind = q.row.unit.kind ?? u?.kind;
    if (kind) unit.kind = kind;
    if (q.row.code) unit.code = q.row.code;
    rows.push({ sheet: q.sheet, row: q.row.row, unit, dataStart: sheet?.firstDataRow ?? q.row.row });
  }
  const names = new Set(quotaSheets.map((s) => s.name));
  return { fileName, sheets: grid.sheets.filter((s) => names.has(s.name)), styles: grid.styles, date1904: grid.date1904, rows };
}

/** A copy of a sheet holding only rows `keep` (1-based; the others become empty), style ids shifted by `styleOffset`. */
function sheetWithRows(sheet: SheetGrid, keep: (row: number) => boolean, styleOffset: number, name = sheet.name): SheetGrid {
  const pick = <T>(rows: (T[] | undefined)[] | undefined, map?: (row: T[]) => T[]): (T[] | undefined)[] | undefined =>
    rows?.map((r, i) => (r !== undefined && keep(i + 1) ? (map ? map(r) : r) : undefined));
  let rowCount = 0;
  let columnCount = 0;
  sheet.values.forEach((r, i) => {
    if (r === undefined || !keep(i + 1)) return;
    rowCount = i + 1;
    columnCount = Math.max(columnCount, r.length);
  });
  const out: SheetGrid = {
    name,
    rowCount,
    columnCount,
    values: pick(sheet.values)!,
    merges: sheet.merges.filter((m) => keep(m.top)),
    hiddenRows: sheet.hiddenRows.filter(keep),
    hiddenColumns: [...sheet.hiddenColumns],
  };
  if (sheet.visibility) out.visibility = sheet.visibility;
  if (sheet.formulas) out.formulas = pick(sheet.formulas);
  if (sheet.styleIds) out.styleIds = pick(sheet.styleIds, (r) => (styleOffset === 0 ? r : r.map((s) => (s === undefined || s === 0 ? s : s + styleOffset))));
  if (sheet.runFonts) out.runFonts = Object.fromEntries(Object.entries(sheet.runFonts).filter(([k]) => keep(Number(k.split(",")[0]))));
  return out;
}

function identityOf(u: UnitReport): UnitIdentity {
  const id: UnitIdentity = { name: u.name };
  if (u.kind) id.kind = u.kind;
  if (u.code) id.code = u.code;
  return id;
}

/**
 * A file's grid with the `--quota` file's rows for the units the file holds people of: the quota
 * file's sheets (header rows and those units' rows only; other rows empty, row numbers kept) are
 * added, and those units' rows are taken out of the file's own quota sheets. Undefined when the
 * quota file has no row for any of the file's units.
 * @example const q = withQuotaSheets(grid, readWorkbook(grid, { asOf }), source); if (q) grid = q.grid;
 */
export function withQuotaSheets(grid: WorkbookGrid, reading: WorkbookReading, source: QuotaSource): { grid: WorkbookGrid; injected: { name: string; original: string }[] } | undefined {
  const withPeople = new Set(reading.recordUnitIds.filter((id): id is string => id !== undefined));
  const fileUnits = reading.units.filter((u) => withPeople.has(u.id));
  if (fileUnits.length === 0) return undefined;
  // Match the quota rows against the file's units.
  const matcher = new UnitMatcher();
  const fileIdx = fileUnits.map((u) => matcher.add(identityOf(u)));
  const rowIdx = source.rows.map((r) => matcher.add(r.unit));
  matcher.finish();
  const fileRoots = new Set(fileIdx.map((i) => matcher.find(i)));
  const matched = source.rows.filter((_r, k) => fileRoots.has(matcher.find(rowIdx[k])));
  if (matched.length === 0) return undefined;
  const matchedRoots = new Set(source.rows.map((_r, k) => matcher.find(rowIdx[k])).filter((root) => fileRoots.has(root)));
  const covered = new Set(fileUnits.filter((_u, k) => matchedRoots.has(matcher.find(fileIdx[k]))).map((u) => u.id));
  // The file's own quota rows of covered units go.
  const ownDrop = new Map<string, Set<number>>();
  for (const q of reading.quotaRows) {
    if (!covered.has(q.unitId)) continue;
    let set = ownDrop.get(q.sheet);
    if (!set) ownDrop.set(q.sheet, (set = new Set()));
    set.add(q.row.row);
  }
  const sheets = grid.sheets.map((s) => {
    const drop = ownDrop.get(s.name);
    return drop ? sheetWithRows(s, (r) => !drop.has(r), 0) : s;
  });
  // The quota file's sheets, with only the matched rows, their styles after the file's.
  const offset = grid.styles.length;
  const taken = new Set(grid.sheets.map((s) => comparisonKey(s.name)));
  const injected: { name: string; original: string }[] = [];
  for (const sheet of source.sheets) {
    const rows = new Set(matched.filter((m) => m.sheet === sheet.name).map((m) => m.row));
    if (rows.size === 0) continue;
    const dataStart = Math.min(...matched.filter((m) => m.sheet === sheet.name).map((m) => m.dataStart));
    let name = sheet.name;
    for (let k = 2; taken.has(comparisonKey(name)); k++) name = `${sheet.name} (${source.fileName}${k > 2 ? ` ${k}` : ""})`;
    taken.add(comparisonKey(name));
    sheets.push(sheetWithRows(sheet, (r) => r < dataStart || rows.has(r), offset, name));
    injected.push({ name, original: sheet.name });
  }
  return { grid: { ...grid, sheets, styles: [...grid.styles, ...source.styles] }, injected };
}

// ---------------------------------------------------------------------------------------------
// Merging

export interface MergeOptions {
  tool: { name: string; version: string };
  asOf: string;
  /** The `--quota` file: its name and units (for `file.missingUnit`). */
  quota?: { fileName: string; units: UnitIdentity[] };
  /** Sheets of the quota file, listed once in the merged report. */
  quotaSheets?: SheetReport[];
}

export interface Consolidation {
  report: Report;
  summaries: Summaries;
}

function addConcurrency(a: UnitConcurrency | undefined, b: UnitConcurrency | undefined): UnitConcurrency | undefined {
  if (!a) return b && { ...b };
  if (!b) return a;
  const villages = Math.max(a.villages, b.villages);
  return {
    villages,
    villagesSecretaryIsHead: Math.min(villages, a.villagesSecretaryIsHead + b.villagesSecretaryIsHead),
    secretaryIsPeoplesCommitteeChair: a.secretaryIsPeoplesCommitteeChair || b.secretaryIsPeoplesCommitteeChair,
    secretaryIsPeoplesCouncilChair: a.secretaryIsPeoplesCouncilChair || b.secretaryIsPeoplesCouncilChair,
  };
}

/** The report's quality of a unit is the summary's block (the engine puts the same object there). */
const asBlocks = (q: QualityReport): QualityByCategory => q as unknown as QualityByCategory;

function quotaKey(q: UnitReport["quota"]): string {
  if (!q) return "";
  const strip = (f: { province?: number; district?: number } | undefined) => (f ? { p: f.province, d: f.district } : undefined);
  return JSON.stringify([strip(q.cadreAndCivilServant), strip(q.nonSpecializedCommune), strip(q.nonSpecializedVillage)]);
}

interface Member {
  file: number;
  unit: UnitReport;
  records: number;
}

function withFile(f: Finding, file: string): Finding {
  return { ...f, file };
}

/**
 * Merge the outcomes of every input file (in the order given) into one report and its summaries.
 * @example const { report, summaries } = mergeOutcomes(outcomes, { tool, asOf: "2024-12-31" });
 */
export function mergeOutcomes(outcomes: FileOutcome[], o: MergeOptions): Consolidation {
  const read = outcomes.map((x, i) => ({ x, i })).filter((e): e is { x: FileRead; i: number } => e.x.status === "read");
  // 1. Units across files.
  const matcher = new UnitMatcher();
  const members: Member[] = [];
  const memberIndex = new Map<string, number>(); // `${file}\u0000${unitId}` → matcher index
  for (const { x, i } of read) {
    for (const u of x.report.units) {
      const k = matcher.add(identityOf(u));
      members[k] = { file: i, unit: u, records: x.unitRecords[u.id] ?? 0 };
      memberIndex.set(`${i}\u0000${u.id}`, k);
    }
  }
  const quotaIdx = (o.quota?.units ?? []).map((u) => matcher.add(u));
  matcher.finish();
  const groups = new Map<number, number[]>();
  members.forEach((_m, k) => {
    const root = matcher.find(k);
    const g = groups.get(root);
    if (g) g.push(k);
    else groups.set(root, [k]);
  });
  const cross: { finding: FindingDraft; file?: string; order: number }[] = [];
  const mergedIdOf = new Map<number, string>(); // matcher root → merged unit id
  const units: UnitReport[] = [];
  const quality = new Map<string, QualityByCategory>();
  const concurrency = new Map<string, UnitConcurrency>();
  const listedOnly: { root: number; unit: UnitIdentity; where: string }[] = [];
  const usedIds = new Set<string>();
  for (const [root, ks] of groups) {
    const all = ks.map((k) => members[k]);
    const roster = all.filter((m) => m.records > 0);
    const first = roster[0] ?? all[0];
    const withKind = roster.find((m) => m.unit.kind) ?? all.find((m) => m.unit.kind) ?? first;
    const code = all.find((m) => m.unit.code)?.unit.code;
    if (roster.length === 0) {
      const u: UnitIdentity = { name: withKind.unit.name };
      if (withKind.unit.kind) u.kind = withKind.unit.kind;
      if (code) u.code = code;
      listedOnly.push({ root, unit: u, where: outcomes[first.file].name });
      continue;
    }
    let id = code ?? first.unit.id;
    for (let n = 2; usedIds.has(id); n++) id = `${code ?? first.unit.id} (${n})`;
    usedIds.add(id);
    mergedIdOf.set(root, id);
    const unit: UnitReport = { id, name: withKind.unit.name, staff: { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } };
    if (withKind.unit.kind) unit.kind = withKind.unit.kind;
    if (code) unit.code = code;
    const cls = roster.find((m) => m.unit.communeClass)?.unit.communeClass ?? all.find((m) => m.unit.communeClass)?.unit.communeClass;
    if (cls) unit.communeClass = cls;
    const villages = Math.max(...all.map((m) => m.unit.villages ?? -1));
    if (villages >= 0) unit.villages = villages;
    for (const m of roster) {
      unit.staff.cadre += m.unit.staff.cadre;
      unit.staff.civilServant += m.unit.staff.civilServant;
      unit.staff.nonSpecializedCommune += m.unit.staff.nonSpecializedCommune;
      unit.staff.nonSpecializedVillage += m.unit.staff.nonSpecializedVillage;
    }
    const withQuota = roster.find((m) => m.unit.quota) ?? all.find((m) => m.unit.quota);
    if (withQuota?.unit.quota) unit.quota = withQuota.unit.quota;
    let conc: UnitConcurrency | undefined;
    for (const m of roster) conc = addConcurrency(conc, m.unit.concurrency);
    if (conc) {
      unit.concurrency = conc;
      concurrency.set(id, conc);
    }
    const blocks = roster.map((m) => m.unit.quality).filter((q): q is QualityReport => q !== undefined).map(asBlocks);
    if (blocks.length > 0) {
      const q = emptyQualityByCategory();
      for (const c of QUALITY_CATEGORIES) q[c] = sumQuality(blocks.map((b) => b[c]));
      unit.quality = q as unknown as QualityReport;
      quality.set(id, q);
    }
    const files = [...new Set(roster.map((m) => outcomes[m.file].name))];
    unit.files = files;
    units.push(unit);
    if (files.length > 1) {
      const quotas = new Set(roster.filter((m) => m.unit.quota).map((m) => quotaKey(m.unit.quota)));
      cross.push({
        order: 0,
        finding: { rule: "file.duplicateUnit", severity: CONSOLIDATE_RULES["file.duplicateUnit"], unit: id, params: { unitName: unitTitleOf(unit), count: files.length, files: files.join(", "), firstFile: files[0], quotaDiffers: quotas.size > 1 ? 1 : undefined } },
      });
    }
  }
  // Units of the quota file, and units only listed in a file's quota sheet, with no roster (the quota file named first).
  const missing = new Map<number, { unit: UnitIdentity; where: string }>();
  quotaIdx.forEach((k, j) => {
    const root = matcher.find(k);
    if (!mergedIdOf.has(root) && !missing.has(root)) missing.set(root, { unit: o.quota!.units[j], where: o.quota!.fileName });
  });
  for (const l of listedOnly) if (!missing.has(l.root)) missing.set(l.root, l);
  for (const m of missing.values()) {
    cross.push({ order: 1, finding: { rule: "file.missingUnit", severity: CONSOLIDATE_RULES["file.missingUnit"], params: { unitName: unitTitleOf(m.unit), quotaFile: m.where } }, file: m.where });
  }
  // In the quota file's order when there is one (the district's own order), the others after them as first seen.
  if (o.quota) {
    const position = new Map<string, number>();
    quotaIdx.forEach((k, j) => {
      const id = mergedIdOf.get(matcher.find(k));
      if (id !== undefined && !position.has(id)) position.set(id, j);
    });
    const seen = new Map(units.map((u, i) => [u.id, i]));
    units.sort((a, b) => (position.get(a.id) ?? Infinity) - (position.get(b.id) ?? Infinity) || seen.get(a.id)! - seen.get(b.id)!);
  }
  const mergedUnitOf = (file: number, unitId: string | undefined): string | undefined => {
    if (unitId === undefined) return undefined;
    const k = memberIndex.get(`${file}\u0000${unitId}`);
    return k === undefined ? undefined : mergedIdOf.get(matcher.find(k));
  };
  const unitById = new Map(units.map((u) => [u.id, u]));

  // 2. The same person in two files.
  const people: { file: number; p: PersonKey }[] = [];
  for (const { x, i } of read) for (const p of x.persons) people.push({ file: i, p });
  const parent = people.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]];
    return i;
  };
  const union = (a: number, b: number) => {
    const [x, y] = [find(a), find(b)];
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  };
  const byId = new Map<string, number>();
  const byName = new Map<string, number[]>();
  people.forEach(({ p }, i) => {
    if (p.idNumber) {
      const j = byId.get(p.idNumber);
      if (j === undefined) byId.set(p.idNumber, i);
      else union(i, j);
    }
    if (p.nameKey && p.birth) {
      const k = `${p.nameKey}\u0000${p.birth}`;
      const list = byName.get(k);
      if (list) list.push(i);
      else byName.set(k, [i]);
    }
  });
  for (const list of byName.values()) {
    for (let a = 1; a < list.length; a++) {
      const [i, j] = [list[0], list[a]];
      const [pi, pj] = [people[i].p, people[j].p];
      if (pi.idNumber && pj.idNumber && pi.idNumber !== pj.idNumber) continue;
      union(i, j);
    }
  }
  const personGroups = new Map<number, number[]>();
  people.forEach((_, i) => {
    const r = find(i);
    const g = personGroups.get(r);
    if (g) g.push(i);
    else personGroups.set(r, [i]);
  });
  const perFile = new Map<number, FindingDraft[]>();
  for (const g of personGroups.values()) {
    if (g.length < 2 || new Set(g.map((i) => people[i].file)).size < 2) continue;
    for (const i of g) {
      const me = people[i];
      const other = people[g.find((j) => people[j].file !== me.file)!];
      const viaId = me.p.idNumber !== undefined && me.p.idNumber === other.p.idNumber;
      const myUnit = mergedUnitOf(me.file, me.p.unit);
      const otherUnit = mergedUnitOf(other.file, other.p.unit);
      const otherUnitReport = otherUnit ? unitById.get(otherUnit) : undefined;
      const f: FindingDraft = {
        rule: "file.duplicatePerson",
        severity: CONSOLIDATE_RULES["file.duplicatePerson"],
        sheet: me.p.sheet,
        row: me.p.row,
        col: viaId ? me.p.idCol ?? me.p.col : me.p.col,
        params: {
          otherFile: outcomes[other.file].name,
          otherSheet: other.p.sheet,
          otherRow: other.p.row,
          otherUnit: otherUnitReport ? unitTitleOf(otherUnitReport) : other.p.unit ?? "?",
          by: viaId ? "idNumber" : "nameAndBirthDate",
          birth: viaId ? undefined : me.p.birth,
          sameUnit: myUnit !== undefined && myUnit === otherUnit ? 1 : undefined,
        },
      };
      if (myUnit) f.unit = myUnit;
      if (me.p.name) f.person = me.p.name;
      const list = perFile.get(me.file);
      if (list) list.push(f);
      else perFile.set(me.file, [f]);
    }
  }

  // 3. The report: cross-file findings first, then each file's (its own and its duplicate persons).
  const findings: Finding[] = [];
  for (const c of cross.sort((a, b) => a.order - b.order)) {
    const f = toReportFinding(c.finding);
    findings.push(c.file ? withFile(f, c.file) : f);
  }
  const sheets: SheetReport[] = [];
  const overrides: RuleOverrideReport[] = [];
  const files: FileReport[] = [];
  let records = 0;
  const quotaFileName = o.quota?.fileName;
  const seenShared = new Set<string>();
  outcomes.forEach((x, i) => {
    if (x.status === "unreadable") {
      const f = toReportFinding({ rule: "file.unreadable", severity: CONSOLIDATE_RULES["file.unreadable"], params: { name: x.name, reasonVi: x.reasonVi, reasonEn: x.reasonEn } });
      findings.push(withFile(f, x.name));
      const fr: FileReport = { name: x.name, status: "unreadable", reason: x.reasonVi, reasonEn: x.reasonEn, code: x.code };
      if (x.bytes !== undefined) fr.bytes = x.bytes;
      if (x.format !== undefined) fr.format = x.format;
      files.push(fr);
      return;
    }
    const injected = new Map((x.injectedSheets ?? []).map((s) => [s.name, s.original]));
    const listedOnlyHere = new Set(Object.entries(x.unitRecords).filter(([, n]) => n === 0).map(([id]) => id));
    for (const s of x.report.sheets) if (!injected.has(s.name)) sheets.push({ ...s, file: x.name });
    const sheetOrder = new Map(x.report.sheets.map((s, k) => [s.name, k]));
    const own: Finding[] = [];
    for (const f of x.report.findings) {
      if (f.unit !== undefined && listedOnlyHere.has(f.unit)) continue;
      const g: Finding = { ...f };
      const merged = mergedUnitOf(i, f.unit);
      if (f.unit !== undefined) {
        if (merged) g.unit = merged;
        else delete g.unit;
      }
      if (f.sheet !== undefined && injected.has(f.sheet) && quotaFileName) {
        g.sheet = injected.get(f.sheet)!;
        g.file = quotaFileName;
      } else g.file = x.name;
      // Told once for the whole run, not once per file: findings about the quota file's cells, and
      // findings about the run itself (no sheet, no unit: the reporting date against the rule set).
      const shared = g.file === quotaFileName ? `q\u0000${g.rule}\u0000${g.sheet}\u0000${g.cell ?? g.column ?? ""}\u0000${g.message}` : g.sheet === undefined && g.unit === undefined ? `r\u0000${g.rule}\u0000${g.message}` : undefined;
      if (shared !== undefined) {
        if (seenShared.has(shared)) continue;
        seenShared.add(shared);
      }
      own.push(g);
    }
    const dup = (perFile.get(i) ?? []).map((d) => withFile(toReportFinding(d), x.name));
    const combined = [...own, ...dup].map((f, k) => ({ f, k, dup: k >= own.length }));
    // Duplicate persons go in among the file's own findings by sheet, row and column (stable otherwise).
    combined.sort((a, b) => {
      if (!a.dup && !b.dup) return a.k - b.k;
      const sa = a.f.sheet === undefined ? -1 : sheetOrder.get(a.f.sheet) ?? 1e9;
      const sb = b.f.sheet === undefined ? -1 : sheetOrder.get(b.f.sheet) ?? 1e9;
      return sa - sb || (a.f.row ?? 0) - (b.f.row ?? 0) || (a.f.column ? columnNumber(a.f.column) : 0) - (b.f.column ? columnNumber(b.f.column) : 0) || a.k - b.k;
    });
    const mine = combined.map((c) => c.f);
    findings.push(...mine);
    for (const ov of x.report.ruleSet.overrides ?? []) {
      if (ov.source === "file") {
        if (!overrides.some((e) => e.source === "file" && e.rule === ov.rule && e.key === ov.key)) overrides.push(ov);
        continue;
      }
      const g: RuleOverrideReport = { ...ov, file: ov.sheet !== undefined && injected.has(ov.sheet) && quotaFileName ? quotaFileName : x.name };
      if (ov.sheet !== undefined && injected.has(ov.sheet)) g.sheet = injected.get(ov.sheet)!;
      const merged = mergedUnitOf(i, ov.unit);
      if (merged) g.unit = merged;
      else delete g.unit;
      overrides.push(g);
    }
    const fileRecords = x.report.totals?.records ?? 0;
    records += fileRecords;
    const fileUnits = [...new Set(x.report.units.filter((u) => (x.unitRecords[u.id] ?? 0) > 0).map((u) => mergedUnitOf(i, u.id)).filter((id): id is string => id !== undefined))];
    const count = (sev: Finding["severity"]) => mine.filter((f) => f.severity === sev && f.file === x.name).length;
    const fr: FileReport = { name: x.name, status: "read", units: fileUnits, records: fileRecords, errors: count("error"), warnings: count("warning"), infos: count("info"), quotaSource: x.quotaSource };
    if (x.bytes !== undefined) fr.bytes = x.bytes;
    if (x.format !== undefined) fr.format = x.format;
    files.push(fr);
  });
  if (o.quotaSheets) for (const s of o.quotaSheets) sheets.push({ ...s, ...(quotaFileName ? { file: quotaFileName } : {}) });
  // The order of the rule set's sources is kept: rule file, then the files' sheets.
  const first = read[0]?.x.report.ruleSet;
  const ruleSet: Report["ruleSet"] = first ? { ...first } : { id: "unknown" };
  delete ruleSet.overrides;
  if (overrides.length > 0) ruleSet.overrides = overrides;
  const totalQuality = emptyQualityByCategory();
  for (const c of QUALITY_CATEGORIES) totalQuality[c] = sumQuality([...quality.values()].map((q) => q[c] as QualityBlock));
  const { errors, warnings, infos } = severityCounts(findings);
  const report: Report = {
    schemaVersion: 1,
    tool: o.tool,
    asOf: o.asOf,
    ruleSet,
    sheets,
    units,
    findings,
    quality: totalQuality as unknown as QualityReport,
    totals: { records, errors, warnings, infos },
    files,
  };
  if (quotaFileName) report.quotaFile = quotaFileName;
  return { report, summaries: { quality, concurrency, totalQuality } };
}

/** The units a quota file lists (for `file.missingUnit`), from its {@link QuotaSource}. */
export function quotaUnits(source: QuotaSource): UnitIdentity[] {
  const seen = new Set<string>();
  const out: UnitIdentity[] = [];
  for (const r of source.rows) {
    const k = r.unit.code ?? `${r.unit.kind ?? ""}|${comparisonKey(r.unit.name)}`;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(r.unit);
  }
  return out;
}
