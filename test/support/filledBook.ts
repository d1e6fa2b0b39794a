/**
 * A small roster whose cells carry the fills a user might have set (solid, patterned, none),
 * and a plan marking them: shared by the file-adapter and Excel-adapter tests of the change record.
 */
import ExcelJS from "exceljs";
import { NOTE_MARKER, type EditPlan } from "../../src/core/plan/types";

/** "DS" with C2 solid blue, B3 a dark-grey pattern, the rest unfilled. */
export async function filledBook(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS");
  ws.getRow(1).values = ["STT", "Họ và tên", "Ngày sinh"];
  ws.getRow(2).values = [1, "Nguyễn Văn An", "31/02/1980"];
  ws.getRow(3).values = [2, "Trần Thị Hường", "15/08/1985"];
  ws.getCell("C2").fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FF00B0F0" } };
  ws.getCell("B3").fill = { type: "pattern", pattern: "darkGray", fgColor: { argb: "FF112233" }, bgColor: { argb: "FF445566" } };
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Marks on C2 (error), B3 and C3 (warnings), and optionally B5 (a cell with no element). */
export function filledBookPlan(withEmptyCell: boolean): EditPlan {
  const highlights: EditPlan["highlights"] = [
    { sheet: "DS", row: 2, col: 3, severity: "error", note: `${NOTE_MARKER}\n• Lỗi: ngày không có thật` },
    { sheet: "DS", row: 3, col: 2, severity: "warning", note: `${NOTE_MARKER}\n• Cảnh báo: trùng người` },
    { sheet: "DS", row: 3, col: 3, severity: "warning", note: `${NOTE_MARKER}\n• Cảnh báo: năm 2 chữ số` },
  ];
  if (withEmptyCell) highlights.push({ sheet: "DS", row: 5, col: 2, severity: "error", note: `${NOTE_MARKER}\n• Lỗi: thiếu họ tên` });
  return { highlights, sheets: [] };
}
