/**
 * Training lists (issue 12 §1): recognizing a sheet of training attendances ("Danh sách cán bộ
 * được cử đi đào tạo, bồi dưỡng") and reading its entries. Layouts read:
 *  - a flat list, one row per attendance: Họ và tên | Ngày sinh | Đơn vị | Chức danh | Nội dung /
 *    Loại hình đào tạo | Trình độ đạt được | Thời gian / Năm | Nơi đào tạo | Kinh phí | Ghi chú;
 *  - the same with a class column ("Lớp", "Khóa học") or with class section rows
 *    ("Lớp Trung cấp lý luận chính trị K15"): the rows under a class row attend that class;
 *  - unit section rows ("Xã Quảng Lợi") or a unit in the title ("UBND XÃ QUẢNG LÂM");
 *  - a two-row header with a "Thời gian đào tạo" group over "Từ ngày" / "Đến ngày" (the year is
 *    the end's, else the start's), and a birth date split over Nam / Nữ columns.
 * Pure: no Office, no DOM, no Node.
 */
import type { PartialDate } from "../text/dates";
import { parseDateCell } from "../text/dates";
import { comparisonKey } from "../text/keys";
import { parseProfessional, professionalRank, type ProfessionalLevel } from "../text/vocab/professional";
import { parsePoliticalTheory, politicalTheoryRank, type PoliticalTheoryLevel } from "../text/vocab/politicalTheory";
import { parseStateManagement, stateManagementRank, type StateManagementLevel } from "../text/vocab/stateManagement";
import type { SheetCells } from "../reader/cells";
import type { HeaderBand } from "../reader/header";
import { equals, has } from "../reader/mapping";
import { parsePosts, type Post } from "../reader/posts";
import type { StaffCategory } from "../reader/titles";
import { parseUnitLabel, type UnitLabel } from "../reader/units";
import { categoryFromLabel, isFooterLabel, isSectionMarker, isTotalLabel, parseCategoryCell } from "../reader/vocabulary";

/** Kind of training, from its content: chuyên môn, lý luận chính trị, quản lý nhà nước, other. */
export type TrainingType = "professional" | "politicalTheory" | "stateManagement" | "other";
/** Whose training: commune-level staff or village-level workers. */
export type TrainingLevel = "commune" | "village" | "unknown";

export type TrainingField = "fullName" | "birthDate" | "idNumber" | "unit" | "position" | "category" | "content" | "kind" | "achieved" | "time" | "timeFrom" | "timeTo" | "place" | "funding" | "className" | "status" | "note";

/** One attendance of the list. */
export interface TrainingEntry {
  sheet: string;
  row: number;
  /** Column of the name (findings point at it). */
  nameCol: number;
  fullName: string;
  birthDate?: PartialDate;
  idNumber?: string;
  unitLabel?: UnitLabel;
  posts: Post[];
  category?: StaffCategory;
  /** Content and type as written ("Trung cấp lý luận chính trị - hành chính"). */
  content?: string;
  type: TrainingType;
  level: TrainingLevel;
  /** The level reached in the type's scale, when the list (or the content) names one. */
  achieved?: { professional?: ProfessionalLevel; politicalTheory?: PoliticalTheoryLevel; stateManagement?: StateManagementLevel };
  /** Year of the training (its end when a span is given). */
  year?: number;
  className?: string;
  place?: string;
  funding?: number;
  /** False when the list says the person is still attending ("đang học") or the training ends after the as-of date. */
  completed: boolean;
}

export interface TrainingSheetReading {
  entries: TrainingEntry[];
  columns: Partial<Record<TrainingField, number>>;
  firstDataRow?: number;
  lastDataRow?: number;
}


