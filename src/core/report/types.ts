/**
 * The JSON report: the public contract of the engine (schema/report.schema.json).
 * Later work extends it and never renames a field. Absent values are omitted, never null.
 */

export type Severity = "error" | "warning" | "info";

/** What the reader decided a sheet is. */
export type SheetRole = "roster" | "quota" | "settings" | "output" | "other" | "training";

/** Canonical person fields a roster column can map to. */
export type CanonicalField =
  | "fullName"
  | "birthDate"
  | "gender"
  | "ethnicity"
  | "religion"
  | "idNumber"
  | "unit"
  | "village"
  | "position"
  | "category"
  | "partyJoinDate"
  | "generalEducation"
  | "professionalLevel"
  | "professionalField"
  | "politicalTheory"
  | "stateManagement"
  | "informatics"
  | "foreignLanguage"
  | "positionSince"
  | "termNumber"
  | "status"
  | "note";

/** Every canonical field, in the order reports list them. */
export const CANONICAL_FIELDS: readonly CanonicalField[] = [
  "fullName", "birthDate", "gender", "ethnicity", "religion", "idNumber", "unit", "village", "position", "category",
  "partyJoinDate", "generalEducation", "professionalLevel", "professionalField", "politicalTheory", "stateManagement",
  "informatics", "foreignLanguage", "positionSince", "termNumber", "status", "note",
];

/** One sheet as the reader saw it. */
export interface SheetReport {
  name: string;
  role: SheetRole;
  /** Person rows read (duplicates and rows without a name included). */
  records?: number;
  /** Header rows, 1-based; the column-number row is `indexRow`, not here. */
  headerRows?: number[];
  indexRow?: number;
  firstDataRow?: number;
  lastDataRow?: number;
  /** Field → column letter, or letters when the field spreads over several columns. */
  columns?: Partial<Record<CanonicalField, string | string[]>>;
  /** Header texts no field was mapped to ("Group / Leaf" paths). */
  unmappedHeaders?: string[];
  /** In a consolidated report (`consolidate`): the file the sheet belongs to (its name in `files[]`). */
  file?: string;
}

export type UnitKind = "xã" | "phường" | "thị trấn" | "đặc khu";
export type CommuneClass = "đặc biệt" | "I" | "II" | "III";

/** Staff counts per category (persons, not posts). */
export interface StaffCounts {
  cadre: number;
  civilServant: number;
  nonSpecializedCommune: number;
  nonSpecializedVillage: number;
}

/** Figures assigned by each level, and the rule set's cap. */
export interface QuotaFigures {
  province?: number;
  district?: number;
  cap?: number;
}

export interface UnitQuota {
  cadreAndCivilServant?: QuotaFigures;
  nonSpecializedCommune?: QuotaFigures;
  nonSpecializedVillage?: QuotaFigures;
}

/** Counts of a quality breakdown; "unknown" counts people whose value is missing or unreadable. */
export type BreakdownCounts = Record<string, number>;

/** Quality of one category's persons (issue 5 §6). */
export interface QualityFigures {
  count: number;
  /** Professional level trung cấp or above. */
  professionalIntermediateOrAbove: number;
  politicalTheoryTrained: number;
  stateManagementTrained: number;
  professional: BreakdownCounts;
  politicalTheory: BreakdownCounts;
  stateManagement: BreakdownCounts;
  generalEducation: BreakdownCounts;
  sex: { male: number; female: number; unknown: number };
  ethnicMinority: number;
  partyMember: number;
  /** upTo30, from31To40, from41To50, from51ToRetirement, overRetirement (retirement age of the as-of year), unknown. */
  ageBands: BreakdownCounts;
  /** The same bands for men and for women (people whose sex is not known are in neither). */
  ageBandsBySex?: { male: BreakdownCounts; female: BreakdownCounts };
}

export interface QualityReport {
  cadreAndCivilServant: QualityFigures;
  nonSpecializedCommune: QualityFigures;
  nonSpecializedVillage: QualityFigures;
}

/** How far posts are merged in a unit. */
export interface ConcurrencyReport {
  villages: number;
  villagesSecretaryIsHead: number;
  secretaryIsPeoplesCommitteeChair: boolean;
  secretaryIsPeoplesCouncilChair: boolean;
}

/** A commune-level unit. `id` is its code when the workbook gives one, else "kind name". */
export interface UnitReport {
  id: string;
  name: string;
  kind?: UnitKind;
  code?: string;
  communeClass?: CommuneClass;
  villages?: number;
  staff: StaffCounts;
  quota?: UnitQuota;
  concurrency?: ConcurrencyReport;
  quality?: QualityReport;
  /** In a consolidated report: the files the unit's people came from (more than one is a `file.duplicateUnit` finding). */
  files?: string[];
}

/** One finding, traceable to a cell (or a column, a sheet, a unit, a file). */
export interface Finding {
  /** Dotted id, family first: data, quota, position, qualification, retirement, rotation, concurrency, training, file. */
  rule: string;
  severity: Severity;
  sheet?: string;
  row?: number;
  column?: string;
  cell?: string;
  /** For a finding that covers a whole column: how many cells it stands for. */
  count?: number;
  relatedRows?: number[];
  unit?: string;
  person?: string;
  /** Vietnamese. */
  message: string;
  /** English, for tools and non-Vietnamese readers. */
  messageEn?: string;
  basis?: string;
  /** In a consolidated report: the file the finding is in (`sheet`, `row` and `cell` are that file's). */
  file?: string;
  /** A fix the tool can apply to the cell's text (issue 9): the task pane offers it as a button. */
  fix?: FindingFix;
}

