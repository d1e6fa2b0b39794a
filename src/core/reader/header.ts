/**
 * Finding the header band among the title rows, forward-filling merged header cells,
 * building group/leaf paths and recognizing the column-number row (roster-formats.md §1, §6).
 */
import { headerKey } from "../text/keys";
import type { SheetCells } from "./cells";

/** One column's header as a path of texts, group first ("Trình độ" / "Chuyên môn"). */
export interface ColumnHeader {
  col: number;
  /** Display texts, one per header level, duplicates from vertical merges removed. */
  path: string[];
  /** `headerKey` of each path element. */
  keys: string[];
}

export interface HeaderBand {
  top: number;
  bottom: number;
  /** The column-number row ("(1) (2) (3)", "A B 1 2 3"), when there is one. */
  indexRow?: number;
  columns: ColumnHeader[];
}

/** Words that make a row look like a roster or quota header; each hit scores once per cell. */
const HEADER_WORDS = [
  "stt", "tt", "số tt", "họ và tên", "họ tên", "ngày tháng năm sinh", "ngày sinh", "năm sinh", "giới tính", "dân tộc", "tôn giáo",
  "chức vụ", "chức danh", "đơn vị", "tên đơn vị", "trình độ", "chuyên môn", "lý luận chính trị", "quản lý nhà nước", "ghi chú",
  "quê quán", "đảng viên", "ngày vào đảng", "văn hóa", "tin học", "ngoại ngữ", "biên chế", "định biên", "mã đơn vị", "thôn",
  "nam", "nữ", "llct", "qlnn", "cccd", "số cccd", "tỉnh giao", "huyện giao", "không chuyên trách", "phân loại", "số thôn",
];
const HEADER_KEYS = HEADER_WORDS.map(headerKey);

function scoreText(key: string): number {
  if (key === "") return 0;
  for (const w of HEADER_KEYS) {
    if (key === w) return 2;
    if (w.length >= 4 && key.includes(w)) return 1;
  }
  return 0;
}

/** A cell of a column-number row: "1", "(2)", "A", "B", "3=4+6", "4(=2*100/3)", "Cột 1". */
function isIndexCell(text: string, formula: string | undefined): boolean {
  if (formula !== undefined && formula !== "") return /^\d+$/.test(text);
  const t = text.replace(/\s+/g, "");
  return /^\(?(?:\d{1,3}|[A-Z]{1,2})\)?$/.test(t) || /^\(?\d{1,3}\)?\(?=[\d+*/().-]+\)?$/.test(t) || /^\d{1,3}=/.test(t) || /^cột\d+$/i.test(t);
}

/** True when a row is a column-number row: most non-empty cells are column numbers, and there are at least three. */
export function isIndexRow(cells: SheetCells, row: number, lastCol: number): boolean {
  let n = 0;
  let hits = 0;
  let last = 0;
  let increasing = true;
  for (let c = 1; c <= lastCol; c++) {
    const t = cells.text(row, c, false);
    if (t === "") continue;
    n++;
    if (!isIndexCell(t, cells.formula(row, c))) continue;
    hits++;
    // Column numbers count up from left to right ("(1) (2) (3)", "A B 1 2 3", "3=4+6"); a data
    // row of small numbers ("II | 21 | 12 | 12") does not.
    const lead = /^\(?(\d{1,3})/.exec(t.replace(/\s+/g, ""));
    if (lead) {
      const v = Number(lead[1]);
      if (v <= last) increasing = false;
      last = v;
    }
  }
  return n >= 3 && increasing && hits >= Math.max(3, Math.ceil(n * 0.8));
}

/** Per-row header score over the first rows. */
function rowScore(cells: SheetCells, row: number, lastCol: number): number {
  let score = 0;
  for (let c = 1; c <= lastCol; c++) {
    const t = cells.text(row, c, false);
    if (t === "" || t.length > 80) continue;
    score += scoreText(headerKey(t));
  }
  return score;
}

/** True when a row after the anchor still belongs to the header: short text only, no person data. */
function looksLikeHeaderContinuation(cells: SheetCells, row: number, lastCol: number): boolean {
  let n = 0;
  for (let c = 1; c <= lastCol; c++) {
    const v = cells.raw(row, c);
    if (v === undefined || v === null || v === "") continue;
    if (typeof v !== "string") return false;
    const t = cells.text(row, c, false);
    if (t.length > 60) return false;
    if (/\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}/.test(t)) return false;
    n++;
  }
  return n > 0;
}