/** Headers only a training list has (the roster's "Trình độ đào tạo" group is not one of them). */
const TRAINING_ONLY = [
  has("nội dung đào tạo", "nội dung bồi dưỡng", "nội dung đào tạo bồi dưỡng", "nội dung", "loại hình đào tạo", "loại hình", "hình thức đào tạo", "hình thức bồi dưỡng", "chương trình đào tạo", "chương trình bồi dưỡng"),
  has("trình độ đạt được", "văn bằng chứng chỉ được cấp", "văn bằng được cấp", "kết quả đào tạo", "kết quả học tập", "xếp loại tốt nghiệp"),
  has("nơi đào tạo", "cơ sở đào tạo", "nơi bồi dưỡng", "đơn vị tổ chức", "cơ sở đào tạo bồi dưỡng", "trường"),
  has("kinh phí", "kinh phí đào tạo", "nguồn kinh phí"),
  has("thời gian đào tạo", "năm đào tạo", "thời gian bồi dưỡng", "thời gian học", "khóa học", "tên lớp", "lớp đào tạo", "lớp bồi dưỡng"),
];

/**
 * True when a header band is a training list's: a name column and at least two kinds of
 * training-only headers, or one when the sheet's name or title speaks of training.
 */
export function isTrainingHeader(band: HeaderBand, sheetTitle: string): boolean {
  const all = band.columns.map((c) => c.keys.join(" "));
  if (!all.some(has("họ và tên", "họ tên"))) return false;
  const kinds = TRAINING_ONLY.filter((t) => all.some((a) => t(a))).length;
  if (kinds >= 2) return true;
  return kinds >= 1 && /đào tạo|bồi dưỡng|dao tao|boi duong/.test(comparisonKey(sheetTitle));
}

type Test = (leaf: string, groups: string[], all: string) => boolean;
const isBirth = has("ngày tháng năm sinh", "ngày sinh", "năm sinh", "sinh ngày", "tháng năm sinh");
const isTime = has("thời gian", "thời gian đào tạo", "thời gian bồi dưỡng", "thời gian học", "năm đào tạo", "năm", "khóa học", "niên khóa");

const RULES: { field: TrainingField; test: Test }[] = [
  { field: "fullName", test: (_l, _g, all) => has("họ và tên", "họ tên")(all) },
  { field: "idNumber", test: (_l, _g, all) => has("cccd", "căn cước", "cmnd", "số định danh", "chứng minh")(all) },
  { field: "birthDate", test: (leaf) => isBirth(leaf) },
  { field: "unit", test: (leaf, groups) => groups.length === 0 && equals("đơn vị", "đơn vị công tác", "tên đơn vị", "xã", "xã phường thị trấn", "nơi công tác", "cơ quan đơn vị", "cơ quan đơn vị công tác", "đơn vị cấp xã")(leaf) },
  { field: "position", test: (_l, _g, all) => has("chức vụ", "chức danh", "chức vụ chức danh")(all) },
  { field: "category", test: (leaf) => equals("phân loại", "đối tượng", "loại cán bộ", "loại cbcc", "nhóm")(leaf) },
  { field: "className", test: (leaf) => equals("lớp", "tên lớp", "lớp đào tạo", "lớp bồi dưỡng", "khóa", "tên khóa học", "mã lớp")(leaf) },
  { field: "kind", test: (leaf) => has("loại hình đào tạo", "loại hình", "hình thức đào tạo", "hình thức bồi dưỡng", "hình thức", "loại")(leaf) },
  { field: "content", test: (leaf) => has("nội dung đào tạo", "nội dung bồi dưỡng", "nội dung", "chương trình đào tạo", "chương trình bồi dưỡng", "chuyên ngành đào tạo", "ngành đào tạo", "chuyên ngành", "tên khóa đào tạo")(leaf) },
  { field: "achieved", test: (leaf) => has("trình độ đạt được", "văn bằng chứng chỉ được cấp", "văn bằng được cấp", "văn bằng chứng chỉ", "trình độ sau đào tạo", "kết quả đào tạo", "văn bằng", "bằng cấp")(leaf) },
  { field: "timeFrom", test: (leaf, groups) => groups.some(isTime) && has("từ", "từ ngày", "bắt đầu", "ngày bắt đầu", "từ tháng năm")(leaf) },
  { field: "timeTo", test: (leaf, groups) => groups.some(isTime) && has("đến", "đến ngày", "kết thúc", "ngày kết thúc", "đến tháng năm")(leaf) },
  { field: "time", test: (leaf) => isTime(leaf) && !isBirth(leaf) },
  { field: "place", test: (leaf) => has("nơi đào tạo", "cơ sở đào tạo", "nơi bồi dưỡng", "đơn vị tổ chức", "trường", "cơ sở đào tạo bồi dưỡng")(leaf) },
  { field: "funding", test: (leaf, groups) => has("kinh phí", "nguồn kinh phí", "số tiền")(leaf) || groups.some(has("kinh phí")) },
  { field: "status", test: (leaf) => has("tình trạng", "kết quả", "đã hoàn thành", "xếp loại")(leaf) },
  { field: "note", test: (leaf) => has("ghi chú")(leaf) },
];

