/**
 * Hand-written edit plans for the annotated-copy tests (the core's plan builder is written
 * elsewhere): a findings sheet with a table and links, a staffing sheet with a title block,
 * a signature block and a chart, a people list with dates and percentages.
 */
import type { EditPlan, PlanCell, PlanHighlight, PlanSheet } from "../../src/core/plan/types";

/** Text that a careless writer would turn into formulas. */
export const FORMULA_LIKE = ["=SUM(A1:A9)", "+84 912 345 678", "-5 tuổi", "@Trưởng phòng", '=HYPERLINK("http://example.vn","x")'];

export function findingsSheet(links: { sheet: string; cell: string }[], name = "Kết quả kiểm tra"): PlanSheet {
  const header: PlanCell[] = ["STT", "Mức độ", "Quy tắc", "Đơn vị", "Người", "Nội dung", "Ô"].map((value) => ({ value, style: "header" }));
  const rows: PlanSheet["rows"] = [
    [{ value: "KẾT QUẢ KIỂM TRA HỒ SƠ CÁN BỘ, CÔNG CHỨC CẤP XÃ", style: "title" }],
    [{ value: "Tính đến ngày 31/12/2017 — bộ quy định nd34-2019", style: "italic" }],
    undefined,
    header,
  ];
  links.forEach((l, i) => {
    rows.push([
      { value: i + 1, style: "integer" },
      { value: i % 2 === 0 ? "Lỗi" : "Cảnh báo", style: i % 2 === 0 ? "severityError" : "severityWarning" },
      { value: "data.invalidDate", style: "text" },
      { value: "xã Quảng Lợi", style: "text" },
      { value: "Nguyễn Văn Hùng", style: "text" },
      { value: FORMULA_LIKE[i % FORMULA_LIKE.length], style: "textWrap" },
      { value: `${l.sheet}!${l.cell}`, style: "link", link: l },
    ]);
  });
  return {
    kind: "findings",
    name,
    columnWidths: [6, 12, 22, 18, 24, 60, 16],
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: 7 },
      { top: 2, left: 1, bottom: 2, right: 7 },
    ],
    table: { name: "KetQuaKiemTra", headerRow: 4, firstColumn: 1, lastColumn: 7, lastRow: 4 + links.length },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: 4, to: 4 } },
    freeze: { rows: 4, columns: 0 },
    tabColor: "C00000",
  };
}

export function staffingSheet(name = "Tổng hợp biên chế"): PlanSheet {
  const units: [string, number, number][] = [
    ["Thị trấn Đầm Hà", 23, 21],
    ["Xã Đầm Hà", 23, 19],
    ["Xã Quảng Lợi", 22, 22],
  ];
  const rows: PlanSheet["rows"] = [
    [{ value: "UBND HUYỆN ĐẦM HÀ", style: "subtitle" }, undefined, undefined, { value: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", style: "subtitle" }],
    [{ value: "PHÒNG NỘI VỤ", style: "subtitle" }, undefined, undefined, { value: "Độc lập - Tự do - Hạnh phúc", style: "subtitle" }],
    undefined,
    [{ value: "TỔNG HỢP BIÊN CHẾ CÁN BỘ, CÔNG CHỨC CẤP XÃ", style: "title" }],
    [{ value: "Tính đến ngày 31/12/2017", style: "italic" }],
    [{ value: "Đơn vị", style: "header" }, { value: "Tỉnh giao", style: "header" }, { value: "Thực tế", style: "header" }, { value: "Chênh lệch", style: "header" }, { value: "Tỷ lệ", style: "header" }],
  ];
  for (const [u, a, b] of units) rows.push([{ value: u, style: "text" }, { value: a, style: "integer" }, { value: b, style: "integer" }, { value: b - a, style: b < a ? "shortage" : "integer" }, { value: b / a, style: "percent" }]);
  rows.push([{ value: "Tổng cộng", style: "totalText" }, { value: 68, style: "totalInteger" }, { value: 62, style: "totalInteger" }, { value: -6, style: "totalInteger" }, { value: 62 / 68, style: "totalPercent" }]);
  rows.push(undefined, [{ value: "NGƯỜI LẬP BIỂU", style: "signatureTitle" }, undefined, undefined, { value: "THỦ TRƯỞNG ĐƠN VỊ", style: "signatureTitle" }]);
  rows.push([{ value: "(Ký, ghi rõ họ tên)", style: "signatureNote" }, undefined, undefined, { value: "(Ký tên, đóng dấu)", style: "signatureNote" }]);
  return {
    kind: "staffing",
    name,
    columnWidths: [28, 12, 12, 12, 10],
    rows,
    merges: [
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 1, left: 4, bottom: 1, right: 5 },
      { top: 2, left: 1, bottom: 2, right: 3 },
      { top: 2, left: 4, bottom: 2, right: 5 },
      { top: 4, left: 1, bottom: 4, right: 5 },
      { top: 5, left: 1, bottom: 5, right: 5 },
    ],
    chart: { title: "Biên chế tỉnh giao và thực tế", categoryColumn: 1, firstRow: 7, lastRow: 9, series: [{ column: 2, name: "Tỉnh giao" }, { column: 3, name: "Thực tế" }], anchor: { row: 16, col: 1, widthCols: 8, heightRows: 18 } },
    print: { orientation: "landscape", paper: "A4", fitToWidth: true, repeatRows: { from: 6, to: 6 } },
    freeze: { rows: 6, columns: 1 },
  };
}

export function peopleSheet(name = "Đến tuổi nghỉ hưu"): PlanSheet {
  return {
    kind: "people",
    name,
    columnWidths: [6, 26, 14, 10],
    rows: [
      [{ value: "STT", style: "header" }, { value: "Họ và tên", style: "header" }, { value: "Ngày sinh", style: "header" }, { value: "Tuổi", style: "header" }],
      [{ value: 1, style: "integer" }, { value: "Trần Văn Dũng", style: "text" }, { value: 22417, style: "date" }, { value: 59.5, style: "integer" }],
      [{ value: 2, style: "integer" }, { value: "Lý Thị Mai", style: "text" }, { value: null, style: "date" }, { value: null, style: "integer" }],
    ],
    merges: [],
    print: { orientation: "portrait", paper: "A4", fitToWidth: false },
  };
}

export function plan(highlights: PlanHighlight[], sheets: PlanSheet[]): EditPlan {
  return { highlights, sheets };
}
