/**
 * Small reader vocabularies: categories in section rows and sheet titles, statuses,
 * row kinds (totals, footers). Data, matched on comparison keys.
 */
import { comparisonKey, asciiKey } from "../text/keys";
import type { StaffCategory } from "./titles";

/** The category a section label, sheet title or sheet name speaks of, if any. */
export function categoryFromLabel(text: string): StaffCategory | undefined {
  const k = comparisonKey(text);
  const a = asciiKey(text);
  const kct = /không chuyên trách|\bkct\b|\bhđkct\b|\bnhđkct\b/.test(k) || /khong chuyen trach|\bkct\b/.test(a);
  if (kct) return /thôn|tổ dân phố|\btdp\b|khu phố|bản/.test(k) || /\bthon\b/.test(a) ? "nonSpecializedVillage" : "nonSpecializedCommune";
  if (/công chức/.test(k) && !/cán bộ,? công chức|cán bộ và công chức|cbcc/.test(k)) return "civilServant";
  if (/^cong chuc\b/.test(a)) return "civilServant";
  if (/cán bộ chuyên trách|^cán bộ$|\bcán bộ\b(?!.*công chức)/.test(k) && !/thôn/.test(k)) return "cadre";
  if (/^can bo\b(?!.*cong chuc)/.test(a)) return "cadre";
  if (/ở thôn|cấp thôn|thôn, tổ dân phố|thôn tổ dân phố/.test(k)) return "nonSpecializedVillage";
  return undefined;
}

/** A category written in a category column ("CB", "CC", "KCT", "Cán bộ", "Công chức", "KCT thôn"). */
export function parseCategoryCell(text: string): StaffCategory | undefined {
  const k = comparisonKey(text);
  if (k === "cb" || k === "cán bộ") return "cadre";
  if (k === "cc" || k === "công chức") return "civilServant";
  if (k === "kct" || k === "kct xã" || k === "kct cấp xã") return "nonSpecializedCommune";
  if (k === "kct thôn" || k === "thôn") return "nonSpecializedVillage";
  return categoryFromLabel(text);
}

export type PersonStatusCode = "resigned" | "retired" | "transferred" | "deceased" | "seconded" | "probation" | "maternityLeave" | "suspended";

const STATUSES: { code: PersonStatusCode; left: boolean; words: string[] }[] = [
  { code: "retired", left: true, words: ["nghỉ hưu", "đã nghỉ hưu", "nghỉ chế độ", "về hưu"] },
  { code: "resigned", left: true, words: ["đã nghỉ việc", "nghỉ việc", "thôi việc", "đã thôi việc", "đã nghỉ", "nghỉ thôi việc", "miễn nhiệm", "đã miễn nhiệm", "tinh giản"] },
  { code: "transferred", left: true, words: ["chuyển công tác", "đã chuyển công tác", "điều động", "đã điều động"] },
  { code: "deceased", left: true, words: ["từ trần", "đã từ trần", "đã mất", "chết"] },
  { code: "seconded", left: false, words: ["biệt phái", "luân chuyển"] },
  { code: "probation", left: false, words: ["tập sự", "đang tập sự"] },
  { code: "maternityLeave", left: false, words: ["nghỉ thai sản", "thai sản", "nghỉ sinh", "nghỉ chế độ thai sản"] },
  { code: "suspended", left: false, words: ["đình chỉ", "tạm đình chỉ"] },
];
/** Every status word, longest first, so "nghỉ chế độ thai sản" wins over "nghỉ chế độ". */
const STATUS_WORDS = STATUSES.flatMap((s) => s.words.map((w) => ({ key: comparisonKey(w), code: s.code, left: s.left }))).sort((a, b) => b.key.length - a.key.length);

/** Words that make a status prospective or denied: "Chưa nghỉ hưu", "Sắp nghỉ hưu", "Đủ tuổi nghỉ hưu, chưa có quyết định". */
const NOT_YET = /\b(chưa|sắp|chờ|dự kiến|đủ tuổi|đến tuổi|trước khi|nếu|đề nghị|xin)\b/;

/**
 * A status named in a status column or a note ("Đã nghỉ việc từ 01/2024"). The status must open
 * the text (after an optional "đã" / "đang"); a prospective or denied one ("Chưa nghỉ hưu",
 * "Sắp nghỉ hưu", "Đủ tuổi nghỉ hưu") is no status: the person is still at work.
 */
export function parseStatus(text: string): { code: PersonStatusCode; left: boolean } | undefined {
  const k = comparisonKey(text);
  if (k === "" || NOT_YET.test(k)) return undefined;
  const head = k.replace(/^(đã|đang)\s+/, "");
  for (const { key: w, code, left } of STATUS_WORDS) if (k === w || head === w || k.startsWith(w + " ") || head.startsWith(w + " ") || k.startsWith(w + ",") || head.startsWith(w + ",")) return { code, left };
  return undefined;
}

/** "Cộng", "Cộng: 21 người", "Tổng cộng", "TỔNG SỐ", "Tổng". */
export function isTotalLabel(text: string): boolean {
  return /^(cộng|tổng cộng|tổng số|tổng|cộng toàn|tổng hợp chung)\b/.test(comparisonKey(text));
}

/** Footer lines: "…, ngày 15 tháng 11 năm 2024", "NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)", "TM. UBND". */
export function isFooterLabel(text: string): boolean {
  const k = comparisonKey(text);
  return (
    /ngày\s*[.…\d\s]*tháng\s*[.…\d\s]*năm/.test(k) ||
    /^(người lập biểu|người lập bảng|người lập|thủ trưởng|xác nhận|trưởng phòng|tm\.|kt\.|t\/m|chủ tịch$|giám đốc|trưởng ban$|nơi nhận)/.test(k) ||
    /^\(?ký,? ghi rõ|^\(?ký tên|đóng dấu\)?$/.test(k)
  );
}

/** Section markers: "I", "II.", "A", "B.", "Phần I". */
export function isSectionMarker(text: string): boolean {
  return /^(?:phần\s+)?(?:[IVXLC]{1,5}|[A-H])\s*[.)]?$/u.test(text.trim());
}

/** A label that opens a village section ("Thôn Bắc Sơn", "Bản Mới", "Tổ dân phố 3", "Khu phố 2"). */
export function parseVillageLabel(text: string): string | undefined {
  const t = text.replace(/^\s*(?:\d+|[a-z])\s*[.)]\s*/u, "").trim();
  const k = comparisonKey(t);
  if (/^(thôn|bản|tổ dân phố|khu phố|ấp|xóm|khu|tdp)\s+\S/.test(k) && t.length <= 40) return t;
  return undefined;
}
