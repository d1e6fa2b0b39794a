/**
 * The workbook reader: every sheet's role, every roster's person records, the quota sheet,
 * the units, and the reader's `data.` findings.
 */
import { columnLetter, columnNumber } from "../address";
import { cellFinding, columnFinding, type FindingDraft } from "../findings/finding";
import type { WorkbookGrid } from "../grid";
import type { CanonicalField, SheetReport, StaffCounts, UnitReport } from "../report/types";
import type { PartialDate } from "../text/dates";
import { comparisonKey, asciiKey } from "../text/keys";
import { SheetCells } from "./cells";
import { findHeaderBand } from "./header";
import { mapColumns } from "./mapping";
import { mapQuotaColumns, readQuotaRows, type QuotaRow } from "./quota";
import { readRecords, type PersonRecord } from "./records";
import { parseUnitLabel, unitIdOf, unitMatchKey, type UnitLabel } from "./units";
import { categoryFromLabel } from "./vocabulary";
import type { StaffCategory } from "./titles";

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
  units: UnitReport[];
  quotaRows: { sheet: string; row: QuotaRow; unitId: string }[];
  findings: FindingDraft[];
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

class UnitRegistry {
  private readonly byKey = new Map<string, { label: UnitLabel; code?: string; villages: Set<string>; quota?: QuotaRow; staff: StaffCounts }>();
  key(label: UnitLabel): string {
    // A bare name matches the unique unit of that name whatever its kind.
    if (label.kind === undefined) {
      const bare = asciiKey(label.name);
      const hits = [...this.byKey.entries()].filter(([, u]) => asciiKey(u.label.name) === bare);
      if (hits.length === 1) return hits[0][0];
    }
    const k = unitMatchKey(label);
    if (!this.byKey.has(k)) {
      // A kind given now for a unit first seen bare.
      const bareKey = unitMatchKey({ name: label.name });
      const bare = this.byKey.get(bareKey);
      if (bare && label.kind !== undefined) {
        this.byKey.delete(bareKey);
        bare.label = label;
        this.byKey.set(k, bare);
        return k;
      }
      this.byKey.set(k, { label, villages: new Set(), staff: { cadre: 0, civilServant: 0, nonSpecializedCommune: 0, nonSpecializedVillage: 0 } });
    } else {
      const u = this.byKey.get(k)!;
      // Prefer a mixed-case spelling for display.
      if (u.label.name === u.label.name.toUpperCase() && label.name !== label.name.toUpperCase()) u.label = label;
    }
    return k;
  }
  get(key: string) {
    return this.byKey.get(key)!;
  }
  entries() {
    return [...this.byKey.entries()];
  }
}

/**
 * Read a workbook grid: roles, records, units, quotas and `data.` findings.
 * @example const reading = readWorkbook(grid, { asOf: { year: 2026, month: 11, day: 28, precision: "day" } });
 */
