/**
 * The annotated copy also writes the change record both adapters share (core/changes.ts), so
 * the add-in's "Xóa đánh dấu" can restore the CLI's marks: each cell's original fill and our mark.
 */
import ExcelJS from "exceljs";
import { annotateWorkbook, clearWorkbook } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { CHANGES_KEY, parseChangeRecord } from "../../src/core/changes";
import { HIGHLIGHT_FILLS, NOTE_MARKER, type EditPlan } from "../../src/core/plan/types";

async function book(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS");
  ws.getRow(1).values = ["STT", "Họ và tên", "Ngày sinh"];
  ws.getRow(2).values = [1, "Nguyễn Văn An", "31/02/1980"];
  ws.getRow(3).values = [2, "Trần Thị Hường", "15/08/1985"];
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  ws.getCell("B3").fill = { type: "pattern", pattern: "darkGray", fgColor: { argb: "FF112233" }, bgColor: { argb: "FF445566" } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const plan: EditPlan = {
  highlights: [
    { sheet: "DS", row: 2, col: 3, severity: "error", note: `${NOTE_MARKER}\n• Lỗi: ngày không có thật` },
    { sheet: "DS", row: 3, col: 2, severity: "warning", note: `${NOTE_MARKER}\n• Cảnh báo: trùng người` },
    { sheet: "DS", row: 3, col: 3, severity: "warning", note: `${NOTE_MARKER}\n• Cảnh báo: năm 2 chữ số` },
    { sheet: "DS", row: 5, col: 2, severity: "error", note: `${NOTE_MARKER}\n• Lỗi: thiếu họ tên` },
  ],
  sheets: [],
};

describe("the shared change record in the annotated copy", () => {
  it("gives each marked cell its original fill and our mark colour", async () => {
    const marked = annotateWorkbook(await book(), plan);
    const record = parseChangeRecord(readXlsx(marked).savedSettings?.[CHANGES_KEY]);
    expect(record?.by).toBe("cli");
    const byCell = new Map(record!.cells.map((c) => [c.cell, c]));
    expect(byCell.get("C2")).toMatchObject({ sheet: "DS", markColor: HIGHLIGHT_FILLS.error, fill: { kind: "solid", color: "00B0F0" } });
    expect(byCell.get("B3")).toMatchObject({ markColor: HIGHLIGHT_FILLS.warning, fill: { kind: "pattern", pattern: "Gray75", patternColor: "112233", color: "445566" } });
    expect(byCell.get("C3")).toMatchObject({ fill: { kind: "none" } });
    expect(byCell.get("B5")).toMatchObject({ fill: { kind: "none" }, styleIndex: -1 });
  });

  it("is removed by clear, with the file's own record", async () => {
    const cleared = clearWorkbook(annotateWorkbook(await book(), plan));
    const settings = readXlsx(cleared).savedSettings ?? {};
    expect(settings[CHANGES_KEY]).toBeUndefined();
    expect(settings["hoso.changes.file"]).toBeUndefined();
  });
});
