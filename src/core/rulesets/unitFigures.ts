/**
 * Per-unit figures of the quota sheet ("Định biên") that the rule set needs beyond what the
 * reader takes: where each figure sits (so a finding lands on its cell), the population and the
 * area (ND 33/2023 increments), and the unit's own maximums, which win over every other source:
 *
 * | header (variants)                                        | what                                  |
 * |----------------------------------------------------------|---------------------------------------|
 * | "Dân số", "Quy mô dân số (người)", "Số dân"              | population                            |
 * | "Diện tích (km²)", "Diện tích tự nhiên"                  | area, km²                             |
 * | "Số lượng CBCC tối đa", "CBCC tối đa theo quy định"      | quota.overCap cadreAndCivilServant    |
 * | "KCT cấp xã tối đa"                                      | quota.overCap nonSpecializedCommune   |
 * | "Số Phó Chủ tịch UBND", "PCT UBND được bố trí"           | position.tooManyDeputies committeeViceChair |
 */
import type { WorkbookGrid } from "../grid";
import { SheetCells } from "../reader/cells";
import { findHeaderBand } from "../reader/header";
import type { WorkbookReading } from "../reader";
import { mapQuotaColumns, type QuotaColumn } from "../reader/quota";
import { parseNumberVi } from "./settingsSheet";

export type ExtraFigureColumn = "population" | "area" | "capCadreAndCivilServant" | "capNonSpecializedCommune" | "committeeViceChairs";
export type FigureColumn = QuotaColumn | ExtraFigureColumn;

/** A per-unit value that overrides the rule set for that unit. */
export interface UnitOverride {
  rule: string;
  key: string;
  value: number;
  sheet: string;
  row: number;
  col: number;
}

/** One unit's row of the quota sheet. */
export interface UnitFigures {
  sheet: string;
  row: number;
  /** Column of each figure in that sheet. */
  columns: Partial<Record<FigureColumn, number>>;
  population?: number;
  /** km². */
  area?: number;
  difficultArea?: boolean;
  overrides: UnitOverride[];
}

const OVERRIDE_OF: Partial<Record<ExtraFigureColumn, { rule: string; key: string }>> = {
  capCadreAndCivilServant: { rule: "quota.overCap", key: "cadreAndCivilServant" },
  capNonSpecializedCommune: { rule: "quota.overCap", key: "nonSpecializedCommune" },
  committeeViceChairs: { rule: "position.tooManyDeputies", key: "committeeViceChair" },
};

function classifyExtra(keys: string[]): ExtraFigureColumn | undefined {
  const all = keys.join(" ");
  const kct = /không chuyên trách|\bkct\b|hđkct|hoạt động không/.test(all);
  if (/phó chủ tịch|\bpct\b/.test(all) && /ubnd|ủy ban nhân dân|uỷ ban nhân dân|\bub\b/.test(all)) return "committeeViceChairs";
  if (/dân số|số dân|nhân khẩu/.test(all)) return "population";
  if (/diện tích/.test(all)) return "area";
  if (/tối đa/.test(all)) {
    if (kct) return /thôn|tổ dân phố/.test(all) ? undefined : "capNonSpecializedCommune";
    if (/biên chế|cbcc|cán bộ|công chức|số lượng/.test(all)) return "capCadreAndCivilServant";
  }
  return undefined;
}

/**
 * Read the quota sheets' extra figures for every unit row the reader found, by unit id.
 * @example readUnitFigures(grid, reading).get("06937")?.population
 */
export function readUnitFigures(grid: WorkbookGrid, reading: Pick<WorkbookReading, "quotaRows">): Map<string, UnitFigures> {
  const out = new Map<string, UnitFigures>();
  const bySheet = new Map<string, typeof reading.quotaRows>();
  for (const q of reading.quotaRows) {
    const list = bySheet.get(q.sheet);
    if (list) list.push(q);
    else bySheet.set(q.sheet, [q]);
  }
  for (const [name, rows] of bySheet) {
    const sheet = grid.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const cells = new SheetCells(grid, sheet);
    const band = findHeaderBand(cells);
    if (!band) continue;
    const columns: Partial<Record<FigureColumn, number>> = { ...(mapQuotaColumns(band) ?? {}) };
    const taken = new Set(Object.values(columns));
    for (const h of band.columns) {
      if (taken.has(h.col)) continue;
      const k = classifyExtra(h.keys);
      if (k && columns[k] === undefined) columns[k] = h.col;
    }
    for (const q of rows) {
      if (out.has(q.unitId)) continue; // the first quota row of a unit wins, as in the reader
      const r = q.row.row;
      const figures: UnitFigures = { sheet: name, row: r, columns, overrides: [] };
      if (q.row.difficultArea !== undefined) figures.difficultArea = q.row.difficultArea;
      const value = (c: number | undefined) => (c === undefined ? undefined : parseNumberVi(cells.raw(r, c), cells.text(r, c, false)));
      const pop = value(columns.population);
      if (pop !== undefined) figures.population = Math.round(pop);
      const area = value(columns.area);
      if (area !== undefined) figures.area = area;
      for (const [col, target] of Object.entries(OVERRIDE_OF) as [ExtraFigureColumn, { rule: string; key: string }][]) {
        const c = columns[col];
        const v = value(c);
        if (c !== undefined && v !== undefined && Number.isInteger(v)) figures.overrides.push({ ...target, value: v, sheet: name, row: r, col: c });
      }
      out.set(q.unitId, figures);
    }
  }
  return out;
}
