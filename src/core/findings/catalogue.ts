/**
 * The text of every finding the engine emits, by rule id: Vietnamese first, English second.
 * Checks emit ids and parameters; messages are rendered here only (one place for all text).
 */
import type { FindingParams } from "./finding";
import type { Bilingual } from "../messages";
import { TITLES } from "../reader/titles";
import { GENERAL_EDUCATION_LABELS } from "../text/vocab/generalEducation";
import { POLITICAL_THEORY_LABELS } from "../text/vocab/politicalTheory";
import { PROFESSIONAL_LABELS } from "../text/vocab/professional";
import { STATE_MANAGEMENT_LABELS } from "../text/vocab/stateManagement";

export interface RuleText {
  id: string;
  /** Short title, for legends and the README. */
  title: Bilingual;
  render: (p: FindingParams) => Bilingual;
  basis?: string;
}

const FIELD_VI: Record<string, string> = {
  birthDate: "ngày sinh",
  position: "chức vụ, chức danh",
  idNumber: "số CCCD/CMND",
  positionSince: "ngày giữ chức vụ",
  partyJoinDate: "ngày vào Đảng",
  termNumber: "nhiệm kỳ",
  professionalField: "chuyên ngành",
  professionalLevel: "trình độ chuyên môn",
  politicalTheory: "lý luận chính trị",
  stateManagement: "quản lý nhà nước",
  generalEducation: "trình độ văn hóa",
  gender: "giới tính",
  ethnicity: "dân tộc",
};
const FIELD_EN: Record<string, string> = {
  birthDate: "birth date",
  position: "position",
  idNumber: "ID number",
  positionSince: "date of appointment",
  partyJoinDate: "party joining date",
  termNumber: "term",
  professionalField: "field of training",
  professionalLevel: "professional level",
  politicalTheory: "political theory",
  stateManagement: "state management",
  generalEducation: "general education",
  gender: "gender",
  ethnicity: "ethnicity",
};

const s = (v: unknown) => (v === undefined ? "" : String(v));
/** "15/08/1985", "08/1985", "1985" from an ISO (partial) date. */
const dayVi = (iso: unknown): string => s(iso).split("-").reverse().join("/");

