/**
 * The Vietnamese text of the sheets the tool writes (they are documents sent upward, so they
 * are in Vietnamese only). Kept in one place with the other user-facing text.
 */
export const SHEET_NAMES = {
  findings: "Kết quả kiểm tra",
  staffing: "Tổng hợp biên chế",
  quality: "Chất lượng CBCC",
} as const;

export const LABELS = {
  motto1: "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
  motto2: "Độc lập - Tự do - Hạnh phúc",
  agencyDefault: "UBND ……………………",
  asOf: (d: string) => `Tính đến ngày ${d}`,
  ruleSet: (name: string) => `Áp dụng: ${name}`,
  file: (name: string) => `Tệp: ${name}`,
  preparer: "NGƯỜI LẬP BIỂU",
  head: "THỦ TRƯỞNG ĐƠN VỊ",
  signNote: "(Ký, ghi rõ họ tên)",
  signNoteHead: "(Ký tên, đóng dấu)",
  placeDate: (place: string, d: { day: number; month: number; year: number }) => `${place}, ngày ${d.day} tháng ${d.month} năm ${d.year}`,
  findings: {
    title: "KẾT QUẢ KIỂM TRA HỒ SƠ CÁN BỘ, CÔNG CHỨC CẤP XÃ",
    counts: (e: number, w: number, i: number) => `Lỗi: ${e} — Cảnh báo: ${w} — Thông tin: ${i}`,
    headers: ["STT", "Mức độ", "Quy tắc", "Đơn vị", "Họ và tên", "Trang tính", "Ô", "Nội dung", "Căn cứ"],
    severity: { error: "Lỗi", warning: "Cảnh báo", info: "Thông tin" },
    none: "Không phát hiện vấn đề nào.",
  },
  staffing: {
    title: "TỔNG HỢP SỐ LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ",
    unit: "Đơn vị",
    unitClass: "Loại ĐVHC",
    groups: {
      cadreAndCivilServant: "Cán bộ, công chức",
      nonSpecializedCommune: "Người hoạt động không chuyên trách cấp xã",
      nonSpecializedVillage: "Người hoạt động không chuyên trách ở thôn, tổ dân phố",
    },
    province: "Tỉnh giao",
    district: "Huyện giao",
    cap: "Tối đa theo quy định",
    actual: "Hiện có",
    vsProvince: "So với tỉnh giao",
    vsDistrict: "So với huyện giao",
    villages: "Số thôn, TDP",
    norm: "Định mức",
    vsNorm: "So với định mức",
    note: "Ghi chú",
    total: "Tổng cộng",
    chartTitle: "Cán bộ, công chức: tỉnh giao và hiện có theo đơn vị",
    seriesAssigned: "Tỉnh giao",
    seriesActual: "Hiện có",
  },
  quality: {
    title: "TỔNG HỢP CHẤT LƯỢNG CÁN BỘ, CÔNG CHỨC VÀ NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ",
    sections: {
      cadreAndCivilServant: "I. CÁN BỘ, CÔNG CHỨC CẤP XÃ",
      nonSpecializedCommune: "II. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH CẤP XÃ",
      nonSpecializedVillage: "III. NGƯỜI HOẠT ĐỘNG KHÔNG CHUYÊN TRÁCH Ở THÔN, TỔ DÂN PHỐ",
    },
    total: "Tổng số",
    among: "Trong đó",
    female: "Nữ",
    minority: "Dân tộc thiểu số",
    party: "Đảng viên",
    professional: "Trình độ chuyên môn",
    professionalLeaves: ["Tiến sĩ", "Thạc sĩ", "Đại học", "Cao đẳng", "Trung cấp", "Sơ cấp", "Chưa qua ĐT", "Không rõ"],
    political: "Lý luận chính trị",
    politicalLeaves: ["Cử nhân", "Cao cấp", "Trung cấp", "Sơ cấp", "Chưa qua ĐT", "Không rõ"],
    stateMgmt: "Quản lý nhà nước",
    stateMgmtLeaves: ["CVCC", "CVC", "CV", "Cán sự", "Chưa qua BD", "Không rõ"],
    age: "Độ tuổi",
    ageLeaves: ["Đến 30", "31 - 40", "41 - 50", "51 đến tuổi nghỉ hưu", "Trên tuổi nghỉ hưu"],
    shares: "Tỷ lệ",
    shareLeaves: ["Chuyên môn từ trung cấp", "Đã qua đào tạo LLCT", "Đã qua đào tạo QLNN"],
    concurrencyTitle: "IV. BỐ TRÍ KIÊM NHIỆM",
    concurrencyHeaders: ["STT", "Đơn vị", "Số thôn, TDP", "Bí thư chi bộ kiêm trưởng thôn, TDP", "Bí thư Đảng ủy kiêm Chủ tịch UBND", "Bí thư Đảng ủy kiêm Chủ tịch HĐND"],
    yes: "Có",
    no: "Không",
  },
} as const;

/** Vietnamese phrasing of actual against assigned, as offices write it: "19/23, thiếu 4 so với tỉnh giao". */
export function compareText(actual: number, assigned: number | undefined, whose: string): string | undefined {
  if (assigned === undefined) return undefined;
  const d = actual - assigned;
  if (d === 0) return `${actual}/${assigned}, đủ so với ${whose}`;
  return `${actual}/${assigned}, ${d < 0 ? "thiếu" : "thừa"} ${Math.abs(d)} so với ${whose}`;
}
