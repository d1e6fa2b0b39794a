/**
 * Builds the bundled sample workbook `samples/dam-ha-mau.xlsx` that `npm run demo` checks:
 * a district list in the layout offices keep (title block, two-row merged header, column-number
 * row, one section per commune, total rows, footer), one commune sheet in TCVN3 (.VnTime), and
 * the quota sheet "Định biên". People and figures are invented; unit names follow the seed
 * article about Đầm Hà (Quảng Ninh). Run: `npx tsx scripts/make-sample.ts`.
 */
import ExcelJS from "exceljs";
import { writeFileSync } from "node:fs";
import { encodeTcvn3 } from "../src/core/text/legacy";

type Person = [string, string, "Nam" | "Nữ", string, string, string, string, string, string, string?];

const UNITS: { label: string; people: Person[] }[] = [
  {
    label: "Xã Quảng Lợi",
    people: [
      ["Nguyễn Văn Hùng", "12/05/1968", "Nam", "Kinh", "Bí thư Đảng ủy", "12/12", "ĐH Luật", "Cao cấp", "CVC"],
      ["Trần Thị Hường", "03/09/1982", "Nữ", "Tày", "Chủ tịch HĐND", "12/12", "Đại học Kinh tế", "Trung cấp", "CV"],
      ["Lê Đức Thủy", "21/11/1975", "Nam", "Kinh", "Chủ tịch UBND", "12/12", "ĐH Nông nghiệp", "Cao cấp", "CV"],
      ["Phạm Văn Khoa", "15/8/85", "Nam", "Dao", "Phó Chủ tịch UBND", "12/12", "Đại học", "Trung cấp", "CV"],
      ["Hoàng Thị Lan", "30/02/1990", "Nữ", "Sán Chỉ", "Văn phòng - thống kê", "12/12", "TC Văn thư", "Sơ cấp", ""],
      ["Vũ Minh Đức", "07/07/1988", "Nam", "Kinh", "Tài chính - kế toán", "12/12", "ĐH Kế toán", "Trung cấp", "CV"],
      ["Đặng Thị Hòa", "1992", "Nữ", "Kinh", "Tư pháp - hộ tịch", "12/12", "Đại học Luật", "Sơ cấp", ""],
      ["Bùi Văn Nam", "05/01/1965", "Nam", "Kinh", "Chỉ huy trưởng Quân sự", "10/10", "TC Quân sự", "Trung cấp", ""],
      ["Ngô Thị Mai", "19/04/1995", "Nữ", "Kinh", "Văn thư - lưu trữ", "12/12", "Cao đẳng", "", ""],
      ["Dương Văn Tuấn", "11/11/1979", "Nam", "Tày", "Bí thư Chi bộ kiêm Trưởng thôn", "9/12", "Sơ cấp", "Sơ cấp", "", "Thôn 1"],
      ["Lý Thị Nga", "02/02/1983", "Nữ", "Dao", "Trưởng ban công tác Mặt trận", "9/12", "", "", "", "Thôn 1"],
    ],
  },
  {
    label: "Thị trấn Đầm Hà",
    people: [
      ["Hồ Văn Quý", "22/03/1970", "Nam", "Kinh", "Bí thư Đảng ủy", "12/12", "Thạc sĩ Quản lý công", "Cao cấp", "CVC"],
      ["Nguyễn Thị Thu", "14/06/1980", "Nữ", "Kinh", "Chủ tịch UBND", "12/12", "ĐH Luật", "Cao cấp", "CV"],
      ["Trần Văn Bình", "09/09/1986", "Nam", "Kinh", "Phó Chủ tịch UBND", "12/12", "ĐH Xây dựng", "Trung cấp", "CV"],
      ["Lê Thị Hạnh", "25/12/1991", "Nữ", "Kinh", "Văn hóa - xã hội", "12/12", "ĐH Văn hóa", "", "", ],
      ["Phạm Quốc Việt", "01/10/1987", "Nam", "Kinh", "Địa chính - xây dựng", "12/12", "ĐH Quản lý đất đai", "Sơ cấp", "CV"],
      ["Nguyễn Văn Hùng", "12/05/1968", "Nam", "Kinh", "Chủ tịch Hội Cựu chiến binh", "12/12", "ĐH Luật", "Cao cấp", "CVC"],
    ],
  },
];

const TCVN3_UNIT: { label: string; people: Person[] } = {
  label: "Xã Đầm Hà",
  people: [
    ["Hoàng Văn Sơn", "08/08/1972", "Nam", "Tày", "Bí thư Đảng ủy", "12/12", "Đại học Luật", "Cao cấp", "CV"],
    ["Nguyễn Thị Hường", "17/03/1984", "Nữ", "Kinh", "Chủ tịch UBND", "12/12", "Đại học Kinh tế", "Trung cấp", "CV"],
    ["Trần Đức Trường", "29/10/1990", "Nam", "Kinh", "Tư pháp - hộ tịch", "12/12", "Trung cấp Luật", "Sơ cấp", ""],
  ],
};

const HEAD1 = ["STT", "Họ và tên", "Ngày, tháng, năm sinh", "", "Dân tộc", "Chức vụ, chức danh", "Thôn", "Trình độ", "", "", "", "Ghi chú"];
const HEAD2 = ["", "", "Nam", "Nữ", "", "", "", "Văn hóa", "Chuyên môn", "LLCT", "QLNN", ""];

