/**
 * The quota sheet ("Định biên"): per unit, the figures the province and the district assigned,
 * the unit's class, its mountainous/ethnic-minority flag and its number of villages.
 */
import type { CommuneClass, QuotaFigures, UnitQuota } from "../report/types";
import type { SheetCells } from "./cells";
import type { ColumnHeader, HeaderBand } from "./header";
import { parseUnitLabel, type UnitLabel } from "./units";
import { isFooterLabel, isTotalLabel } from "./vocabulary";

export type QuotaColumn = "code" | "unit" | "communeClass" | "difficultArea" | "villages" | "cbccProvince" | "cbccDistrict" | "kctCommuneProvince" | "kctCommuneDistrict" | "kctVillage";

export interface QuotaRow {
  row: number;
  /** The column of the unit's name (where unit-level findings are marked). */
  unitCol: number;
  unit: UnitLabel;
  code?: string;
  communeClass?: CommuneClass;
  difficultArea?: boolean;
  villages?: number;
  quota: UnitQuota;
}

type QuotaFigure = "cbcc" | "kctCommune";

/** What a quota header is; for assigned figures also which level assigned it, when the header says. */
function classify(h: ColumnHeader): { column: QuotaColumn } | { figure: QuotaFigure; level?: "province" | "district" } | undefined {
  const all = h.keys.join(" ");
  const leaf = h.keys[h.keys.length - 1];
  const kct = /không chuyên trách|\bkct\b|hđkct|hoạt động không/.test(all);
  const level = /tỉnh/.test(all) ? "province" : /huyện/.test(all) ? "district" : undefined;
  if (/^mã\b|mã đơn vị|mã đvhc|mã xã/.test(all)) return { column: "code" };
  if (/loại đơn vị hành chính|phân loại đvhc|loại đvhc|phân loại|^loại$|loại xã/.test(all)) return { column: "communeClass" };
  if (/miền núi|dtts|vùng cao|khó khăn|hải đảo|biên giới/.test(all)) return { column: "difficultArea" };
  if (kct && /thôn|tổ dân phố|khu phố/.test(all)) return { column: "kctVillage" };
  if (kct) return level ? { figure: "kctCommune", level } : { figure: "kctCommune" };
  if (/số thôn|thôn tổ dân phố|số tdp|thôn, tổ|thôn khu phố|số khu phố/.test(all)) return { column: "villages" };
  if (/biên chế|cbcc|cán bộ công chức|cán bộ, công chức|định biên/.test(all)) return level ? { figure: "cbcc", level } : { figure: "cbcc" };
  if (/^(đơn vị|tên đơn vị|xã phường thị trấn|xã thị trấn|xã phường|phường xã|tên xã|đơn vị hành chính|xã|tên xã phường thị trấn|đơn vị cấp xã|tên đơn vị hành chính)$/.test(leaf)) return { column: "unit" };
  return undefined;
}

/** Map the quota columns of a header band; undefined when it is not a quota header. */
export function mapQuotaColumns(band: HeaderBand): Partial<Record<QuotaColumn, number>> | undefined {
  const cols: Partial<Record<QuotaColumn, number>> = {};
  const unlevelled: { figure: QuotaFigure; col: number }[] = [];
  const key = (figure: QuotaFigure, level: "province" | "district"): QuotaColumn => (figure === "cbcc" ? (level === "province" ? "cbccProvince" : "cbccDistrict") : level === "province" ? "kctCommuneProvince" : "kctCommuneDistrict");
  for (const h of band.columns) {
    const k = classify(h);
    if (!k) continue;
    if ("column" in k) {
      if (cols[k.column] === undefined) cols[k.column] = h.col;
    } else if (k.level) {
      const c = key(k.figure, k.level);
      if (cols[c] === undefined) cols[c] = h.col;
    } else unlevelled.push({ figure: k.figure, col: h.col });
  }
  // A figure whose header names no level ("CBCC được giao") is the province's when the province's
  // column is not otherwise named, else the district's.
  for (const u of unlevelled) {
    const p = key(u.figure, "province");
    const d = key(u.figure, "district");
    if (cols[p] === undefined) cols[p] = u.col;
    else if (cols[d] === undefined) cols[d] = u.col;
  }
  const quotaCount = ["cbccProvince", "cbccDistrict", "kctCommuneProvince", "kctCommuneDistrict", "kctVillage"].filter((k) => cols[k as QuotaColumn] !== undefined).length;
  if (cols.unit === undefined || quotaCount === 0) return undefined;
  return cols;
}

function num(cells: SheetCells, r: number, c: number | undefined): number | undefined {
  if (c === undefined) return undefined;
  const v = cells.raw(r, c);
  if (typeof v === "number" && Number.isFinite(v) && v >= 0) return Math.round(v);
  const t = cells.text(r, c, false).replace(/[\s.,]/g, "");
  return /^\d+$/.test(t) ? Number(t) : undefined;
}

function parseClass(text: string): CommuneClass | undefined {
  const t = text.trim().toLowerCase().replace(/^loại\s*/, "");
  if (t === "i" || t === "1") return "I";
  if (t === "ii" || t === "2") return "II";
  if (t === "iii" || t === "3") return "III";
  if (t === "đặc biệt" || t === "db" || t === "đb") return "đặc biệt";
  return undefined;
}

function figures(province: number | undefined, district: number | undefined): QuotaFigures | undefined {
  if (province === undefined && district === undefined) return undefined;
  const f: QuotaFigures = {};
  if (province !== undefined) f.province = province;
  if (district !== undefined) f.district = district;
  return f;
}

/** Read the unit rows of a quota sheet. */
export function readQuotaRows(cells: SheetCells, band: HeaderBand, cols: Partial<Record<QuotaColumn, number>>): QuotaRow[] {
  const rows: QuotaRow[] = [];
  const start = (band.indexRow ?? band.bottom) + 1;
  for (let r = start; r <= cells.rowCount; r++) {
    const unitText = cells.text(r, cols.unit!, true);
    if (unitText === "") continue;
    if (isTotalLabel(unitText)) continue;
    if (isFooterLabel(unitText)) break;
    const unit = parseUnitLabel(unitText, true);
    if (!unit) continue;
    const q: QuotaRow = { row: r, unitCol: cols.unit!, unit, quota: {} };
    const code = cols.code ? cells.text(r, cols.code, false) : "";
    if (code !== "") q.code = code;
    const cls = cols.communeClass ? parseClass(cells.text(r, cols.communeClass, false)) : undefined;
    if (cls) q.communeClass = cls;
    if (cols.difficultArea) q.difficultArea = cells.text(r, cols.difficultArea, false) !== "";
    const villages = num(cells, r, cols.villages);
    if (villages !== undefined) q.villages = villages;
    const cbcc = figures(num(cells, r, cols.cbccProvince), num(cells, r, cols.cbccDistrict));
    if (cbcc) q.quota.cadreAndCivilServant = cbcc;
    const kct = figures(num(cells, r, cols.kctCommuneProvince), num(cells, r, cols.kctCommuneDistrict));
    if (kct) q.quota.nonSpecializedCommune = kct;
    const village = figures(num(cells, r, cols.kctVillage), undefined);
    if (village) q.quota.nonSpecializedVillage = village;
    rows.push(q);
  }
  return rows;
}