/** The training columns of a header band (each field its first column). */
export function mapTrainingColumns(band: HeaderBand): { fields: Partial<Record<TrainingField, number>>; birthByGender?: [number, number] } {
  const fields: Partial<Record<TrainingField, number>> = {};
  let male: number | undefined;
  let female: number | undefined;
  for (const h of band.columns) {
    const leaf = h.keys[h.keys.length - 1];
    const groups = h.keys.slice(0, -1);
    const all = h.keys.join(" ");
    if (equals("stt", "tt", "số tt", "số thứ tự")(leaf)) continue;
    if (groups.some(isBirth) && (leaf === "nam" || leaf === "nữ")) {
      if (leaf === "nam") male = h.col;
      else female = h.col;
      continue;
    }
    const rule = RULES.find((r) => fields[r.field] === undefined && r.test(leaf, groups, all));
    if (rule) fields[rule.field] = h.col;
  }
  const out: { fields: Partial<Record<TrainingField, number>>; birthByGender?: [number, number] } = { fields };
  if (male !== undefined && female !== undefined) out.birthByGender = [male, female];
  else if (male !== undefined || female !== undefined) fields.birthDate ??= male ?? female;
  return out;
}

/**
 * The type of a training from its texts, most specific first: political theory, state
 * management, professional (a degree or a professional field), else other (defence and security,
 * IT, languages, skills).
 * @example trainingType("Trung cấp lý luận chính trị - hành chính") // "politicalTheory"
 */
export function trainingType(...texts: (string | undefined)[]): TrainingType {
  const k = comparisonKey(texts.filter((t) => t !== undefined).join(" | "));
  if (k === "") return "other";
  if (/lý luận chính trị|\bllct\b|chính trị|\bctri\b|bồi dưỡng chính trị|cao cấp lý luận|trung cấp lý luận|sơ cấp lý luận|\bcccc\b/.test(k)) return "politicalTheory";
  if (/quản lý nhà nước|\bqlnn\b|quản lý hành chính nhà nước|\bqlhcnn\b|chuyên viên chính|chương trình chuyên viên|ngạch chuyên viên|ngạch cán sự|bồi dưỡng chuyên viên|\bcvc\b/.test(k)) return "stateManagement";
  if (/quốc phòng|an ninh|tin học|ngoại ngữ|tiếng anh|tiếng dân tộc|kỹ năng|\bqp an\b/.test(k)) return "other";
  if (/đại học|cao đẳng|trung cấp|thạc sĩ|tiến sĩ|cử nhân|kỹ sư|chuyên môn|nghiệp vụ|sơ cấp|\bđh\b|\bcđ\b|\btc\b|chuyên ngành|kế toán|luật|địa chính|tư pháp|hộ tịch|văn thư|lưu trữ|xây dựng|nông nghiệp|thống kê|tài chính/.test(k)) return "professional";
  return "other";
}

