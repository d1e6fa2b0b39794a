/**
 * Address lists for `Worksheet.getRanges` (RangeAreas, ExcelApi 1.9): cells grouped into
 * rectangles, written "C5:C9", joined with the list separator Excel wants and cut so that no
 * string passes 8,192 characters. Desktop Excel wants the locale's list separator (";" in a
 * Vietnamese locale), the web ","; OfficeDev/office-js#1167, #1985.
 */
import { cellAddress } from "../core/address";
import { MAX_ADDRESS_CHARS } from "./limits";

/** A 1-based cell. */
export interface CellRef {
  row: number;
  col: number;
}

/** An inclusive rectangle, 1-based. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "C5", or "C5:D9". */
export function rectAddress(r: Rect): string {
  const a = cellAddress(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? a : `${a}:${cellAddress(r.bottom, r.right)}`;
}

/**
 * Cells → few rectangles: runs along each row, then runs with the same columns on consecutive
 * rows joined. Duplicates are ignored.
 * @example rectangles([{row:5,col:3},{row:6,col:3},{row:6,col:4}]) // C5:C6 and D6
 */
export function rectangles(cells: readonly CellRef[]): Rect[] {
  const sorted = [...cells].sort((a, b) => a.row - b.row || a.col - b.col);
  const out: Rect[] = [];
  let open = new Map<string, Rect>();
  let i = 0;
  while (i < sorted.length) {
    const row = sorted[i].row;
    const next = new Map<string, Rect>();
    while (i < sorted.length && sorted[i].row === row) {
      const left = sorted[i].col;
      let right = left;
      i++;
      while (i < sorted.length && sorted[i].row === row && sorted[i].col <= right + 1) {
        right = Math.max(right, sorted[i].col);
        i++;
      }
      const key = `${left}:${right}`;
      const prev = open.get(key);
      if (prev && prev.bottom === row - 1) {
        prev.bottom = row;
        next.set(key, prev);
        open.delete(key);
      } else {
        const r = { top: row, left, bottom: row, right };
        out.push(r);
        next.set(key, r);
      }
    }
    open = next;
  }
  return out;
}

/**
 * Address lists of at most `maxChars` characters each.
 * @example addressLists([{top:5,left:3,bottom:9,right:3},{top:12,left:4,bottom:12,right:4}], ";") // ["C5:C9;D12"]
 */
export function addressLists(rects: readonly Rect[], separator: "," | ";", maxChars = MAX_ADDRESS_CHARS): string[] {
  const lists: string[] = [];
  let current = "";
  for (const r of rects) {
    const a = rectAddress(r);
    if (current === "") current = a;
    else if (current.length + 1 + a.length <= maxChars) current += separator + a;
    else {
      lists.push(current);
      current = a;
    }
  }
  if (current !== "") lists.push(current);
  return lists;
}

/**
 * Group items by a key, keeping first-seen order.
 * @example groupBy(["a","bb","c"], (s) => s.length) // Map { 1 => ["a","c"], 2 => ["bb"] }
 */
export function groupBy<T, K>(items: Iterable<T>, key: (item: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    const g = m.get(k);
    if (g) g.push(it);
    else m.set(k, [it]);
  }
  return m;
}
