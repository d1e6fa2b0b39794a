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
  const out = new Map<PersonRecord, StaffCategory>();
  for (const rep of reading.sheets) {
    if (rep.role !== "roster" || !rep.headerRows || rep.headerRows.length === 0) continue;
    const sheet = grid.sheets.find((s) => s.name === rep.name);
    if (!sheet) continue;
    const byRow = new Map(reading.records.filter((r) => r.sheet === rep.name).map((r) => [r.row, r]));
    if (byRow.size === 0) continue;
    const cells = new SheetCells(grid, sheet);
    const top = Math.min(...rep.headerRows);
    let titleCategory: StaffCategory | undefined;
    for (let r = 1; r < top && !titleCategory; r++) for (const t of rowTexts(cells, r, 6)) titleCategory ??= singleCategory(t);
    titleCategory ??= singleCategory(rep.name);
    let section: StaffCategory | undefined;
    const start = (rep.indexRow ?? Math.max(...rep.headerRows)) + 1;
    const end = Math.max(...byRow.keys());
    for (let r = start; r <= end; r++) {
      const rec = byRow.get(r);
      if (rec) {
        const column = rec.fields.category ? parseCategoryCell(rec.fields.category.text) : undefined;
        const listed = column ?? section ?? titleCategory;
        if (listed) out.set(rec, listed);
        continue;
      }
      const texts = rowTexts(cells, r, 4);
      if (texts.length === 0 || texts.slice(0, 3).some(isTotalLabel)) continue;
      for (const t of texts) {
        if (isSectionMarker(t)) continue;
        const unit = parseUnitLabel(t);
        const cat = singleCategory(t);
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
  return out;
}
