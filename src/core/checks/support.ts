/**
 * What the checks share: where a unit's finding goes (its row of the quota sheet, on the cell of
 * the figure, else the unit with no cell), where a person's goes, the staff groups of the quota
 * rules, and reading numbers out of a rule's value.
 */
import type { FindingDraft, FindingParams } from "../findings/finding";
import type { PersonRecord } from "../reader";
import type { StaffCategory } from "../reader/titles";
import type { CanonicalField, Severity, StaffCounts, UnitQuota } from "../report/types";
import { basisLine } from "../rulesets/activate";
import { isPlainObject } from "../rulesets/shape";
import type { ActiveRule, JsonValue } from "../rulesets/types";
import type { FigureColumn } from "../rulesets/unitFigures";
import type { UnitView } from "./types";

/** A staff group as quotas count it (domain-rules.md §1: cán bộ and công chức share one figure). */
export interface StaffGroup {
  key: keyof UnitQuota;
  categories: StaffCategory[];
  /** Quota-sheet columns of the figures each level assigned. */
  columns: { province?: FigureColumn; district?: FigureColumn; cap?: FigureColumn };
}

export const STAFF_GROUPS: readonly StaffGroup[] = [
  { key: "cadreAndCivilServant", categories: ["cadre", "civilServant"], columns: { province: "cbccProvince", district: "cbccDistrict", cap: "capCadreAndCivilServant" } },
  { key: "nonSpecializedCommune", categories: ["nonSpecializedCommune"], columns: { province: "kctCommuneProvince", district: "kctCommuneDistrict", cap: "capNonSpecializedCommune" } },
  { key: "nonSpecializedVillage", categories: ["nonSpecializedVillage"], columns: { province: "kctVillage" } },
];

/** Persons of a group (the reader's staff counts: people who left are not counted). */
export function groupStaff(staff: StaffCounts, group: StaffGroup): number {
  return group.categories.reduce((n, c) => n + staff[c], 0);
}

/** The unit's class for messages ("xã loại II"), or undefined. */
export function unitParams(view: UnitView): FindingParams {
  const u = view.unit;
  return { unitName: u.kind ? `${u.kind} ${u.name}` : u.name, kind: u.kind, cls: u.communeClass };
}

/**
 * A finding about a unit: on its row of the quota sheet (the cell of `column`, else the unit
 * name's cell) when there is one, else on the unit with no cell.
 */
export function unitFinding(rule: ActiveRule, severity: Severity, view: UnitView, column: FigureColumn | undefined, params: FindingParams): FindingDraft {
  const f: FindingDraft = { rule: rule.id, severity, unit: view.unit.id, basis: basisLine(rule), params: Object.assign(unitParams(view), params) };
  const fig = view.figures;
  if (fig) {
    f.sheet = fig.sheet;
    f.row = fig.row;
    f.col = (column !== undefined ? fig.columns[column] : undefined) ?? fig.columns.unit ?? 1;
  }
  return f;
}

/** A finding on a person's row, on the cell of `field` (else the name's cell). */
export function personFinding(rule: ActiveRule, severity: Severity, rec: PersonRecord, view: UnitView | undefined, field: CanonicalField, params: FindingParams): FindingDraft {
  const col = rec.fields[field]?.col ?? rec.fields.fullName?.col ?? 1;
  // The unit's parameters first, then the finding's own (one object, as `{ ...unit, ...params }` makes).
  const f: FindingDraft = { rule: rule.id, severity, sheet: rec.sheet, row: rec.row, col, basis: basisLine(rule), params: Object.assign(view ? unitParams(view) : {}, params) };
  if (view) f.unit = view.unit.id;
  if (rec.fullName) f.person = rec.fullName;
  return f;
}

/** Rows of other records on the same sheet, for `relatedRows`. */
export function relatedRows(rec: PersonRecord, others: readonly PersonRecord[]): number[] | undefined {
  const rows = others.filter((o) => o !== rec && o.sheet === rec.sheet).map((o) => o.row);
  return rows.length > 0 ? rows : undefined;
}

/** The object at a key of a rule value, or undefined. */
export function child(value: JsonValue | undefined, key: string): JsonValue | undefined {
  return isPlainObject(value) ? value[key] : undefined;
}

/** Numeric entries of a value object (its `status` and `note` left out). */
export function numericEntries(value: JsonValue | undefined): [string, number][] {
  if (!isPlainObject(value)) return [];
  return Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number");
}

/** Keys of a value object that are data (not `status` / `note`). */
export function dataKeys(value: JsonValue | undefined): string[] {
  return isPlainObject(value) ? Object.keys(value).filter((k) => k !== "status" && k !== "note") : [];
}

/** Person holds a post with this title. */
export function holds(rec: PersonRecord, titleId: string): boolean {
  for (const p of rec.posts) if (p.titleId === titleId) return true;
  return false;
}

/** "2,5" as Vietnamese write it. */
export function decimalVi(n: number): string {
  return String(Math.round(n * 100) / 100).replace(".", ",");
}

/** "01/08/2023" from "2023-08-01". */
export function dayVi(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}
