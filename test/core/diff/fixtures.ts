import type { SheetSpec } from "../../support/grid";

/** Two rosters a year apart (issue 12 §3), with every kind of change. */
export const HEADER = ["STT", "Họ và tên", "Ngày sinh", "Chức vụ", "Đơn vị", "Trình độ chuyên môn", "Lý luận chính trị", "Số CCCD"];

export const OLD_ROWS: (string | number | undefined)[][] = [
  [1, "Nguyễn Văn An", "12/05/1975", "Chủ tịch UBND", "Xã Quảng Lợi", "Đại học", "Trung cấp", "022075001234"],
  [2, "Trần Thị Hường", "15/08/1985", "Văn phòng - thống kê", "Xã Quảng Lợi", "Trung cấp", "Sơ cấp"],
  [3, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", "Xã Quảng Lợi", "Sơ cấp"],
  [4, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", "Xã Quảng Lâm", "Sơ cấp"],
  [5, "Phạm Thị Mai", "01/01/1988", "Địa chính - xây dựng", "Xã Quảng Lâm", "Đại học"],
  [6, "Đỗ Văn Cũ", "09/09/1964", "Chủ tịch HĐND", "Xã Quảng Lâm", "Đại học"],
];
export const NEW_ROWS: (string | number | undefined)[][] = [
  // An: ID number kept, name spelled in capitals, now Bí thư: post changed.
  [1, "NGUYỄN VĂN AN", "12/05/1975", "Bí thư Đảng ủy", "Xã Quảng Lợi", "Đại học", "Cao cấp", "022075001234"],
  // Hường: qualification raised (Đại học, Trung cấp LLCT).
  [2, "Trần Thị Hường", "15/08/1985", "Văn phòng - thống kê", "Xã Quảng Lợi", "Đại học", "Trung cấp"],
  // The two Lê Văn Bình (same name and birth date, two units): each stays in his unit.
  [3, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", "Xã Quảng Lâm", "Sơ cấp"],
  [4, "Lê Văn Bình", "03/03/1980", "Trưởng thôn", "Xã Quảng Lợi", "Sơ cấp"],
  // Mai moved to Quảng Lợi.
  [5, "Phạm Thị Mai", "01/01/1988", "Địa chính - xây dựng", "Xã Quảng Lợi", "Đại học"],
  // A new Phạm Thị Mai (another birth date) joined Quảng Lâm: never merged with the other.
  [6, "Phạm Thị Mai", "02/02/1995", "Văn hóa - xã hội", "Xã Quảng Lâm", "Đại học"],
];

export function rosterSheet(rows: (string | number | undefined)[][]): SheetSpec {
  return { name: "DS CBCC", rows: [["DANH SÁCH CÁN BỘ, CÔNG CHỨC CẤP XÃ"], HEADER, ...rows] };
}