/**
 * Find the header band of a sheet: the best-scoring row in the first 40, grown to cover the
 * merged group cells above it and the leaf rows below it (at most 4 rows in all).
 * Returns undefined when no row scores as a header.
 */
export function findHeaderBand(cells: SheetCells, options: { maxScanRows?: number } = {}): HeaderBand | undefined {
  const lastCol = Math.min(cells.columnCount, 200);
  const scan = Math.min(cells.rowCount, options.maxScanRows ?? 40);
  let anchor = 0;
  let best = 0;
  for (let r = 1; r <= scan; r++) {
    const s = rowScore(cells, r, lastCol);
    if (s > best) {
      best = s;
      anchor = r;
    }
  }
  if (best < 3) return undefined;
  let top = anchor;
  let bottom = anchor;
  // Grow upwards over group rows that merge down into the band, or whose cells are group labels.
  for (let guard = 0; guard < 3; guard++) {
    let grew = false;
    for (let c = 1; c <= lastCol; c++) {
      const m = cells.mergeOf(top, c);
      if (m && m.top < top && m.top >= top - 3) {
        top = m.top;
        grew = true;
      }
    }
    if (!grew && top > 1 && rowScore(cells, top - 1, lastCol) >= 2 && looksLikeHeaderContinuation(cells, top - 1, lastCol)) {
      top--;
      grew = true;
    }
    if (!grew) break;
  }
  // Grow downwards over merges that start in the band, then over leaf rows.
  for (let guard = 0; guard < 4; guard++) {
    let next = bottom;
    for (let r = top; r <= bottom; r++) {
      for (let c = 1; c <= lastCol; c++) {
        const v = cells.raw(r, c);
        if (v === undefined || v === "") continue;
        const m = cells.sheet.merges.find((g) => g.top === r && g.left === c);
        if (m && m.bottom > next && m.bottom <= top + 3) next = m.bottom;
      }
    }
    if (next === bottom && bottom + 1 <= cells.rowCount && bottom - top < 3 && !isIndexRow(cells, bottom + 1, lastCol)) {
      // A leaf row: under a horizontally merged group cell of the band, with short header texts.
      let underGroup = false;
      for (let c = 1; c <= lastCol && !underGroup; c++) {
        const g = cells.sheet.merges.find((m) => m.top >= top && m.bottom === bottom && m.left <= c && m.right >= c && m.right > m.left);
        if (g && cells.text(bottom + 1, c, false) !== "") underGroup = true;
      }
      if (underGroup && looksLikeHeaderContinuation(cells, bottom + 1, lastCol)) next = bottom + 1;
    }
    if (next === bottom) break;
    bottom = next;
  }
  const columns: ColumnHeader[] = [];
  for (let c = 1; c <= lastCol; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) {
      const m = cells.mergeOf(r, c);
      // A merged cell inside the band repeats its area's text only if the area started in the band.
      const t = m && m.top < top ? "" : cells.text(r, c, true);
      if (t !== "" && path[path.length - 1] !== t) path.push(t);
    }
    if (path.length > 0) columns.push({ col: c, path, keys: path.map(headerKey) });
  }
  const band: HeaderBand = { top, bottom, columns };
  if (bottom + 1 <= cells.rowCount && isIndexRow(cells, bottom + 1, lastCol)) band.indexRow = bottom + 1;
  return band;
}
