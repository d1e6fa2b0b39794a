/**
 * The category a roster lists a person under, whatever their title says: the category column
 * ("CB", "CC", "KCT"), else the nearest section row above ("B. CÔNG CHỨC"), else the list's
 * title rows or sheet name ("DANH SÁCH NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH"). The reader keeps
 * the title's category when it knows the title, so the listing is read again here from the
 * sheet, with the reader's own vocabularies.
 */
import type { WorkbookGrid } from "../../grid";
import type { PersonRecord, WorkbookReading } from "../../reader";
import { SheetCells } from "../../reader/cells";
import type { StaffCategory } from "../../reader/titles";
import { parseUnitLabel } from "../../reader/units";
import { categoryFromLabel, isSectionMarker, isTotalLabel, parseCategoryCell } from "../../reader/vocabulary";
import { comparisonKey } from "../../text/keys";

/**
 * The category a label names, only when it names exactly one: "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ
 * NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH" lists everyone and says nothing about a person.
 */
function singleCategory(label: string): StaffCategory | undefined {
  const k = comparisonKey(label);
  const named = [/không chuyên trách|\bkct\b|\bhđkct\b|\bnhđkct\b/.test(k), /công chức/.test(k), /cán bộ/.test(k)].filter(Boolean).length;
  return named === 1 ? categoryFromLabel(label) : undefined;
}

function rowTexts(cells: SheetCells, r: number, max: number): string[] {
  const out: string[] = [];
  for (let c = 1; c <= Math.min(cells.columnCount, 30) && out.length < max; c++) {
    const t = cells.text(r, c, false);
    if (t !== "") out.push(t);
  }
  return out;
}

/** Listed category of every record that has one. */
export function listedCategories(grid: WorkbookGrid, reading: Pick<WorkbookReading, "sheets" | "records">): Map<PersonRecord, StaffCategory> {
  const at = listedCategoryAt(grid, reading);
  const out = new Map<PersonRecord, StaffCategory>();
  // In the order the rows were met, as callers may iterate the map.
  for (const i of at.order) out.set(reading.records[i], at.category[i]!);
  return out;
}

/**
 * {@link listedCategories} by record index (same index as `reading.records`), with the indices in
 * the order their rows were met.
 */
export function listedCategoryAt(grid: WorkbookGrid, reading: Pick<WorkbookReading, "sheets" | "records">): { category: (StaffCategory | undefined)[]; order: number[] } {
  const records = reading.records;
  const category: (StaffCategory | undefined)[] = new Array<StaffCategory | undefined>(records.length);
  const order: number[] = [];
  // Category cells ("CB", "KCT") and total rows ("Cộng: 40 người") repeat: each text is read once.
  // Unit rows differ from each other ("I. Xã Quảng Lợi"): read as they come.
  const single = memo(singleCategory);
  const isTotal = memo(isTotalLabel);
  const isUnit = (t: string) => parseUnitLabel(t) !== undefined;
  const cellCategory = memo(parseCategoryCell);
  for (const rep of reading.sheets) {
    if (rep.role !== "roster" || !rep.headerRows || rep.headerRows.length === 0) continue;
    const sheet = grid.sheets.find((s) => s.name === rep.name);
    if (!sheet) continue;
    const byRow = new RowIndex();
    for (let i = 0; i < records.length; i++) if (records[i].sheet === rep.name) byRow.set(records[i].row, i);
    if (byRow.size === 0) continue;
    const cells = new SheetCells(grid, sheet);
    const top = Math.min(...rep.headerRows);
    let titleCategory: StaffCategory | undefined;
    for (let r = 1; r < top && !titleCategory; r++) for (const t of rowTexts(cells, r, 6)) titleCategory ??= single(t);
    titleCategory ??= single(rep.name);
    let section: StaffCategory | undefined;
    const start = (rep.indexRow ?? Math.max(...rep.headerRows)) + 1;
    const end = byRow.maxRow;
    for (let r = start; r <= end; r++) {
      const i = byRow.get(r);
      if (i !== undefined) {
        const rec = records[i];
        const column = rec.fields.category ? cellCategory(rec.fields.category.text) : undefined;
        const listed = column ?? section ?? titleCategory;
        if (listed) {
          if (category[i] === undefined) order.push(i);
          category[i] = listed;
        }
        continue;
      }
      // The row's first texts, read only as far as needed (a total row is known by its first).
      const texts = new LazyRowTexts(cells, r, 4);
      if (texts.at(0) === undefined) continue;
      let total = false;
      for (let k = 0; k < 3 && !total; k++) {
        const t = texts.at(k);
        if (t === undefined) break;
        total = isTotal(t);
      }
      if (total) continue;
      for (let k = 0; k < 4; k++) {
        const t = texts.at(k);
        if (t === undefined) break;
        if (isSectionMarker(t)) continue;
        const unit = isUnit(t);
        const cat = single(t);
        if (unit) {
          section = cat; // a new unit starts without a category unless its label names one
          break;
        }
        if (cat) {
          section = cat;
          break;
        }
      }
    }
  }
  return { category, order };
}

/** {@link rowTexts} of a row, cell by cell as they are asked for. */
class LazyRowTexts {
  private readonly texts: string[] = [];
  private col = 1;
  private readonly last: number;
  constructor(
    private readonly cells: SheetCells,
    private readonly row: number,
    private readonly max: number,
  ) {
    this.last = Math.min(cells.columnCount, 30);
  }
  /** The k-th non-empty text (0-based), or undefined when the row has fewer (or k ≥ max). */
  at(k: number): string | undefined {
    while (this.texts.length <= k && this.texts.length < this.max && this.col <= this.last) {
      const t = this.cells.text(this.row, this.col++, false);
      if (t !== "") this.texts.push(t);
    }
    return this.texts[k];
  }
}

/** A pure function of a text, remembered for the texts of one call. */
function memo<T>(f: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const v = f(text);
    seen.set(text, v);
    return v;
  };
}

/** Row number → record index (the last record of a row wins), an array for the usual row numbers. */
class RowIndex {
  private dense: Int32Array = new Int32Array(0);
  private readonly other = new Map<number, number>();
  size = 0;
  maxRow = -Infinity;
  set(row: number, index: number): void {
    if (row > this.maxRow) this.maxRow = row;
    if (Number.isInteger(row) && row >= 0 && row < 1 << 24) {
      if (row >= this.dense.length) {
        const grown = new Int32Array(Math.max(row + 1, this.dense.length * 2, 1024)).fill(-1);
        grown.set(this.dense);
        this.dense = grown;
      }
      if (this.dense[row] < 0) this.size++;
      this.dense[row] = index;
      return;
    }
    if (!this.other.has(row)) this.size++;
    this.other.set(row, index);
  }
  get(row: number): number | undefined {
    if (row >= 0 && row < this.dense.length && Number.isInteger(row)) {
      const i = this.dense[row];
      return i < 0 ? undefined : i;
    }
    return this.other.get(row);
  }
}
