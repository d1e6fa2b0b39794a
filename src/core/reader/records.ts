/**
 * Person records of one roster sheet: classify body rows (person, section, total, footer,
 * blank), resolve each person's unit, village, posts and category, and parse their values.
 * Every value keeps its raw text and its cell; every normalization is a finding.
 */
import type { CellValue } from "../grid";
import type { CanonicalField } from "../report/types";
import { cellFinding, type FindingDraft } from "../findings/finding";
import { parseDateCell, type ParseDateCellOptions, type PartialDate } from "../text/dates";
import { comparisonKey } from "../text/keys";
import { parseProfessional, professionalRank, type ProfessionalLevel } from "../text/vocab/professional";
import { parsePoliticalTheory, politicalTheoryRank, type PoliticalTheoryLevel } from "../text/vocab/politicalTheory";
import { parseStateManagement, stateManagementRank, type StateManagementLevel } from "../text/vocab/stateManagement";
import { parseGeneralEducation, generalEducationRank, type GeneralEducationTier } from "../text/vocab/generalEducation";
import type { VocabResult } from "../text/vocab/match";
import { parseEthnicity } from "../text/vocab/ethnicity";
import type { SheetCells } from "./cells";
import type { HeaderBand } from "./header";
import type { ColumnMapping, LevelField } from "./mapping";
import { parsePosts, type Post } from "./posts";
import type { StaffCategory } from "./titles";
import { parseUnitLabel, type UnitLabel } from "./units";
import { categoryFromLabel, isFooterLabel, isSectionMarker, isTotalLabel, parseCategoryCell, parseStatus, parseVillageLabel, type PersonStatusCode } from "./vocabulary";

/** A value of one field as read: raw, decoded text, cell. */
export interface FieldCell {
  col: number;
  raw: CellValue;
  text: string;
}

/** The cells of the row being read, by field: every field present (undefined when the row has no value for it). */
type RowCells = { [K in CanonicalField]: FieldCell | undefined };

function emptyRowCells(): RowCells {
  return {
    fullName: undefined, birthDate: undefined, gender: undefined, ethnicity: undefined, religion: undefined, idNumber: undefined,
    unit: undefined, village: undefined, position: undefined, category: undefined, partyJoinDate: undefined, generalEducation: undefined,
    professionalLevel: undefined, professionalField: undefined, politicalTheory: undefined, stateManagement: undefined, informatics: undefined,
    foreignLanguage: undefined, positionSince: undefined, termNumber: undefined, status: undefined, note: undefined,
  };
}

/** A record with every property present, in the order the reader fills them. */
function newRecord(sheet: string, row: number): PersonRecord {
  return {
    sheet, row, fields: {}, posts: [], fullName: undefined, unitLabel: undefined, unitSource: undefined, village: undefined, category: undefined, categorySource: undefined,
    gender: undefined, birthDate: undefined, positionSince: undefined, termNumber: undefined, idNumber: undefined, professionalLevel: undefined, professionalField: undefined,
    politicalTheory: undefined, stateManagement: undefined, generalEducation: undefined, partyMember: undefined, ethnicity: undefined, minority: undefined, status: undefined, left: undefined,
  };
}

/** One person row. */
export interface PersonRecord {
  sheet: string;
  row: number;
  fullName?: string;
  fields: Partial<Record<CanonicalField, FieldCell>>;
  /** Unit as found (resolved to a report unit id by the workbook reader). */
  unitLabel?: UnitLabel;
  /** Where the unit came from. */
  unitSource?: "column" | "section" | "title" | "sheetName";
  village?: string;
  posts: Post[];
  category?: StaffCategory;
  categorySource?: "title" | "column" | "section" | "sheetTitle";
  birthDate?: PartialDate;
  gender?: "male" | "female";
  /** Since when the person holds the current post (the "ngày bổ nhiệm", "giữ chức vụ từ" column); a range "2016 - nay" gives its start. */
  positionSince?: PartialDate;
  /** Which term the person serves in the post (the "nhiệm kỳ thứ" column): 1, 2, 3 … */
  termNumber?: number;
  idNumber?: string;
  professionalLevel?: ProfessionalLevel;
  professionalField?: string;
  politicalTheory?: PoliticalTheoryLevel;
  stateManagement?: StateManagementLevel;
  generalEducation?: GeneralEducationTier;
  /** Party member: a date or a mark in the party column; undefined when the sheet has no such column. */
  partyMember?: boolean;
  /** Ethnic group id (vocab/ethnicity.ts) and whether it is a minority. */
  ethnicity?: string;
  minority?: boolean;
  status?: PersonStatusCode;
  /** Left the post (retired, resigned, transferred, deceased): not counted in staff. */
  left?: boolean;
}