/** The level reached in a type's scale, from the "Trình độ đạt được" cell, else the content. */
function achievedLevel(type: TrainingType, achievedText: string | undefined, content: string | undefined): TrainingEntry["achieved"] {
  for (const t of [achievedText, content]) {
    if (!t) continue;
    if (type === "politicalTheory") {
      const r = parsePoliticalTheory(t);
      if (r.value && politicalTheoryRank(r.value) > 0) return { politicalTheory: r.value };
    } else if (type === "stateManagement") {
      const r = parseStateManagement(t);
      if (r.value && stateManagementRank(r.value) > 0) return { stateManagement: r.value };
    } else if (type === "professional") {
      const r = parseProfessional(t);
      if (r.value && professionalRank(r.value) > 0) return { professional: r.value };
    }
  }
  return undefined;
}

/** Years named in a cell: a date, a serial, "2021", "2020 - 2022", "03/2021 - 06/2021", "Năm 2021". */
function yearsOf(cells: SheetCells, row: number, col: number, date1904: boolean): number[] {
  const raw = cells.value(row, col);
  if (raw === undefined || raw === null || raw === "") return [];
  if (typeof raw === "number" && raw >= 1950 && raw <= 2100 && Number.isInteger(raw)) return [raw];
  if (typeof raw !== "string") {
    const d = parseDateCell(raw, { date1904, numberFormat: cells.numberFormat(row, col) } as Parameters<typeof parseDateCell>[1]);
    return d.ok ? [d.date.year] : [];
  }
  return [...raw.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
}

function amount(text: string): number | undefined {
  const t = text.replace(/\s/g, "").replace(/(đồng|đ|vnđ|vnd)$/i, "");
  if (!/^\d[\d.,]*$/.test(t)) return undefined;
  const v = Number(t.replace(/[.,](?=\d{3}(?:[.,]|$))/g, "").replace(",", "."));
  return Number.isFinite(v) ? v : undefined;
}

function levelOf(category: StaffCategory | undefined, posts: Post[]): TrainingLevel {
  const c = category ?? posts.find((p) => p.category)?.category;
  if (c === undefined) return "unknown";
  return c === "nonSpecializedVillage" ? "village" : "commune";
}

function isClassLabel(text: string): boolean {
  return /^(?:[IVXLC]{1,5}\s*[.)-]?\s*|\d{1,2}\s*[.)]\s*)?(?:lớp|khóa|khoá|lop)\b/iu.test(text.trim());
}

export interface ReadTrainingOptions {
  date1904: boolean;
  /** The as-of year: a training ending later is not completed yet. */
  asOfYear: number;
  /** A unit named in the title rows ("UBND XÃ QUẢNG LÂM"). */
  titleUnit?: UnitLabel;
}

/**
 * Read the entries of a training sheet below its header band. Section rows give a unit
 * ("Xã Quảng Lợi") or a class ("Lớp bồi dưỡng QLNN ngạch chuyên viên năm 2021").
 */