const RULES: RuleText[] = [
  {
    id: "data.missingName",
    title: { vi: "Thiếu họ tên", en: "Missing name" },
    render: () => ({ vi: "Dòng có dữ liệu nhưng thiếu họ và tên", en: "The row has data but no name" }),
  },
  {
    id: "data.invalidDate",
    title: { vi: "Ngày không hợp lệ", en: "Invalid date" },
    render: (p) => {
      const which = p.field === "positionSince" ? { vi: "Ngày giữ chức vụ: ", en: "Date of appointment: " } : { vi: "", en: "" };
      const text =
        p.reason === "impossible"
          ? { vi: `Ngày "${s(p.value)}" không có thật trên lịch (đọc theo ngày/tháng/năm)`, en: `"${s(p.value)}" is not a calendar date (read day/month/year)` }
          : { vi: `Không đọc được ngày "${s(p.value)}" (cần dạng ngày/tháng/năm, ví dụ 15/08/1985)`, en: `Cannot read "${s(p.value)}" as a date (expected day/month/year, e.g. 15/08/1985)` };
      const lower = (t: string) => (which.vi === "" ? t : t.charAt(0).toLowerCase() + t.slice(1));
      return { vi: which.vi + lower(text.vi), en: which.en + lower(text.en) };
    },
  },
  {
    id: "data.futureDate",
    title: { vi: "Ngày sinh ở tương lai", en: "Birth date in the future" },
    render: (p) =>
      p.field === "positionSince"
        ? { vi: `Ngày giữ chức vụ "${s(p.value)}" sau ngày báo cáo`, en: `Date of appointment "${s(p.value)}" is after the reporting date` }
        : { vi: `Ngày sinh "${s(p.value)}" sau ngày báo cáo`, en: `Birth date "${s(p.value)}" is after the reporting date` },
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
      const count = p.sameUnit ? { vi: "; chỉ đếm một lần", en: "; counted once" } : { vi: "; ở đơn vị khác", en: "; in another unit" };
      return { vi: `Trùng với dòng ${s(p.otherRow)} của trang "${s(p.otherSheet)}" (${byVi})${count.vi}`, en: `Same person as row ${s(p.otherRow)} of sheet "${s(p.otherSheet)}" (${byEn})${count.en}` };
    },
  },
  {
    id: "data.possibleDuplicate",
    title: { vi: "Có thể trùng người", en: "Possible duplicate" },
    render: (p) =>
      p.sameUnit
        ? {
            vi: `Có thể trùng với dòng ${s(p.otherRow)} của trang "${s(p.otherSheet)}" (cùng họ tên, ngày sinh ${dayVi(p.birth)} và ${dayVi(p.otherBirth)} không đủ để khẳng định); vẫn đếm riêng, cần kiểm tra lại`,
            en: `Possibly the same person as row ${s(p.otherRow)} of sheet "${s(p.otherSheet)}" (same name; birth dates ${s(p.birth)} and ${s(p.otherBirth)} are not full); counted separately, check it`,
          }
        : {
            vi: `Có thể trùng với dòng ${s(p.otherRow)} của trang "${s(p.otherSheet)}" ở đơn vị khác (cùng họ tên và ngày sinh ${dayVi(p.birth)}); cần kiểm tra lại`,
            en: `Possibly the same person as row ${s(p.otherRow)} of sheet "${s(p.otherSheet)}" in another unit (same name and birth date ${s(p.birth)}); check it`,
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

// ---- Rule sets, quotas and posts (issue 4). Figures are quoted the way offices do: "19/23, thiếu 4 so với tỉnh giao".
const GROUP_VI: Record<string, string> = { cadreAndCivilServant: "Cán bộ, công chức", nonSpecializedCommune: "Người hoạt động không chuyên trách cấp xã", nonSpecializedVillage: "Người hoạt động không chuyên trách ở thôn, tổ dân phố" };
const GROUP_EN: Record<string, string> = { cadreAndCivilServant: "Cadres and civil servants", nonSpecializedCommune: "Commune-level non-specialized workers", nonSpecializedVillage: "Village-level non-specialized workers" };
const LEVEL_VI: Record<string, string> = { province: "tỉnh giao", district: "huyện giao" };
const LEVEL_EN: Record<string, string> = { province: "the province's figure", district: "the district's figure" };
const CATEGORY_VI: Record<string, string> = { cadre: "cán bộ", civilServant: "công chức", nonSpecializedCommune: "người hoạt động không chuyên trách cấp xã", nonSpecializedVillage: "người hoạt động không chuyên trách ở thôn, tổ dân phố" };
const CATEGORY_EN: Record<string, string> = { cadre: "cadre", civilServant: "civil servant", nonSpecializedCommune: "commune-level non-specialized worker", nonSpecializedVillage: "village-level non-specialized worker" };
const TITLE_EN: Record<string, string> = {
  committeeChair: "People's Committee chair", councilChair: "People's Council chair", committeeViceChair: "People's Committee vice-chair", councilViceChair: "People's Council vice-chair",
  militaryCommander: "military commander", policeChief: "commune police chief", officeStatistics: "office-statistics officer", landConstruction: "land administration officer",
  financeAccounting: "finance-accounting officer", justiceCivilStatus: "justice-civil status officer", cultureSociety: "culture-society officer", farmersUnionChair: "Farmers' Union chair",
};
const titleVi = (id: unknown): string => TITLES.find((t) => t.id === id)?.nameVi ?? s(id);
const titleEn = (id: unknown): string => TITLE_EN[s(id)] ?? titleVi(id);
/** "xã loại II", or the largest figure when the class is not known. */
function classText(p: FindingParams): Bilingual {
  if (p.classUnknown || p.cls === undefined) return { vi: "chưa rõ loại đơn vị, so với mức cao nhất", en: "class unknown, against the highest figure" };
  return { vi: `${s(p.kind ?? "đơn vị")} loại ${s(p.cls)}`, en: `class ${s(p.cls)} ${s(p.kind ?? "unit")}` };
}

const QUOTA_POSITION_RULES: RuleText[] = [
  {
    id: "quota.shortage",
    title: { vi: "Thiếu so với số được giao", en: "Short of the assigned figure" },
    render: (p) => ({
      vi: `${GROUP_VI[s(p.group)]}: ${s(p.staff)}/${s(p.figure)}, thiếu ${s(p.diff)} so với ${LEVEL_VI[s(p.level)]}`,
      en: `${GROUP_EN[s(p.group)]}: ${s(p.staff)}/${s(p.figure)}, ${s(p.diff)} short of ${LEVEL_EN[s(p.level)]}`,
    }),
  },
  {
    id: "quota.excess",
    title: { vi: "Vượt số được giao", en: "Above the assigned figure" },
    render: (p) => ({
      vi: `${GROUP_VI[s(p.group)]}: ${s(p.staff)}/${s(p.figure)}, vượt ${s(p.diff)} so với ${LEVEL_VI[s(p.level)]}`,
      en: `${GROUP_EN[s(p.group)]}: ${s(p.staff)}/${s(p.figure)}, ${s(p.diff)} over ${LEVEL_EN[s(p.level)]}`,
    }),
  },
  {
    id: "quota.overCap",
    title: { vi: "Vượt số lượng tối đa", en: "Above the maximum" },
    render: (p) => {
      const c = classText(p);
      const why = p.fromUnit
        ? { vi: "của đơn vị (trang định biên)", en: "of the unit (quota sheet)" }
        : Number(p.increments) > 0
          ? { vi: `(${c.vi}: ${s(p.base)} + ${s(p.increments)} tăng thêm theo dân số, diện tích)`, en: `(${c.en}: ${s(p.base)} + ${s(p.increments)} for population and area)` }
          : { vi: `(${c.vi})`, en: `(${c.en})` };
      const tentative = p.tentative ? { vi: "; số tăng thêm tính theo chuẩn chưa được xác nhận, cần kiểm tra lại", en: "; the increments use unconfirmed standards, check them" } : { vi: "", en: "" };
      return {
        vi: `${GROUP_VI[s(p.group)]}: ${s(p.staff)}/${s(p.cap)}, vượt ${s(p.diff)} so với số lượng tối đa ${why.vi}${tentative.vi}`,
        en: `${GROUP_EN[s(p.group)]}: ${s(p.staff)}/${s(p.cap)}, ${s(p.diff)} over the maximum ${why.en}${tentative.en}`,
      };
    },
  },
  {
    id: "quota.overBaseCap",
    title: { vi: "Vượt số lượng tối đa cơ bản", en: "Above the base maximum" },
    render: (p) => {
      const c = classText(p);
      const missVi = [p.population === undefined ? "dân số" : "", p.area === undefined ? "diện tích" : ""].filter((x) => x !== "");
      const missEn = [p.population === undefined ? "population" : "", p.area === undefined ? "area" : ""].filter((x) => x !== "");
      const vi = missVi.length > 0 ? `chưa có ${missVi.join(" và ")} trên trang định biên` : "chưa có chuẩn tính tăng thêm cho loại đơn vị này";
      const en = missEn.length > 0 ? `the quota sheet gives no ${missEn.join(" or ")}` : "the rule set has no increment standard for this kind of unit";
      return {
        vi: `${GROUP_VI[s(p.group)]}: ${s(p.staff)}/${s(p.cap)}, vượt ${s(p.diff)} so với số lượng tối đa cơ bản (${c.vi}); ${vi} để tính số được tăng thêm, cần kiểm tra lại`,
        en: `${GROUP_EN[s(p.group)]}: ${s(p.staff)}/${s(p.cap)}, ${s(p.diff)} over the base maximum (${c.en}); ${en} to compute the increments, check it`,
      };
    },
  },
  {
    id: "quota.villageOverCap",
    title: { vi: "Quá số người ở thôn", en: "Too many village workers" },
    render: (p) =>
      p.village !== undefined
        ? { vi: `${s(p.village)}: ${s(p.staff)} người hoạt động không chuyên trách, vượt ${s(p.diff)} so với tối đa ${s(p.cap)} người mỗi thôn, tổ dân phố`, en: `${s(p.village)}: ${s(p.staff)} non-specialized workers, ${s(p.diff)} over the maximum of ${s(p.cap)} per village` }
        : { vi: `${GROUP_VI.nonSpecializedVillage}: ${s(p.staff)}/${s(p.cap)} (${s(p.villages)} thôn × ${s(p.perVillage)}), vượt ${s(p.diff)}`, en: `${GROUP_EN.nonSpecializedVillage}: ${s(p.staff)}/${s(p.cap)} (${s(p.villages)} villages × ${s(p.perVillage)}), ${s(p.diff)} over` },
  },
  {
    id: "position.missingMandatory",
    title: { vi: "Thiếu chức vụ bắt buộc", en: "Mandatory post missing" },
    render: (p) => {
      const left = p.leftName !== undefined ? { vi: ` (${s(p.leftName)}, trang "${s(p.leftSheet)}" dòng ${s(p.leftRow)}, đã nghỉ)`, en: ` (${s(p.leftName)}, sheet "${s(p.leftSheet)}" row ${s(p.leftRow)}, has left)` } : { vi: "", en: "" };
      return { vi: `${s(p.unitName)} không có ${titleVi(p.titleId)} đang công tác trong danh sách${left.vi}`, en: `${s(p.unitName)} lists no serving ${titleEn(p.titleId)}${left.en}` };
    },
  },
  {
    id: "position.tooManyDeputies",
    title: { vi: "Quá số cấp phó", en: "Too many deputies" },
    render: (p) => {
      const c = classText(p);
      const why = p.fromUnit ? { vi: "số được phân bổ trên trang định biên", en: "the number allocated on the quota sheet" } : c;
      const tentative = p.tentative ? { vi: "; mức này chưa được xác nhận, cần kiểm tra lại", en: "; this cap is unconfirmed, check it" } : { vi: "", en: "" };
      return {
        vi: `${s(p.unitName)} có ${s(p.holders)} ${titleVi(p.titleId)}, vượt ${s(p.diff)} so với tối đa ${s(p.cap)} (${why.vi})${tentative.vi}`,
        en: `${s(p.unitName)} has ${s(p.holders)} ${titleEn(p.titleId)}s, ${s(p.diff)} over the maximum of ${s(p.cap)} (${why.en})${tentative.en}`,
      };
    },
  },
  {
    id: "position.deputiesAboveAverage",
    title: { vi: "Bình quân cấp phó cao", en: "Deputies above the average" },
    render: (p) => ({
      vi: `Bình quân ${s(p.average)} ${titleVi(p.titleId)} mỗi đơn vị (${s(p.total)} người, ${s(p.units)} đơn vị), cao hơn mức bình quân ${s(p.cap)} của toàn tỉnh`,
      en: `On average ${s(p.average)} ${titleEn(p.titleId)}s per unit (${s(p.total)} in ${s(p.units)} units), above the province-wide average of ${s(p.cap)}`,
    }),
  },
  {
    id: "position.tooManyHolders",
    title: { vi: "Quá số người giữ chức danh", en: "Too many holders of a title" },
    render: (p) => ({
      vi: `${s(p.unitName)} có ${s(p.holders)} người giữ chức danh ${titleVi(p.titleId)}; chỉ được ${s(p.cap)}`,
      en: `${s(p.unitName)} has ${s(p.holders)} holders of the title ${titleEn(p.titleId)}; ${s(p.cap)} allowed`,
    }),
  },
  {
    id: "position.abolishedTitle",
    title: { vi: "Chức danh không còn", en: "Title abolished" },
    render: (p) => ({
      vi: `"${s(p.written ?? titleVi(p.titleId))}": từ ${dayVi(p.since)}, ${titleVi(p.titleId)} không còn là chức danh cán bộ, công chức cấp xã`,
      en: `"${s(p.written ?? titleEn(p.titleId))}": from ${dayVi(p.since)}, the ${titleEn(p.titleId)} is no longer a commune cadre or civil-servant title`,
    }),
  },
  {
    id: "position.abolishedCategory",
    title: { vi: "Nhóm không còn", en: "Category ended" },
    render: (p) => ({
      vi: `${s(p.unitName)} còn ${s(p.count)} ${CATEGORY_VI[s(p.category)]} trong danh sách; chế độ này chấm dứt từ ${dayVi(p.since)}`,
      en: `${s(p.unitName)} still lists ${s(p.count)} ${CATEGORY_EN[s(p.category)]}(s); the category ended on ${dayVi(p.since)}`,
    }),
  },
  {
    id: "position.categoryMismatch",
    title: { vi: "Xếp sai nhóm", en: "Listed in the wrong category" },
    render: (p) => ({
      vi: `"${s(p.title)}" là chức danh ${CATEGORY_VI[s(p.titleCategory)]} nhưng được xếp vào nhóm ${CATEGORY_VI[s(p.listed)]}`,
      en: `"${s(p.title)}" is a ${CATEGORY_EN[s(p.titleCategory)]} title but is listed as ${CATEGORY_EN[s(p.listed)]}`,
    }),
  },
  {
    id: "file.checkFailed",
    title: { vi: "Phần kiểm tra bị lỗi", en: "Check failed" },
    render: (p) => ({ vi: `Không chạy được phần kiểm tra "${s(p.check)}" (${s(p.reason)}); kết quả thiếu phần này`, en: `Check "${s(p.check)}" failed (${s(p.reason)}); its results are missing` }),
  },
  {
    id: "file.ruleConfig",
    title: { vi: "Quy định không dùng được", en: "Rule value unusable" },
    render: (p) => ({
      vi: `Bỏ qua phần kiểm tra "${s(p.check)}": giá trị "${s(p.path)}" của quy tắc ${s(p.ruleId)} không dùng được (${s(p.reason)})`,
      en: `Check "${s(p.check)}" skipped: value "${s(p.path)}" of rule ${s(p.ruleId)} cannot be used (${s(p.reason)})`,
    }),
  },
  {
    id: "file.regimeMismatch",
    title: { vi: "Ngày ngoài thời gian áp dụng", en: "Date outside the rule set" },
    render: (p) => ({
      vi: `Ngày báo cáo ${dayVi(p.asOf)} nằm ngoài thời gian áp dụng của bộ quy định ${s(p.ruleSet)} (${dayVi(p.from)}–${p.to ? dayVi(p.to) : "nay"}); các giá trị được lấy theo ngày ${dayVi(p.date)}`,
      en: `The reporting date ${s(p.asOf)} is outside rule set ${s(p.ruleSet)} (${s(p.from)} to ${p.to ? s(p.to) : "now"}); its values were taken as of ${s(p.date)}`,
    }),
  },
  {
    id: "data.invalidSetting",
    title: { vi: "Dòng quy định không dùng được", en: "Unusable setting" },
    render: (p) => ({ vi: `Không dùng được dòng quy định "${s(p.key)}" = "${s(p.value)}": ${s(p.reasonVi)}`, en: `Setting "${s(p.key)}" = "${s(p.value)}" cannot be used: ${s(p.reasonEn)}` }),
  },
];
RULES.push(...QUOTA_POSITION_RULES);

// ---- Standards, retirement, rotation, concurrency and data quality (issue 5). Messages name the rule's values and the person's.
const LEVEL_LABELS_VI: Record<string, Record<string, string>> = { generalEducation: GENERAL_EDUCATION_LABELS, professionalLevel: PROFESSIONAL_LABELS, politicalTheory: POLITICAL_THEORY_LABELS, stateManagement: STATE_MANAGEMENT_LABELS };
const LEVEL_LABELS_EN: Record<string, Record<string, string>> = {
  generalEducation: { primary: "primary", lowerSecondary: "lower secondary", upperSecondary: "upper secondary" },
  professionalLevel: { none: "no training", elementary: "elementary", intermediate: "intermediate", college: "college", university: "university", master: "master's", doctor: "doctorate" },
  politicalTheory: { none: "no training", elementary: "elementary", intermediate: "intermediate", advanced: "advanced", bachelor: "bachelor" },
  stateManagement: { none: "no training", staff: "staff (cán sự)", specialist: "specialist", principalSpecialist: "principal specialist", seniorSpecialist: "senior specialist" },
};
const levelVi = (field: unknown, v: unknown): string => LEVEL_LABELS_VI[s(field)]?.[s(v)] ?? s(v);
const levelEn = (field: unknown, v: unknown): string => LEVEL_LABELS_EN[s(field)]?.[s(v)] ?? s(v);
/** The post a requirement comes from: a title, or a whole category. */
const holderVi = (p: FindingParams): string => (p.titleId !== undefined ? titleVi(p.titleId) : CATEGORY_VI[s(p.category)] ?? "");
const holderEn = (p: FindingParams): string => (p.titleId !== undefined ? titleEn(p.titleId) : CATEGORY_EN[s(p.category)] ?? "");
/** "60 tuổi 9 tháng" of an age in months. */
const ageVi = (months: unknown): string => {
  const m = Number(months);
  return m % 12 === 0 ? `${Math.floor(m / 12)} tuổi` : `${Math.floor(m / 12)} tuổi ${m % 12} tháng`;
};
const ageEn = (months: unknown): string => {
  const m = Number(months);
  return m % 12 === 0 ? `${Math.floor(m / 12)}` : `${Math.floor(m / 12)}y${m % 12}m`;
};
const SEX_VI: Record<string, string> = { male: "nam", female: "nữ" };
const SEX_EN: Record<string, string> = { male: "man", female: "woman" };
const monthVi = (iso: unknown): string => s(iso).slice(0, 7).split("-").reverse().join("/");
/** "8 năm 2 tháng" of a number of months. */
const spanVi = (months: unknown): string => {
  const m = Number(months);
  const y = Math.floor(m / 12);
  return y === 0 ? `${m} tháng` : m % 12 === 0 ? `${y} năm` : `${y} năm ${m % 12} tháng`;
};

/** Shortfall, missing or unreadable value, or a sheet without the column, for the four level standards. */
function standardText(p: FindingParams): Bilingual {
  const fv = FIELD_VI[s(p.field)];
  const fe = FIELD_EN[s(p.field)];
  const need = { vi: `${levelVi(p.field, p.need)} trở lên`, en: `${levelEn(p.field, p.need)} or above` };
  const area = p.difficultArea ? { vi: " (mức của đơn vị miền núi, vùng khó khăn)", en: " (the level for a difficult area)" } : { vi: "", en: "" };
  if (p.missingColumn) {
    return { vi: `Trang không có cột ${fv}: không có dữ liệu để kiểm tra tiêu chuẩn của ${s(p.persons)} người`, en: `The sheet has no ${fe} column: no data to check the standard of ${s(p.persons)} people` };
  }
  if (p.missing) {
    return p.written !== undefined
      ? { vi: `Không đọc được ${fv} "${s(p.written)}": không có dữ liệu để kiểm tra tiêu chuẩn ${holderVi(p)} (cần ${need.vi}${area.vi})`, en: `Cannot read ${fe} "${s(p.written)}": no data to check the standard for ${holderEn(p)} (needs ${need.en}${area.en})` }
      : { vi: `Không có dữ liệu ${fv} để kiểm tra tiêu chuẩn ${holderVi(p)} (cần ${need.vi}${area.vi})`, en: `No ${fe} data to check the standard for ${holderEn(p)} (needs ${need.en}${area.en})` };
  }
  const transition =
    p.transitionUntil === undefined
      ? { vi: "", en: "" }
      : p.transition === "within"
        ? { vi: `; còn trong thời hạn đạt chuẩn đến ${dayVi(p.transitionUntil)}`, en: `; within the period to meet it, until ${s(p.transitionUntil)}` }
        : { vi: `; đã hết thời hạn đạt chuẩn ${dayVi(p.transitionUntil)}`, en: `; the period to meet it ended on ${s(p.transitionUntil)}` };
  const tentative = p.tentative ? { vi: "; tiêu chuẩn này chưa được xác nhận cho giai đoạn này, cần kiểm tra lại", en: "; this standard is unconfirmed for the period, check it" } : { vi: "", en: "" };
  return {
    vi: `${holderVi(p)}: ${fv} "${s(p.written ?? levelVi(p.field, p.have))}" (${levelVi(p.field, p.have)}) chưa đạt tiêu chuẩn ${need.vi}${area.vi}${transition.vi}${tentative.vi}`,
    en: `${holderEn(p)}: ${fe} "${s(p.written ?? levelEn(p.field, p.have))}" (${levelEn(p.field, p.have)}) is below the standard, ${need.en}${area.en}${transition.en}${tentative.en}`,
  };
}

const STANDARDS_RULES: RuleText[] = [
  { id: "qualification.generalEducation", title: { vi: "Chưa đạt chuẩn trình độ văn hóa", en: "General education below standard" }, render: standardText },
  { id: "qualification.professionalLevel", title: { vi: "Chưa đạt chuẩn trình độ chuyên môn", en: "Professional level below standard" }, render: standardText },
  {
    id: "qualification.professionalField",
    title: { vi: "Chuyên ngành không phù hợp", en: "Field of training not matching" },
    render: (p) => {
      if (p.missing) return { vi: `Không có dữ liệu chuyên ngành để kiểm tra ${titleVi(p.titleId)} (ngành phù hợp: ${s(p.fields)})`, en: `No field-of-training data to check the ${titleEn(p.titleId)} (matching fields: ${s(p.fields)})` };
      const tentative = p.tentative ? { vi: "; danh sách ngành phù hợp chưa được xác nhận, cần kiểm tra lại", en: "; the list of matching fields is unconfirmed, check it" } : { vi: "", en: "" };
      return {
        vi: `${titleVi(p.titleId)}: chuyên ngành "${s(p.value)}" không thuộc các ngành phù hợp (${s(p.fields)})${tentative.vi}`,
        en: `${titleEn(p.titleId)}: field "${s(p.value)}" is not among the matching fields (${s(p.fields)})${tentative.en}`,
      };
    },
  },
  { id: "qualification.politicalTheory", title: { vi: "Chưa đạt chuẩn lý luận chính trị", en: "Political theory below standard" }, render: standardText },
  { id: "qualification.stateManagement", title: { vi: "Chưa đạt chuẩn quản lý nhà nước", en: "State management below standard" }, render: standardText },
  {
    id: "retirement.pastAge",
    title: { vi: "Quá tuổi nghỉ hưu", en: "Past retirement age" },
    render: (p) => ({
      vi: `Đã quá tuổi nghỉ hưu: ${SEX_VI[s(p.sex)]} sinh ${dayVi(p.birth)}, tuổi nghỉ hưu ${ageVi(p.age)} (đủ tuổi tháng ${monthVi(p.retires)}), nghỉ hưu từ hết ngày ${dayVi(p.retires)}, hưởng lương hưu từ tháng ${monthVi(p.pensionFrom)}`,
      en: `Past retirement age: ${SEX_EN[s(p.sex)]} born ${s(p.birth)}, retirement age ${ageEn(p.age)}, retired at the end of ${s(p.retires)} (pension from ${s(p.pensionFrom).slice(0, 7)})`,
    }),
  },
  {
    id: "retirement.soon",
    title: { vi: "Sắp đến tuổi nghỉ hưu", en: "Retiring soon" },
    render: (p) => ({
      vi: `Đến tuổi nghỉ hưu trong ${s(p.within)} tháng tới: ${SEX_VI[s(p.sex)]} sinh ${dayVi(p.birth)}, tuổi nghỉ hưu ${ageVi(p.age)}, nghỉ hưu từ hết ngày ${dayVi(p.retires)}, hưởng lương hưu từ tháng ${monthVi(p.pensionFrom)}`,
      en: `Reaches retirement age within ${s(p.within)} months: ${SEX_EN[s(p.sex)]} born ${s(p.birth)}, retirement age ${ageEn(p.age)}, retires at the end of ${s(p.retires)} (pension from ${s(p.pensionFrom).slice(0, 7)})`,
    }),
  },
  {
    id: "retirement.appointedLate",
    title: { vi: "Giữ chức vụ khi không đủ một nhiệm kỳ", en: "Appointed with less than a term left" },
    render: (p) => ({
      vi: `${titleVi(p.titleId)} giữ chức vụ từ ${dayVi(p.since)} khi chỉ còn ${spanVi(p.left)} đến tuổi nghỉ hưu (nghỉ hưu từ hết ngày ${dayVi(p.retires)}); lần đầu giữ chức vụ cần còn ít nhất ${s(p.min)} tháng (một nhiệm kỳ)`,
      en: `${titleEn(p.titleId)} in post since ${s(p.since)} with only ${s(p.left)} months left before retirement (${s(p.retires)}); a first appointment needs at least ${s(p.min)} months (one term)`,
    }),
  },
  {
    id: "rotation.headTerms",
    title: { vi: "Giữ chức vụ đứng đầu hai nhiệm kỳ", en: "Head post held two terms" },
    render: (p) => {
      const held = p.months !== undefined ? { vi: `giữ chức vụ từ ${dayVi(p.since)} (${spanVi(p.months)} liên tục)`, en: `in post since ${s(p.since)} (${s(p.months)} months)` } : { vi: "", en: "" };
      const term = p.term !== undefined ? { vi: `nhiệm kỳ thứ ${s(p.term)}`, en: `term ${s(p.term)}` } : { vi: "", en: "" };
      const what = { vi: [held.vi, term.vi].filter((x) => x !== "").join(", "), en: [held.en, term.en].filter((x) => x !== "").join(", ") };
      return p.stage === "second"
        ? { vi: `${titleVi(p.titleId)} đang ở nhiệm kỳ thứ hai: ${what.vi}; đủ ${spanVi(p.limit)} liên tục là đủ hai nhiệm kỳ`, en: `${titleEn(p.titleId)} in the second term: ${what.en}; ${s(p.limit)} months make two full terms` }
        : { vi: `${titleVi(p.titleId)} ${what.vi}: đủ hai nhiệm kỳ liên tiếp, đề nghị luân chuyển`, en: `${titleEn(p.titleId)} ${what.en}: two full consecutive terms, rotation proposed` };
    },
  },
  {
    id: "rotation.periodicChange",
    title: { vi: "Đến hạn chuyển đổi vị trí công tác", en: "Due for periodic rotation" },
    render: (p) => {
      const left = p.left !== undefined ? { vi: `; còn ${spanVi(p.left)} đến tuổi nghỉ hưu`, en: `; ${s(p.left)} months before retirement` } : { vi: "", en: "" };
      return {
        vi: `${titleVi(p.titleId)} ở cùng vị trí từ ${dayVi(p.since)} (${spanVi(p.months)}), đủ thời hạn định kỳ chuyển đổi vị trí công tác ${s(p.cycle)} tháng${left.vi}`,
        en: `${titleEn(p.titleId)} in the same post since ${s(p.since)} (${s(p.months)} months), at or past the ${s(p.cycle)}-month rotation cycle${left.en}`,
      };
    },
  },
  {
    id: "concurrency.villageSecretaryIsHead",
    title: { vi: "Bí thư chi bộ kiêm trưởng thôn", en: "Cell secretary is village head" },
    render: (p) => ({
      vi: `${s(p.unitName)}: Bí thư Chi bộ đồng thời là Trưởng thôn (Tổ trưởng tổ dân phố) ở ${s(p.merged)}/${s(p.villages)} thôn, tổ dân phố`,
      en: `${s(p.unitName)}: the party cell secretary is also the village head in ${s(p.merged)}/${s(p.villages)} villages`,
    }),
  },
  {
    id: "concurrency.secretaryIsCommitteeChair",
    title: { vi: "Bí thư kiêm Chủ tịch UBND", en: "Party secretary is committee chair" },
    render: (p) => ({ vi: `${s(p.unitName)}: Bí thư Đảng ủy đồng thời là Chủ tịch UBND`, en: `${s(p.unitName)}: the party secretary is also the People's Committee chair` }),
  },
  {
    id: "concurrency.secretaryIsCouncilChair",
    title: { vi: "Bí thư kiêm Chủ tịch HĐND", en: "Party secretary is council chair" },
    render: (p) => ({ vi: `${s(p.unitName)}: Bí thư Đảng ủy đồng thời là Chủ tịch HĐND`, en: `${s(p.unitName)}: the party secretary is also the People's Council chair` }),
  },
  {
    id: "data.implausibleAge",
    title: { vi: "Tuổi bất thường", en: "Implausible age" },
    render: (p) => ({
      vi: `Ngày sinh "${s(p.value)}" cho tuổi ${s(p.age)} vào ngày báo cáo, ngoài khoảng ${s(p.min)}–${s(p.max)} tuổi; kiểm tra lại`,
      en: `Birth date "${s(p.value)}" gives age ${s(p.age)} on the reporting date, outside ${s(p.min)}–${s(p.max)}; check it`,
    }),
  },
  {
    id: "data.missingValue",
    title: { vi: "Thiếu giá trị bắt buộc", en: "Required value missing" },
    render: (p) =>
      p.missingColumn
        ? { vi: `Trang không có cột ${FIELD_VI[s(p.field)] ?? s(p.field)}: ${s(p.persons)} người không có giá trị này`, en: `The sheet has no ${FIELD_EN[s(p.field)] ?? s(p.field)} column: ${s(p.persons)} people lack it` }
        : { vi: `Thiếu ${FIELD_VI[s(p.field)] ?? s(p.field)} (không có dữ liệu)`, en: `${FIELD_EN[s(p.field)] ?? s(p.field)} missing (no data)` },
  },
];
RULES.push(...STANDARDS_RULES);

// ---- Consolidation across files (issue 11): whole-file and cross-file findings of `consolidate`.
const CONSOLIDATE_RULES: RuleText[] = [
  {
    id: "file.unreadable",
    title: { vi: "Tệp không đọc được", en: "File unreadable" },
    render: (p) => ({ vi: `${s(p.reasonVi)} — tệp "${s(p.name)}" không có trong bảng tổng hợp`, en: `${s(p.reasonEn)} — "${s(p.name)}" is not in the consolidated summary` }),
  },
  {
    id: "file.duplicateUnit",
    title: { vi: "Đơn vị có trong nhiều tệp", en: "Unit in several files" },
    render: (p) => {
      const quota = p.quotaDiffers ? { vi: `; số được giao khác nhau giữa các tệp, đã dùng số của tệp "${s(p.firstFile)}"`, en: `; the files give different assigned figures, those of "${s(p.firstFile)}" are used` } : { vi: "", en: "" };
      return {
        vi: `${s(p.unitName)} có trong ${s(p.count)} tệp (${s(p.files)}); số người của các tệp được cộng lại, cần kiểm tra xem có gửi trùng không${quota.vi}`,
        en: `${s(p.unitName)} is in ${s(p.count)} files (${s(p.files)}); their people are added together, check that none was sent twice${quota.en}`,
      };
    },
  },
  {
    id: "file.duplicatePerson",
    title: { vi: "Trùng người giữa các tệp", en: "Same person in several files" },
    render: (p) => {
      const by = p.by === "idNumber" ? { vi: "cùng số CCCD", en: "same ID number" } : { vi: `cùng họ tên và ngày sinh ${dayVi(p.birth)}`, en: `same name and birth date ${s(p.birth)}` };
      const where = p.sameUnit
        ? { vi: "cùng đơn vị, nên được đếm hai lần trong bảng tổng hợp", en: "the same unit, so counted twice in the summary" }
        : { vi: `ở đơn vị khác (${s(p.otherUnit)})`, en: `in another unit (${s(p.otherUnit)})` };
      return {
        vi: `Trùng với dòng ${s(p.otherRow)} trang "${s(p.otherSheet)}" của tệp "${s(p.otherFile)}" (${by.vi}), ${where.vi}`,
        en: `Same person as row ${s(p.otherRow)} of sheet "${s(p.otherSheet)}" in file "${s(p.otherFile)}" (${by.en}), ${where.en}`,
      };
    },
  },
  {
    id: "file.missingUnit",
    title: { vi: "Đơn vị chưa gửi danh sách", en: "Unit without a roster" },
    render: (p) => ({
      vi: `${s(p.unitName)} có trong tệp định biên "${s(p.quotaFile)}" nhưng không có trong tệp danh sách nào đã nhận`,
      en: `${s(p.unitName)} is in the quota file "${s(p.quotaFile)}" but in none of the rosters received`,
    }),
  },
];
RULES.push(...CONSOLIDATE_RULES);

// ---- Training lists (issue 12).
const TRAINING_REASON: Record<string, Bilingual> = {
  notFound: { vi: "không có người nào trong danh sách cán bộ trùng họ tên (cùng đơn vị, ngày sinh hoặc chức danh)", en: "nobody in the roster has this name (in this unit, with this birth date or title)" },
  ambiguous: { vi: "có nhiều người phù hợp", en: "several people fit" },
  noUnit: { vi: "dòng này không cho biết đơn vị", en: "the row gives no unit" },
  noBirthDateOrTitle: { vi: "dòng này không có ngày sinh hoặc chức danh để phân biệt", en: "the row has no birth date or title to tell people apart" },
};
RULES.push({
  id: "training.unlinked",
  title: { vi: "Không xác định được người được đào tạo", en: "Trainee not linked to the roster" },
  render: (p) => {
    const r = TRAINING_REASON[s(p.reason)] ?? TRAINING_REASON.notFound;
    const n = p.reason === "ambiguous" || (p.reason !== "notFound" && Number(p.candidates) > 1) ? { vi: ` (${s(p.candidates)} người)`, en: ` (${s(p.candidates)} people)` } : { vi: "", en: "" };
    return {
      vi: `Không gắn được lượt đào tạo này với người nào trong danh sách cán bộ: ${r.vi}${n.vi}; cần ghi số CCCD hoặc ngày sinh để xác định, không tự đoán`,
      en: `This training entry is not linked to anyone in the roster: ${r.en}${n.en}; give the ID number or the birth date to identify the person (never guessed)`,
    };
  },
});

RULES.push({
  id: "qualification.countedTraining",
  title: { vi: "Tính theo khóa đào tạo đã hoàn thành, cột trình độ chưa cập nhật", en: "Standard met by a completed training the roster does not show yet" },
  render: (p) => {
    const fv = FIELD_VI[s(p.field)];
    const fe = FIELD_EN[s(p.field)];
    const content = p.trainingContent !== undefined ? ` "${s(p.trainingContent)}"` : "";
    const year = p.trainingYear !== undefined ? { vi: `, năm ${s(p.trainingYear)}`, en: `, ${s(p.trainingYear)}` } : { vi: "", en: "" };
    const roster = p.have !== undefined || p.written !== undefined ? { vi: `"${s(p.written ?? levelVi(p.field, p.have))}"`, en: `"${s(p.written ?? levelEn(p.field, p.have))}"` } : { vi: "để trống", en: "empty" };
    const area = p.difficultArea ? { vi: " (mức của đơn vị miền núi, vùng khó khăn)", en: " (the level for a difficult area)" } : { vi: "", en: "" };
    return {
      vi: `${holderVi(p)}: đã tính khóa đào tạo${content} (trang "${s(p.trainingSheet)}", dòng ${s(p.trainingRow)}${year.vi}) đạt ${levelVi(p.field, p.trained)}, đạt tiêu chuẩn ${levelVi(p.field, p.need)} trở lên${area.vi}; cột ${fv} trong danh sách cán bộ chưa cập nhật (${roster.vi}), cần sửa lại`,
      en: `${holderEn(p)}: counted the training${content} (sheet "${s(p.trainingSheet)}", row ${s(p.trainingRow)}${year.en}) reaching ${levelEn(p.field, p.trained)}, which meets the standard, ${levelEn(p.field, p.need)} or above${area.en}; the roster's ${fe} column is not updated yet (${roster.en}), update it`,
    };
  },
});

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