export interface SheetReading {
  records: PersonRecord[];
  findings: FindingDraft[];
  firstDataRow?: number;
  lastDataRow?: number;
  /** Distinct villages seen per unit key. */
}

export interface ReadRecordsOptions {
  date1904: boolean;
  /** The roster's reporting date; years of two-digit dates pivot on it. */
  asOf: PartialDate;
  /** Context from the sheet's title rows and name. */
  titleUnit?: UnitLabel;
  sheetNameUnit?: UnitLabel;
  titleCategory?: StaffCategory;
  /** Read only these rows of the body (a live re-check: the changed rows and the sections above them). */
  rows?: ReadonlySet<number>;
}

const MARK_EMPTY = new Set(["", "0", "-", "–", "không", "k"]);

/** Whether a text is 1 to `max` ASCII digits (what `/^\d{1,max}$/` accepts). */
function isDigits(s: string, max: number): boolean {
  if (s.length === 0 || s.length > max) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function isMark(text: string): boolean {
  return !MARK_EMPTY.has(text.trim().toLowerCase());
}

/**
 * Rosters repeat the same few values thousands of times ("12/12", "ĐH Luật", "Trung cấp"), so each
 * parser is memoized per distinct text (bounded, so a pathological file cannot grow it forever).
 */
function memo<R>(parse: (s: string) => R): (s: string) => R {
  const cache = new Map<string, R>();
  return (s: string) => {
    let r = cache.get(s);
    if (r === undefined) {
      r = parse(s);
      if (cache.size < 50000) cache.set(s, r);
    }
    return r;
  };
}

type LevelParse = { rank: (v: never) => number; parse: (s: string) => VocabResult<string> };
const LEVEL_PARSERS: Record<LevelField, LevelParse> = {
  professionalLevel: { parse: memo(parseProfessional), rank: professionalRank as (v: never) => number },
  politicalTheory: { parse: memo(parsePoliticalTheory), rank: politicalTheoryRank as (v: never) => number },
  stateManagement: { parse: memo(parseStateManagement), rank: stateManagementRank as (v: never) => number },
  generalEducation: { parse: memo(parseGeneralEducation), rank: generalEducationRank as (v: never) => number },
};
const LEVEL_FIELDS = Object.keys(LEVEL_PARSERS) as LevelField[];
const parseEthnicityMemo = memo(parseEthnicity);
/** A status or note text's status (`null`: none), memoized like the vocabularies. */
const parseStatusMemo = memo((s: string) => parseStatus(s) ?? null);
const parsePostsMemo = memo(parsePosts);
const parseUnitCell = memo((s: string) => parseUnitLabel(s, true) ?? null);

/**
 * Read the body of a roster sheet below its header band.
 */
export function readRecords(cells: SheetCells, band: HeaderBand, mapping: ColumnMapping, options: ReadRecordsOptions): SheetReading {
  const sheet = cells.sheet.name;
  const records: PersonRecord[] = [];
  const findings: FindingDraft[] = [];
  const lastCol = Math.min(cells.columnCount, 200);
  const start = (band.indexRow ?? band.bottom) + 1;
  const f = mapping.fields;
  const nameCol = f.fullName;
  let sectionUnit: UnitLabel | undefined;
  let sectionCategory: StaffCategory | undefined;
  let sectionVillage: string | undefined;
  let firstDataRow: number | undefined;
  let lastDataRow: number | undefined;
  const referenceYear = options.asOf.year;
  const dataCols: number[] = [];
  for (const c of Object.values(f)) if (typeof c === "number") dataCols.push(c);
  for (const o of mapping.oneHot) dataCols.push(o.col);
  if (mapping.birthByGender) dataCols.push(mapping.birthByGender.male, mapping.birthByGender.female);
  // Decided once per sheet, not per row: the fields to read (in mapping order), the one-hot groups.
  const fieldCols: { field: CanonicalField; col: number; merged: boolean }[] = [];
  for (const [field, col] of Object.entries(f) as [CanonicalField, number][]) fieldCols.push({ field, col, merged: field === "unit" || field === "village" || field === "category" });
  const levelGroups = levelGroupsOf(mapping);
  const dates = new DateOptions(options.date1904, referenceYear);
  // The first non-empty texts of the current row, and the text of each of its columns (reused: nothing is allocated per row).
  const texts: string[] = [];
  const rowTexts: string[] = [];
  /** The text of a column of row `r` (as `cells.text(r, c, false)`), from the row scan when it read it. */
  const at = (r: number, c: number): string => (c <= lastCol ? rowTexts[c] ?? "" : cells.text(r, c, false));

  // What a section label names, once per distinct label of the sheet (units repeat their sections).
  const sections = new Map<string, { unit: UnitLabel | undefined; cat: StaffCategory | undefined; village: string | undefined }>();
  const sectionOf = (label: string) => {
    let v = sections.get(label);
    if (v === undefined) sections.set(label, (v = { unit: parseUnitLabel(label), cat: categoryFromLabel(label), village: parseVillageLabel(label) }));
    return v;
  };

  const only = options.rows;
  for (let r = start; r <= cells.rowCount; r++) {
    if (only !== undefined && !only.has(r)) continue;
    // Non-empty cells of the row (merged body cells resolved only for unit/village-like columns below).
    // Every non-empty cell is decoded, so that a column's legacy text is told even when no field maps it.
    const values = cells.sheet.values[r - 1];
    if (values === undefined) continue;
    texts.length = 0;
    let firstText = "";
    let nonEmpty = 0;
    const rowEnd = Math.min(lastCol, values.length);
    for (let c = 1; c <= lastCol; c++) {
      const v = c <= rowEnd ? values[c - 1] : undefined;
      if (v === undefined || v === null) {
        rowTexts[c] = "";
        continue;
      }
      const t = cells.text(r, c, false);
      rowTexts[c] = t;
      if (t !== "") {
        nonEmpty++;
        if (firstText === "") firstText = t;
        if (texts.length < 4) texts.push(t);
      }
    }
    if (nonEmpty === 0) continue;
    const name = nameCol ? at(r, nameCol) : "";
    const stt = mapping.stt ? at(r, mapping.stt) : "";
    // Whether the row gives a birth date (in the birth column, or in the male or female one).
    const hasBirth = (mapping.birthByGender !== undefined && (at(r, mapping.birthByGender.male) !== "" || at(r, mapping.birthByGender.female) !== "")) || (f.birthDate !== undefined && at(r, f.birthDate) !== "");
    // A numbered row with a name is a person: skip the footer, total and section tests (the common case).
    const numberedPerson = name !== "" && isDigits(stt, 5);
    // Footer: stop reading.
    if (!numberedPerson && nonEmpty <= 4 && !hasBirth && texts.some(isFooterLabel)) break;
    // Totals.
    if (!numberedPerson && (isTotalLabel(texts[0]) || (texts.length > 1 && isTotalLabel(texts[1])) || (texts.length > 2 && isTotalLabel(texts[2])))) continue;
    // Sections: a marker in STT ("I", "A"), or a lone label with no person data.
    let dataCount = 0;
    for (const c of dataCols) if (c !== nameCol && at(r, c) !== "") dataCount++;
    const label = name !== "" ? name : firstText;
    // A numbered STT is no section marker.
    const markerRow = !numberedPerson && (isSectionMarker(stt) || (stt === "" && isSectionMarker(firstText)));
    const loneLabel = dataCount === 0 && !hasBirth && (nonEmpty <= 2 || (cells.sheet.merges.some((m) => m.top === r && m.right - m.left >= 2)));
    // A numbered sub-section ("1 | Cán bộ chuyên trách", "2 | Thôn Bắc Sơn") names a category, unit or village, not a person.
    const numberedSection = loneLabel && /^\d+$/.test(stt) && (sectionOf(label).cat !== undefined || sectionOf(label).unit !== undefined || sectionOf(label).village !== undefined);
    if (markerRow || numberedSection || (loneLabel && !/^\d+$/.test(stt))) {
      const sectionLabel = markerRow && stt !== "" ? (name !== "" ? name : texts.find((t) => t !== stt) ?? "") : label;
      const { unit, cat, village } = sectionOf(sectionLabel);
      if (unit) {
        sectionUnit = unit;
        sectionVillage = undefined;
        sectionCategory = cat ?? sectionCategory;
        if (cat === undefined) sectionCategory = undefined;
      } else if (cat) sectionCategory = cat;
      else if (village) sectionVillage = village;
      if (unit || cat || village || markerRow || name === "" || dataCount === 0) continue;
    }
    // A person row (or a row with person data but no name).
    // Every record has one shape (every property present, in this order; absent values undefined):
    // records are read by every check, and growing each one property by property is slow. Its
    // `fields` keep only the filled fields (compact); the row's cells are also kept by field in
    // an object of one fixed shape for the reads below.
    const rc = emptyRowCells();
    const rec: PersonRecord = newRecord(sheet, r);
    for (const { field, col, merged } of fieldCols) {
      const text = merged ? cells.text(r, col, true) : at(r, col);
      if (text === "") continue;
      rec.fields[field] = rc[field] = { col, raw: merged ? cells.value(r, col) : col <= values.length ? values[col - 1] : undefined, text };
    }
    if (name === "") {
      if (dataCount < 2 && !hasBirth) continue; // stray note or marker, not a person
      findings.push(cellFinding("data.missingName", "error", { sheet, row: r, col: nameCol ?? 1 }, {}));
    } else rec.fullName = name;
    firstDataRow ??= r;
    lastDataRow = r;
    // Unit: column, else section, else title rows, else sheet name.
    const unitCell = rc.unit;
    const unitFromCol = unitCell ? parseUnitCell(unitCell.text) ?? undefined : undefined;
    if (unitFromCol) {
      rec.unitLabel = unitFromCol;
      rec.unitSource = "column";
    } else if (sectionUnit) {
      rec.unitLabel = sectionUnit;
      rec.unitSource = "section";
    } else if (options.titleUnit) {
      rec.unitLabel = options.titleUnit;
      rec.unitSource = "title";
    } else if (options.sheetNameUnit) {
      rec.unitLabel = options.sheetNameUnit;
      rec.unitSource = "sheetName";
    }
    rec.village = rc.village?.text ?? sectionVillage;
    // Posts and category.
    const posText = rc.position?.text ?? "";
    rec.posts = parsePostsMemo(posText);
    const catCell = rc.category ? parseCategoryCell(rc.category.text) : undefined;
    const fromTitle = rec.posts.find((p) => p.category !== undefined)?.category;
    if (fromTitle) {
      rec.category = fromTitle;
      rec.categorySource = "title";
    } else if (catCell) {
      rec.category = catCell;
      rec.categorySource = "column";
    } else if (sectionCategory) {
      rec.category = sectionCategory;
      rec.categorySource = "section";
    } else if (options.titleCategory) {
      rec.category = options.titleCategory;
      rec.categorySource = "sheetTitle";
    }
    if (posText !== "" && rec.posts.every((p) => p.titleId === undefined)) {
      const col = rc.position!.col;
      findings.push(cellFinding("data.unknownPosition", rec.category ? "info" : "warning", { sheet, row: r, col, person: rec.fullName }, { value: posText }));
    }
    // Birth date and gender.
    readBirth(cells, r, mapping, rec, rc, findings, options, dates);
    readGender(cells, r, mapping, rec, rc, findings);
    readPositionSince(cells, r, rec, rc, findings, options, dates);
    readTermNumber(cells, r, rec, rc, findings);
    // Identity.
    const idCell = rc.idNumber;
    if (idCell) {
      const raw = idCell.raw;
      const idText = idCell.text;
      // Most ID cells are already 12 (or 9) digits: no clean-up to do.
      const digits = typeof raw === "number" ? String(Math.round(raw)).padStart(12, "0").slice(-12) : (idText.length === 12 || idText.length === 9) && isDigits(idText, 12) ? idText : idText.replace(/[\s.]/g, "");
      if ((digits.length === 12 || digits.length === 9) && isDigits(digits, 12)) rec.idNumber = digits;
      else findings.push(cellFinding("data.invalidIdNumber", "warning", { sheet, row: r, col: idCell.col, person: rec.fullName }, { value: idCell.text }));
    }
    // Levels: text columns, then one-hot groups.
    readLevels(cells, r, levelGroups, rec, rc, findings);
    if (rc.professionalField) rec.professionalField = rc.professionalField.text;
    if (f.partyJoinDate !== undefined) rec.partyMember = rc.partyJoinDate !== undefined && isMark(rc.partyJoinDate.text);
    const ethnicityCell = rc.ethnicity;
    if (ethnicityCell) {
      const e = parseEthnicityMemo(ethnicityCell.text);
      if (e.recognized && e.value !== undefined) {
        rec.ethnicity = e.value;
        if (e.minority !== undefined) rec.minority = e.minority;
      } else if (!e.empty) findings.push(cellFinding("data.unrecognizedValue", "warning", { sheet, row: r, col: ethnicityCell.col, person: rec.fullName }, { field: "ethnicity", value: ethnicityCell.text, suggestion: e.suggestedLabel }));
    }
    // Status, from its column or from the note.
    const st = (rc.status && parseStatusMemo(rc.status.text)) || (rc.note && parseStatusMemo(rc.note.text));
    if (st) {
      rec.status = st.code;
      if (st.left) rec.left = true;
    }
    records.push(rec);
  }
  const reading: SheetReading = { records, findings };
  if (firstDataRow !== undefined) reading.firstDataRow = firstDataRow;
  if (lastDataRow !== undefined) reading.lastDataRow = lastDataRow;
  return reading;
}

/** The options of `parseDateCell` per number format, made once per sheet rather than per cell. */
class DateOptions {
  private readonly byFormat = new Map<string, ParseDateCellOptions>();
  private readonly general: ParseDateCellOptions;
  constructor(
    readonly date1904: boolean,
    readonly referenceYear: number,
  ) {
    this.general = { date1904, referenceYear };
  }
  for(numberFormat: string | undefined): ParseDateCellOptions {
    if (numberFormat === undefined) return this.general;
    let o = this.byFormat.get(numberFormat);
    if (o === undefined) this.byFormat.set(numberFormat, (o = { date1904: this.date1904, referenceYear: this.referenceYear, numberFormat }));
    return o;
  }
}

function dateOf(cells: SheetCells, r: number, c: number, dates: DateOptions) {
  const raw = cells.raw(r, c);
  const value = typeof raw === "string" ? cells.text(r, c, false) : raw;
  return parseDateCell(value, dates.for(cells.numberFormat(r, c)));
}

function readBirth(cells: SheetCells, r: number, mapping: ColumnMapping, rec: PersonRecord, rc: RowCells, findings: FindingDraft[], options: ReadRecordsOptions, dates: DateOptions): void {
  const sheet = cells.sheet.name;
  let col: number | undefined;
  if (mapping.birthByGender) {
    const m = cells.text(r, mapping.birthByGender.male, false);
    const w = cells.text(r, mapping.birthByGender.female, false);
    if (m !== "" && w !== "") findings.push(cellFinding("data.conflictingMarks", "warning", { sheet, row: r, col: mapping.birthByGender.female, person: rec.fullName }, { group: "Nam / Nữ" }));
    if (m !== "") {
      col = mapping.birthByGender.male;
      rec.gender = "male";
    } else if (w !== "") {
      col = mapping.birthByGender.female;
      rec.gender = "female";
    }
    if (col !== undefined) rec.fields.birthDate = rc.birthDate = { col, raw: cells.raw(r, col), text: cells.text(r, col, false) };
  } else col = rc.birthDate?.col;
  if (col === undefined) return;
  const result = dateOf(cells, r, col, dates);
  const text = rc.birthDate?.text ?? "";
  if (!result.ok) {
    if (result.reason !== "empty") findings.push(cellFinding("data.invalidDate", "error", { sheet, row: r, col, person: rec.fullName }, { value: text, reason: result.reason }));
    return;
  }
  rec.birthDate = result.date;
  if (result.guessed || result.twoDigitYear) findings.push(cellFinding("data.dateGuessed", "info", { sheet, row: r, col, person: rec.fullName }, { value: text, form: result.twoDigitYear ? "twoDigitYear" : "serialGuess" }));
  // The plausible age range is the rule set's (`data.implausibleAge`, a check); only the impossible is told here.
  if (isAfter(result.date, options.asOf)) findings.push(cellFinding("data.futureDate", "error", { sheet, row: r, col, person: rec.fullName }, { value: text }));
}

/** A date after the reporting date (a partial date only when its whole span is after it). */
function isAfter(d: PartialDate, asOf: PartialDate): boolean {
  if (d.year !== asOf.year) return d.year > asOf.year;
  if (d.month === undefined || asOf.month === undefined || d.month !== asOf.month) return (d.month ?? 1) > (asOf.month ?? 12);
  return d.day !== undefined && asOf.day !== undefined && d.day > asOf.day;
}

/** "2016 - nay", "06/2016 – 2021", "từ tháng 6/2016", "T6/2016": the start of the span. */
function spanStart(text: string): string | undefined {
  let t = text.trim().replace(/^(?:từ|tu)\s+/iu, "").replace(/^t\s*(?=\d{1,2}\s*[/.-]\s*\d{4}$)/iu, "");
  const m = /^(.+?)\s*(?:-|–|—|đến|tới)\s*(?:nay|hiện nay|hiện tại|\d[\d/.\s-]*)?$/iu.exec(t);
  if (m) t = m[1].trim();
  return t === text.trim() ? undefined : t;
}

/**
 * Since when the person holds the post: a date in any form, or the start of a span. Unreadable
 * is a warning (the column is optional: only the term and rotation checks need it); after the
 * reporting date an error, as for a birth date.
 */
function readPositionSince(cells: SheetCells, r: number, rec: PersonRecord, rc: RowCells, findings: FindingDraft[], options: ReadRecordsOptions, dates: DateOptions): void {
  const cell = rc.positionSince;
  if (!cell) return;
  const sheet = cells.sheet.name;
  let result = dateOf(cells, r, cell.col, dates);
  if (!result.ok && result.reason !== "empty") {
    const start = spanStart(cell.text);
    if (start !== undefined) result = parseDateCell(start, { date1904: options.date1904, referenceYear: dates.referenceYear });
  }
  if (!result.ok) {
    if (result.reason !== "empty") findings.push(cellFinding("data.invalidDate", "warning", { sheet, row: r, col: cell.col, person: rec.fullName }, { value: cell.text, reason: result.reason, field: "positionSince" }));
    return;
  }
  rec.positionSince = result.date;
  if (isAfter(result.date, options.asOf)) findings.push(cellFinding("data.futureDate", "error", { sheet, row: r, col: cell.col, person: rec.fullName }, { value: cell.text, field: "positionSince" }));
}

const TERM_WORDS: Record<string, number> = { "một": 1, "nhất": 1, hai: 2, ba: 3, "bốn": 4, "tư": 4, "năm": 5, "sáu": 6, i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6 };

/**
 * Which term: "2", "II", "thứ hai", "Nhiệm kỳ thứ 3", "NK 2", "2 nhiệm kỳ". Years ("2021-2026":
 * the term's span, not its number) are left alone; other text is an unrecognized value.
 */
function readTermNumber(cells: SheetCells, r: number, rec: PersonRecord, rc: RowCells, findings: FindingDraft[]): void {
  const cell = rc.termNumber;
  if (!cell) return;
  if (typeof cell.raw === "number") {
    if (Number.isInteger(cell.raw) && cell.raw >= 1 && cell.raw <= 20) rec.termNumber = cell.raw;
    return;
  }
  const k = comparisonKey(cell.text).replace(/nhiệm kỳ|\bnk\b|thứ|lần/g, " ").replace(/[.,;:()]/g, " ").trim();
  if (/\d{4}/.test(k)) return;
  const digits = /^(\d{1,2})\b/.exec(k);
  const word = TERM_WORDS[k.split(/\s+/)[0] ?? ""];
  const n = digits ? Number(digits[1]) : word;
  if (n !== undefined && n >= 1 && n <= 20) rec.termNumber = n;
  else if (k !== "") findings.push(cellFinding("data.unrecognizedValue", "warning", { sheet: cells.sheet.name, row: r, col: cell.col, person: rec.fullName }, { field: "termNumber", value: cell.text, suggestion: "1, 2, 3 …" }));
}

function readGender(cells: SheetCells, r: number, mapping: ColumnMapping, rec: PersonRecord, rc: RowCells, findings: FindingDraft[]): void {
  const g = rc.gender;
  if (g) {
    const k = comparisonKey(g.text);
    if (k === "nam" || k === "m" || k === "male") rec.gender = "male";
    else if (k === "nữ" || k === "nu" || k === "f" || k === "female") rec.gender = "female";
    else findings.push(cellFinding("data.unrecognizedValue", "warning", { sheet: cells.sheet.name, row: r, col: g.col, person: rec.fullName }, { field: "gender", value: g.text, suggestion: "Nam / Nữ" }));
  } else if (mapping.femaleMark !== undefined && rec.gender === undefined) {
    rec.gender = isMark(cells.text(r, mapping.femaleMark, false)) ? "female" : "male";
  }
}

/** The one-hot columns of each level field (empty when the sheet has none), once per sheet. */
function levelGroupsOf(mapping: ColumnMapping): Record<LevelField, ColumnMapping["oneHot"]> {
  const groups = {} as Record<LevelField, ColumnMapping["oneHot"]>;
  for (const field of LEVEL_FIELDS) groups[field] = mapping.oneHot.filter((o) => o.field === field);
  return groups;
}

function readLevels(cells: SheetCells, r: number, groups: Record<LevelField, ColumnMapping["oneHot"]>, rec: PersonRecord, rc: RowCells, findings: FindingDraft[]): void {
  const sheet = cells.sheet.name;
  for (const field of LEVEL_FIELDS) {
    const cell = rc[field];
    const parser = LEVEL_PARSERS[field];
    if (cell) {
      const res = parser.parse(cell.text);
      if (res.recognized && res.value !== undefined) {
        assignLevel(rec, field, res.value);
        if (field === "professionalLevel" && res.field && !rc.professionalField) rec.professionalField = res.field;
      } else if (!res.empty) {
        findings.push(cellFinding("data.unrecognizedValue", "warning", { sheet, row: r, col: cell.col, person: rec.fullName }, { field, value: cell.text, suggestion: res.suggestedLabel }));
      }
    }
    const group = groups[field];
    if (group.length === 0) continue;
    const marked = group.filter((o) => isMark(cells.text(r, o.col, false)));
    if (marked.length === 0) continue;
    if (marked.length > 1) findings.push(cellFinding("data.conflictingMarks", "warning", { sheet, row: r, col: marked[1].col, person: rec.fullName }, { group: marked.map((m) => m.label).join(", ") }));
    let best: { value: string; rank: number; col: number } | undefined;
    for (const m of marked) {
      const res = parser.parse(m.label);
      if (!res.recognized || res.value === undefined) continue;
      const rank = parser.rank(res.value as never);
      if (!best || rank > best.rank) best = { value: res.value, rank, col: m.col };
    }
    if (best) {
      assignLevel(rec, field, best.value);
      if (rc[field] === undefined) rec.fields[field] = rc[field] = { col: best.col, raw: cells.raw(r, best.col), text: group.find((g) => g.col === best!.col)!.label };
    }
  }
}

function assignLevel(rec: PersonRecord, field: LevelField, value: string): void {
  if (field === "professionalLevel") rec.professionalLevel = value as ProfessionalLevel;
  else if (field === "politicalTheory") rec.politicalTheory = value as PoliticalTheoryLevel;
  else if (field === "stateManagement") rec.stateManagement = value as StateManagementLevel;
  else rec.generalEducation = value as GeneralEducationTier;
}