/**
 * A fix of a finding: "suggestion" (an unrecognized value's nearest known value, written in its
 * place) or "legacyEncoding" (TCVN3/VNI text rewritten in Unicode). `to` is the text written in the
 * finding's cell (for a legacy-encoding column finding, in the column's first such cell).
 */
export interface FindingFix {
  kind: "suggestion" | "legacyEncoding";
  to: string;
}

/** A value of the rule set that a rule file, the Quy định sheet or the quota sheet changed. */
export interface RuleOverrideReport {
  rule: string;
  /** A path inside the rule's value ("cadreAndCivilServant.xã.II"), or "severity", "enabled", "values". */
  key: string;
  value: string | number | boolean;
  previous?: string | number | boolean;
  source: "file" | "sheet" | "quotaSheet";
  file?: string;
  sheet?: string;
  cell?: string;
  unit?: string;
}

/** The rule set the run used, and where its changed values came from. */
export interface RuleSetReport {
  id: string;
  chosenBy?: "option" | "asOf";
  /** Vietnamese name. */
  name?: string;
  version?: string;
  source?: "preset" | "file";
  /** The rule file's name (never a path). */
  file?: string;
  /** The preset a rule file extends. */
  extends?: string;
  /** When the reporting date is outside the rule set's dates: the date its values were taken for. */
  valuesAsOf?: string;
  overrides?: RuleOverrideReport[];
}

/** The formats the file adapter reads. */
export type FileFormat = "xlsx" | "xls" | "html" | "spreadsheetMl2003";

/** One input file of a consolidated report (`consolidate`). */
export interface FileReport {
  /** The file's name: below the folder given on the command line, never a full path. */
  name: string;
  bytes?: number;
  /** What the content was (sniffed, never from the name). */
  format?: FileFormat;
  /** "read": validated and merged; "unreadable": left out, with the reason (also a `file.unreadable` finding). */
  status: "read" | "unreadable";
  /** The one-line reason a file could not be read, Vietnamese, and English. */
  reason?: string;
  reasonEn?: string;
  /** The error code of the reason, e.g. "file.encrypted". */
  code?: string;
  /** Ids (in the merged `units[]`) of the units the file holds. */
  units?: string[];
  /** Person rows read. */
  records?: number;
  /** Findings of the file itself. */
  errors?: number;
  warnings?: number;
  infos?: number;
  /** Where the unit figures came from: the file's own quota sheet, the `--quota` file, or none. */
  quotaSource?: "file" | "quotaFile" | "none";
}

export interface Report {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** The roster's reporting date, YYYY-MM-DD. */
  asOf: string;
  ruleSet: RuleSetReport;
  /** The input file, by name only (never a full path: reports get shared). */
  file?: { name: string; bytes?: number };
  sheets: SheetReport[];
  units: UnitReport[];
  findings: Finding[];
  /** Quality of all units together, per category. */
  quality?: QualityReport;
  /** Counts, for a quick look and for exit codes. */
  totals?: { records: number; errors: number; warnings: number; infos: number };
  /** A consolidated report (`consolidate`): every input file, read or not, in the order given. */
  files?: FileReport[];
  /** A consolidated report: the quota file given with `--quota`, by name. */
  quotaFile?: string;
  /** Training lists of the workbook (issue 12), when it has any. */
  training?: TrainingReport;
}

/** People (distinct) and attendances ("lượt") of a group of training entries. */
export interface TrainingAttendanceCounts {
  people: number;
  attendances: number;
}

/** Share of a roster category whose qualification a completed training raised. */
export interface TrainingRaisedShare {
  /** Persons of the category counted in staff. */
  count: number;
  raised: number;
  /** raised / count, 0..1 (4 decimals). */
  share: number;
}

/** The training summary (issue 12 §2). Counts are of entries in `since` or later. */
export interface TrainingReport {
  /** The first year counted. */
  since: number;
  /** The training sheets, by name. */
  sheets: string[];
  /** Entries read (all years). */
  entries: number;
  /** Entries linked to a roster person, and not (a `training.unlinked` finding each). */
  linked: number;
  unlinked: number;
  /** Entries without a year (not counted below). */
  undated?: number;
  people: number;
  attendances: number;
  byType: { professional: TrainingAttendanceCounts; politicalTheory: TrainingAttendanceCounts; stateManagement: TrainingAttendanceCounts; other: TrainingAttendanceCounts };
  byLevel: { commune: TrainingAttendanceCounts; village: TrainingAttendanceCounts; unknown: TrainingAttendanceCounts };
  byYear: ({ year: number } & TrainingAttendanceCounts)[];
  /** Classes named by the list (a class column or class section rows), with their size in people. */
  classes: { name: string; year?: number; size: number }[];
  qualificationRaised: { cadreAndCivilServant: TrainingRaisedShare; nonSpecializedCommune: TrainingRaisedShare; nonSpecializedVillage: TrainingRaisedShare };
  /** Persons whose roster column is below the level a completed training reached. */
  rosterNotUpdated: number;
}