export function readWorkbook(grid: WorkbookGrid, options: ReadWorkbookOptions): WorkbookReading {
  const sheets: SheetReport[] = [];
  const records: PersonRecord[] = [];
  const recordKeys: (string | undefined)[] = [];
  const findings: FindingDraft[] = [];
  const registry = new UnitRegistry();
  const quotaRows: { sheet: string; row: QuotaRow; key: string }[] = [];
  const mappings = { ...savedMappings(grid), ...(options.mappings ?? {}) };

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
    const overrideLetters = mappings[sheet.name]?.columns ?? {};
    const overrides: Partial<Record<CanonicalField, number>> = {};
    for (const [f, letter] of Object.entries(overrideLetters)) if (typeof letter === "string" && columnNumber(letter) > 0) overrides[f as CanonicalField] = columnNumber(letter);
    const mapping = mapColumns(band.columns, overrides);
    const headerRows: number[] = [];
    for (let r = band.top; r <= band.bottom; r++) headerRows.push(r);
    const quotaCols = mapping.fields.fullName === undefined ? mapQuotaColumns(band) : undefined;
    if (quotaCols) {
      const rows = readQuotaRows(cells, band, quotaCols);
      for (const row of rows) {
        const k = registry.key(row.unit);
        quotaRows.push({ sheet: sheet.name, row, key: k });
      }
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
    const reading = readRecords(cells, band, mapping, {
      date1904: grid.date1904,
      asOf: options.asOf,
      ...(ctx.unit ? { titleUnit: ctx.unit } : {}),
      ...(sheetNameUnit ? { sheetNameUnit } : {}),
      ...(ctx.category ?? categoryFromLabel(sheet.name) ? { titleCategory: ctx.category ?? categoryFromLabel(sheet.name) } : {}),
    });
    for (const rec of reading.records) {
      records.push(rec);
      recordKeys.push(rec.unitLabel ? registry.key(rec.unitLabel) : undefined);
    }
    findings.push(...reading.findings);
    // Normalizations told once per column.
    for (const [col, t] of cells.decodes) {
      findings.push(columnFinding(t.encoding === "nfd" ? "data.decomposedUnicode" : "data.legacyEncoding", "info", { sheet: sheet.name, col }, t.count, { encoding: t.encoding === "tcvn3" ? "TCVN3" : t.encoding === "vni" ? "VNI-Windows" : "Unicode tổ hợp", sample: t.sampleRaw, decoded: t.sampleText, firstRow: t.firstRow }));
    }
    for (const a of cells.ambiguous.slice(0, 50)) findings.push(cellFinding("data.ambiguousEncoding", "warning", { sheet: sheet.name, row: a.row, col: a.col }, { value: a.raw }));
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

  // Records without a unit.
  records.forEach((rec, i) => {
    if (recordKeys[i] === undefined) findings.push(cellFinding("data.unknownUnit", "warning", { sheet: rec.sheet, row: rec.row, col: rec.fields.fullName?.col ?? 1, ...(rec.fullName ? { person: rec.fullName } : {}) }, {}));
  });
  // Staff counts and villages.
  records.forEach((rec, i) => {
    const k = recordKeys[i];
    if (k === undefined) return;
    const u = registry.get(k);
    if (rec.village) u.villages.add(comparisonKey(rec.village));
    if (!rec.left && rec.category) u.staff[rec.category]++;
  });
  for (const q of quotaRows) {
    const u = registry.get(q.key);
    u.quota = q.row;
    if (q.row.code) u.code = q.row.code;
  }
  // Units, ids, in first-seen order.
  const idByKey = new Map<string, string>();
  const units: UnitReport[] = [];
  for (const [k, u] of registry.entries()) {
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
  // Findings name the unit of their record.
  const unitByRow = new Map<string, string>();
  records.forEach((rec, i) => {
    const id = recordUnitIds[i];
    if (id) unitByRow.set(`${rec.sheet}\u0000${rec.row}`, id);
  });
  for (const f of findings) {
    if (f.unit === undefined && f.row !== undefined && f.sheet !== undefined) {
      const id = unitByRow.get(`${f.sheet}\u0000${f.row}`);
      if (id) f.unit = id;
    }
  }
  findings.push(...duplicateFindings(records, recordUnitIds));
  return {
    findings: collapseRepeatedNormalizations(findings), sheets, records, recordUnitIds, units, quotaRows: quotaRows.map((q) => ({ sheet: q.sheet, row: q.row, unitId: idByKey.get(q.key)! })) };
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

/** The same person twice: by ID number, else by name and full birth date. The later row gets the finding. */
function duplicateFindings(records: PersonRecord[], unitIds: (string | undefined)[]): FindingDraft[] {
  const out: FindingDraft[] = [];
  const seen = new Map<string, PersonRecord>();
  records.forEach((rec, i) => {
    const keys: string[] = [];
    if (rec.idNumber) keys.push(`id:${rec.idNumber}`);
    else if (rec.fullName && rec.birthDate?.precision === "day") keys.push(`nb:${comparisonKey(rec.fullName)}|${rec.birthDate.year}-${rec.birthDate.month}-${rec.birthDate.day}`);
    for (const k of keys) {
      const first = seen.get(k);
      if (!first) {
        seen.set(k, rec);
        continue;
      }
      const f = cellFinding("data.duplicatePerson", "warning", { sheet: rec.sheet, row: rec.row, col: (k.startsWith("id:") ? rec.fields.idNumber?.col : rec.fields.fullName?.col) ?? 1, ...(rec.fullName ? { person: rec.fullName } : {}) }, { otherSheet: first.sheet, otherRow: first.row, by: k.startsWith("id:") ? "idNumber" : "nameAndBirthDate" });
      if (first.sheet === rec.sheet) f.relatedRows = [first.row];
      const u = unitIds[i];
      if (u) f.unit = u;
      out.push(f);
    }
  });
  return out;
}