function toDate(s: string): Date | string {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(s);
  if (!m) return s;
  const d = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return d.getUTCDate() === Number(m[1]) ? d : s;
}

function header(ws: ExcelJS.Worksheet, top: number, title: string, encode: (s: string) => string = (s) => s): number {
  ws.getCell(`A${top}`).value = encode("UBND HUYỆN ĐẦM HÀ");
  ws.getCell(`A${top + 1}`).value = encode("PHÒNG NỘI VỤ");
  ws.getCell(`F${top}`).value = encode("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  ws.getCell(`F${top + 1}`).value = encode("Độc lập - Tự do - Hạnh phúc");
  ws.getCell(`A${top + 3}`).value = encode(title);
  ws.mergeCells(`A${top + 3}:L${top + 3}`);
  const h = top + 5;
  ws.getRow(h).values = HEAD1.map(encode);
  ws.getRow(h + 1).values = HEAD2.map(encode);
  for (const c of ["A", "B", "E", "F", "G", "L"]) ws.mergeCells(`${c}${h}:${c}${h + 1}`);
  ws.mergeCells(`C${h}:D${h}`);
  ws.mergeCells(`H${h}:K${h}`);
  ws.getRow(h + 2).values = HEAD1.map((_x, i) => `(${i + 1})`);
  for (const r of [h, h + 1, h + 2]) ws.getRow(r).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = [5, 24, 12, 12, 9, 30, 10, 9, 22, 10, 8, 16][i]));
  return h + 3;
}

function personRow(p: Person, i: number, encode: (s: string) => string = (s) => s): unknown[] {
  const [name, birth, gender, eth, pos, vh, cm, llct, qlnn, village] = p;
  const date = encode === undefined ? birth : toDate(birth);
  const d = typeof date === "string" ? encode(date) : date;
  return [i, encode(name), gender === "Nam" ? d : null, gender === "Nữ" ? d : null, encode(eth), encode(pos), encode(village ?? ""), encode(vh), encode(cm), encode(llct), encode(qlnn), ""];
}

async function main(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("DS CBCC huyện");
  let r = header(ws, 1, "DANH SÁCH CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ NĂM 2024");
  const roman = ["I", "II", "III"];
  UNITS.forEach((u, k) => {
    ws.getRow(r).values = [roman[k], u.label];
    ws.mergeCells(`B${r}:L${r}`);
    ws.getRow(r).font = { bold: true };
    r++;
    u.people.forEach((p, i) => {
      ws.getRow(r).values = personRow(p, i + 1);
      for (const c of [3, 4]) ws.getRow(r).getCell(c).numFmt = "dd/mm/yyyy";
      r++;
    });
    ws.getRow(r).values = ["", `Cộng: ${u.people.length} người`];
    r++;
  });
  ws.getRow(r).values = ["", "Tổng cộng"];
  r += 2;
  ws.getCell(`H${r}`).value = "Đầm Hà, ngày 15 tháng 11 năm 2024";
  ws.getCell(`B${r + 1}`).value = "NGƯỜI LẬP BIỂU";
  ws.getCell(`H${r + 1}`).value = "TRƯỞNG PHÒNG";
  ws.getCell(`B${r + 2}`).value = "(Ký, ghi rõ họ tên)";

  // One commune in TCVN3, as older machines still write it.
  const t = wb.addWorksheet("Xa Dam Ha");
  const enc = (s: string) => encodeTcvn3(s);
  let tr = header(t, 1, "DANH SÁCH CÁN BỘ, CÔNG CHỨC XÃ ĐẦM HÀ", enc);
  t.getRow(tr).values = ["I", enc(TCVN3_UNIT.label)];
  tr++;
  TCVN3_UNIT.people.forEach((p, i) => {
    t.getRow(tr).values = personRow(p, i + 1, enc);
    tr++;
  });
  t.eachRow((row) => row.eachCell((cell) => (cell.font = { name: ".VnTime", size: 12, bold: cell.font?.bold })));

  const q = wb.addWorksheet("Định biên");
  q.getRow(1).values = ["Mã đơn vị", "Tên đơn vị", "Phân loại ĐVHC", "Miền núi, vùng DTTS", "Số thôn, tổ dân phố", "Biên chế CBCC tỉnh giao", "Biên chế CBCC huyện giao", "KCT cấp xã tỉnh giao", "KCT cấp xã huyện giao", "Người HĐKCT ở thôn (định mức)"];
  q.getRow(1).font = { bold: true };
  q.getRow(2).values = ["06937", "Xã Quảng Lợi", "II", "x", 4, 21, 20, 12, 10, 12];
  q.getRow(3).values = ["06928", "Thị trấn Đầm Hà", "I", "", 8, 23, 22, 14, 12, 24];
  q.getRow(4).values = ["06931", "Xã Đầm Hà", "II", "x", 6, 21, 19, 12, 10, 18];
  q.columns.forEach((c) => (c.width = 18));
  const bytes = await wb.xlsx.writeBuffer();
  writeFileSync("samples/dam-ha-mau.xlsx", Buffer.from(bytes as ArrayBuffer));
}

void main();