export function readTrainingSheet(cells: SheetCells, band: HeaderBand, options: ReadTrainingOptions): TrainingSheetReading {
  const { fields, birthByGender } = mapTrainingColumns(band);
  const out: TrainingSheetReading = { entries: [], columns: fields };
  const nameCol = fields.fullName;
  if (nameCol === undefined) return out;
  const start = (band.indexRow ?? band.bottom) + 1;
  let sectionUnit: UnitLabel | undefined;
  let sectionClass: { name: string; year?: number } | undefined;
  const txt = (row: number, f: TrainingField) => (fields[f] === undefined ? "" : cells.text(row, fields[f]!, true));
  for (let r = start; r <= cells.rowCount; r++) {
    if (cells.isHiddenRow(r)) continue;
    const name = cells.text(r, nameCol, false);
    // Row texts other than the name column, for section rows.
    let first = "";
    let filled = 0;
    for (let c = 1; c <= Math.min(cells.columnCount, 40); c++) {
      const t = cells.text(r, c, false);
      if (t === "") continue;
      filled++;
      if (first === "" && !isSectionMarker(t) && !/^\d+$/.test(t)) first = t;
    }
    if (filled === 0) continue;
    const label = name !== "" ? name : first;
    if (isTotalLabel(label) || isFooterLabel(label)) {
      if (isFooterLabel(label)) break;
      continue;
    }
    const onlyLabel = name === "" || filled <= 2;
    if (onlyLabel && isClassLabel(label)) {
      const ys = [...label.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1]));
      sectionClass = { name: label.replace(/^(?:[IVXLC]{1,5}|\d{1,2})\s*[.)-]\s*/u, "").trim(), ...(ys.length > 0 ? { year: Math.max(...ys) } : {}) };
      continue;
    }
    if (onlyLabel) {
      const u = parseUnitLabel(label);
      if (u) {
        sectionUnit = u;
        continue;
      }
      if (name === "" || categoryFromLabel(label)) continue;
    }
    if (name === "" || /^\d+$/.test(name)) continue;
    const entry: TrainingEntry = { sheet: cells.sheet.name, row: r, nameCol, fullName: name.replace(/\s+/g, " ").trim(), posts: [], type: "other", level: "unknown", completed: true };
    // Identity.
    const id = txt(r, "idNumber").replace(/[\s.]/g, "");
    if (/^\d{9}$|^\d{12}$/.test(id)) entry.idNumber = id;
    const birthCol = birthByGender ? birthByGender.find((c) => cells.text(r, c, false) !== "") : fields.birthDate;
    if (birthCol !== undefined) {
      const b = parseDateCell(cells.value(r, birthCol), { date1904: options.date1904, numberFormat: cells.numberFormat(r, birthCol) } as Parameters<typeof parseDateCell>[1]);
      if (b.ok) entry.birthDate = b.date;
    }
    const unitText = txt(r, "unit");
    const unit = (unitText !== "" ? parseUnitLabel(unitText, true) : undefined) ?? sectionUnit ?? options.titleUnit;
    if (unit) entry.unitLabel = unit;
    const position = txt(r, "position");
    if (position !== "") entry.posts = parsePosts(position);
    const cat = txt(r, "category");
    const category = cat !== "" ? parseCategoryCell(cat) : undefined;
    if (category) entry.category = category;
    // The training.
    const content = [txt(r, "content"), txt(r, "kind")].filter((t) => t !== "").join(" - ") || sectionClass?.name;
    if (content) entry.content = content;
    const achievedText = txt(r, "achieved");
    entry.type = trainingType(content, achievedText);
    const achieved = achievedLevel(entry.type, achievedText || undefined, content);
    if (achieved) entry.achieved = achieved;
    entry.level = levelOf(entry.category, entry.posts);
    const years = [fields.timeTo, fields.time, fields.timeFrom].filter((c): c is number => c !== undefined).map((c) => yearsOf(cells, r, c, options.date1904)).find((ys) => ys.length > 0);
    const year = years ? Math.max(...years) : sectionClass?.year;
    if (year !== undefined) entry.year = year;
    const cls = txt(r, "className") || sectionClass?.name;
    if (cls) entry.className = cls;
    const place = txt(r, "place");
    if (place) entry.place = place;
    const fund = amount(txt(r, "funding"));
    if (fund !== undefined) entry.funding = fund;
    const status = comparisonKey(`${txt(r, "status")} ${txt(r, "note")}`);
    if (/đang học|đang đào tạo|chưa tốt nghiệp|chưa hoàn thành|bỏ học|không hoàn thành/.test(status) || (year !== undefined && year > options.asOfYear)) entry.completed = false;
    out.entries.push(entry);
    out.firstDataRow ??= r;
    out.lastDataRow = r;
  }
  return out;
}
