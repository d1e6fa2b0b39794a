/**
 * The text of every finding the engine emits, by rule id: Vietnamese first, English second.
 * Checks emit ids and parameters; messages are rendered here only (one place for all text).
 */
import type { FindingParams } from "./finding";
import type { Bilingual } from "../messages";

export interface RuleText {
  id: string;
  /** Short title, for legends and the README. */
  title: Bilingual;
  render: (p: FindingParams) => Bilingual;
  basis?: string;
}

const FIELD_VI: Record<string, string> = {
  professionalLevel: "trình độ chuyên môn",
  politicalTheory: "lý luận chính trị",
  stateManagement: "quản lý nhà nước",
  generalEducation: "trình độ văn hóa",
  gender: "giới tính",
  ethnicity: "dân tộc",
};
const FIELD_EN: Record<string, string> = {
  professionalLevel: "professional level",
  politicalTheory: "political theory",
  stateManagement: "state management",
  generalEducation: "general education",
  gender: "gender",
  ethnicity: "ethnicity",
};

const s = (v: unknown) => (v === undefined ? "" : String(v));

const RULES: RuleText[] = [
  {
    id: "data.missingName",
    title: { vi: "Thiếu họ tên", en: "Missing name" },
    render: () => ({ vi: "Dòng có dữ liệu nhưng thiếu họ và tên", en: "The row has data but no name" }),
  },
  {
    id: "data.invalidDate",
    title: { vi: "Ngày không hợp lệ", en: "Invalid date" },
    render: (p) =>
      p.reason === "impossible"
        ? { vi: `Ngày "${s(p.value)}" không có thật trên lịch (đọc theo ngày/tháng/năm)`, en: `"${s(p.value)}" is not a calendar date (read day/month/year)` }
        : { vi: `Không đọc được ngày "${s(p.value)}" (cần dạng ngày/tháng/năm, ví dụ 15/08/1985)`, en: `Cannot read "${s(p.value)}" as a date (expected day/month/year, e.g. 15/08/1985)` },
  },
  {
    id: "data.futureDate",
    title: { vi: "Ngày sinh ở tương lai", en: "Birth date in the future" },
    render: (p) => ({ vi: `Ngày sinh "${s(p.value)}" sau ngày báo cáo`, en: `Birth date "${s(p.value)}" is after the reporting date` }),
  },
  {
    id: "data.implausibleAge",
    title: { vi: "Tuổi bất thường", en: "Implausible age" },
    render: (p) => ({ vi: `Ngày sinh "${s(p.value)}" cho tuổi ${s(p.age)}, ngoài khoảng 16–80; kiểm tra lại`, en: `Birth date "${s(p.value)}" gives age ${s(p.age)}, outside 16–80; check it` }),
  },
  {
    id: "data.dateGuessed",
    title: { vi: "Ngày được đoán", en: "Date guessed" },
    render: (p) => {
      const many = p.count !== undefined;
      const cnt = many ? `${s(p.count)} ô ở cột này, ví dụ ` : "";
      const cntEn = many ? `${s(p.count)} cells in this column, e.g. ` : "";
      return p.form === "twoDigitYear"
        ? { vi: `Năm viết 2 chữ số (${cnt}"${s(p.value)}") đã được hiểu theo thế kỷ gần nhất`, en: `Two-digit years (${cntEn}"${s(p.value)}") were read in the nearest century` }
        : { vi: `Số không định dạng ngày (${cnt}"${s(p.value)}") đã được hiểu là ngày theo số sê-ri Excel`, en: `Numbers without a date format (${cntEn}"${s(p.value)}") were read as Excel date serials` };
    },
  },
  {
    id: "data.unrecognizedValue",
    title: { vi: "Giá trị không nhận ra", en: "Unrecognized value" },
    render: (p) => {
      const fv = FIELD_VI[s(p.field)] ?? s(p.field);
      const fe = FIELD_EN[s(p.field)] ?? s(p.field);
      const sugVi = p.suggestion ? `; có phải "${s(p.suggestion)}"?` : "";
      const sugEn = p.suggestion ? `; did you mean "${s(p.suggestion)}"?` : "";
      return { vi: `Không nhận ra ${fv} "${s(p.value)}"${sugVi}`, en: `Unrecognized ${fe} "${s(p.value)}"${sugEn}` };
    },
  },
  {
    id: "data.conflictingMarks",
    title: { vi: "Đánh dấu mâu thuẫn", en: "Conflicting marks" },
    render: (p) => ({ vi: `Đánh dấu ở nhiều cột loại trừ nhau (${s(p.group)}); đã lấy mức cao nhất`, en: `Marks in several mutually exclusive columns (${s(p.group)}); the highest level was taken` }),
  },
  {
    id: "data.unknownPosition",
    title: { vi: "Chức vụ không nhận ra", en: "Unrecognized position" },
    render: (p) => ({ vi: `Không nhận ra chức vụ, chức danh "${s(p.value)}"`, en: `Unrecognized position "${s(p.value)}"` }),
  },
  {
    id: "data.invalidIdNumber",
    title: { vi: "Số CCCD không hợp lệ", en: "Invalid ID number" },
    render: (p) => ({ vi: `Số CCCD/CMND "${s(p.value)}" không phải 12 (hoặc 9) chữ số`, en: `ID number "${s(p.value)}" is not 12 (or 9) digits` }),
  },
  {
    id: "data.unknownUnit",
    title: { vi: "Không rõ đơn vị", en: "Unit unknown" },
    render: () => ({ vi: "Không xác định được xã, phường, thị trấn của người này (không có cột đơn vị, dòng mục hay tiêu đề nêu đơn vị)", en: "Cannot tell this person's commune (no unit column, section row or title names it)" }),
  },
  {
    id: "data.ambiguousUnit",
    title: { vi: "Đơn vị không rõ ràng", en: "Ambiguous unit" },
    render: (p) => ({
      vi: `"${s(p.value)}" có thể là nhiều đơn vị (ví dụ thị trấn và xã cùng tên); hãy ghi rõ "Xã …", "Thị trấn …" hoặc "Phường …"`,
      en: `"${s(p.value)}" fits several units (e.g. a town and a commune of the same name); write "Xã …", "Thị trấn …" or "Phường …"`,
    }),
  },
  {
    id: "data.duplicatePerson",
    title: { vi: "Trùng người", en: "Duplicate person" },
    render: (p) => {
      const byVi = p.by === "idNumber" ? "cùng số CCCD" : "cùng họ tên và ngày sinh";
      const byEn = p.by === "idNumber" ? "same ID number" : "same name and birth date";
      return { vi: `Trùng với dòng ${s(p.otherRow)} của trang "${s(p.otherSheet)}" (${byVi})`, en: `Same person as row ${s(p.otherRow)} of sheet "${s(p.otherSheet)}" (${byEn})` };
    },
  },
  {
    id: "data.legacyEncoding",
    title: { vi: "Chữ mã cũ đã chuyển", en: "Legacy text decoded" },
    render: (p) => ({
      vi: `${s(p.count)} ô ở cột này viết bằng bảng mã ${s(p.encoding)}, đã đọc thành Unicode (ví dụ "${s(p.sample)}" → "${s(p.decoded)}"); tệp gốc không bị sửa`,
      en: `${s(p.count)} cells in this column are in ${s(p.encoding)}, read as Unicode (e.g. "${s(p.sample)}" → "${s(p.decoded)}"); the file is not changed`,
    }),
  },
  {
    id: "data.decomposedUnicode",
    title: { vi: "Unicode tổ hợp", en: "Decomposed Unicode" },
    render: (p) => ({
      vi: `${s(p.count)} ô ở cột này viết bằng Unicode tổ hợp, đã chuẩn hóa về Unicode dựng sẵn để so sánh`,
      en: `${s(p.count)} cells in this column are decomposed Unicode, normalized to composed form for matching`,
    }),
  },
  {
    id: "data.ambiguousEncoding",
    title: { vi: "Không rõ bảng mã", en: "Encoding unclear" },
    render: (p) => ({ vi: `Không chắc ô "${s(p.value)}" viết bằng bảng mã nào; đã giữ nguyên`, en: `Cannot tell the encoding of "${s(p.value)}"; left as is` }),
  },
  {
    id: "data.noRoster",
    title: { vi: "Không thấy danh sách", en: "No roster found" },
    render: () => ({ vi: "Không tìm thấy trang tính nào có danh sách cán bộ (cần dòng tiêu đề có \"Họ và tên\")", en: "No sheet holds a roster (a header row with \"Họ và tên\" is needed)" }),
  },
];

const BY_ID = new Map(RULES.map((r) => [r.id, r]));

/** The catalogue entry of a rule id. */
export function ruleText(id: string): RuleText | undefined {
  return BY_ID.get(id);
}

/** Every rule id with text, in catalogue order (for the README and the legend). */
export function allRuleTexts(): readonly RuleText[] {
  return RULES;
}

/** Render a finding's message in both languages. */
export function renderFinding(rule: string, params: FindingParams): Bilingual {
  const r = BY_ID.get(rule);
  if (!r) return { vi: `Phát hiện ${rule}`, en: `Finding ${rule}` };
  return r.render(params);
}
