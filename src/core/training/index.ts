/**
 * Training (issue 12 §1–2): linking each attendance of a training list to a person of the
 * roster — never guessed — and the training summary of the report.
 * Pure: no Office, no DOM, no Node.
 */
import { cellFinding, type FindingDraft } from "../findings/finding";
import type { WorkbookReading } from "../reader";
import type { PersonRecord } from "../reader/records";
import type { StaffCategory } from "../reader/titles";
import type { UnitLabel } from "../reader/units";
import type { TrainingAttendanceCounts, TrainingReport } from "../report/types";
import type { PartialDate } from "../text/dates";
import { asciiKey, comparisonKey } from "../text/keys";
import { professionalRank } from "../text/vocab/professional";
import { politicalTheoryRank } from "../text/vocab/politicalTheory";
import { stateManagementRank } from "../text/vocab/stateManagement";
import type { TrainingEntry, TrainingLevel, TrainingType } from "./read";

export type { TrainingEntry, TrainingLevel, TrainingType } from "./read";
export { isTrainingHeader, readTrainingSheet, trainingType } from "./read";

/** How an entry was linked, or why not. */
export type TrainingLink =
  | { linked: true; record: number; by: "idNumber" | "nameUnitBirthDate" | "nameUnitTitle" }
  | { linked: false; reason: "notFound" | "ambiguous" | "noUnit" | "noBirthDateOrTitle"; candidates: number };

export interface TrainingResult {
  entries: TrainingEntry[];
  /** Same index as `entries`; `record` is the index of the person's first row in `reading.records`. */
  links: TrainingLink[];
  report: TrainingReport;
  findings: FindingDraft[];
}

const sameUnit = (a: UnitLabel, b: UnitLabel | undefined) => b !== undefined && asciiKey(a.name) === asciiKey(b.name) && (a.kind === undefined || b.kind === undefined || a.kind === b.kind);
/** Birth dates that may be the same day: the same year, and month and day where both give them. */
const compatible = (a: PartialDate, b: PartialDate) => a.year === b.year && (a.month === undefined || b.month === undefined || a.month === b.month) && (a.day === undefined || b.day === undefined || a.day === b.day);

/**
 * Link one entry to a roster person: the same ID number (one person), else the same name in the
 * same unit with a compatible birth date or the same title (one person). Anything else is left
 * unlinked with its reason: two people who fit are never chosen between.
 */
export function linkEntry(entry: TrainingEntry, reading: WorkbookReading): TrainingLink {
  const { records, personOf } = reading;
  const persons = (idx: number[]) => [...new Set(idx.map((i) => personOf[i]))];
  if (entry.idNumber) {
    const byId = persons(records.flatMap((r, i) => (r.idNumber === entry.idNumber ? [i] : [])));
    if (byId.length === 1) return { linked: true, record: byId[0], by: "idNumber" };
    if (byId.length > 1) return { linked: false, reason: "ambiguous", candidates: byId.length };
  }
  const key = comparisonKey(entry.fullName);
  const named = records.flatMap((r, i) => (r.fullName && comparisonKey(r.fullName) === key && !(entry.idNumber && r.idNumber && r.idNumber !== entry.idNumber) ? [i] : []));
  if (named.length === 0) return { linked: false, reason: "notFound", candidates: 0 };
  if (!entry.unitLabel) return { linked: false, reason: "noUnit", candidates: persons(named).length };
  const inUnit = named.filter((i) => sameUnit(entry.unitLabel!, records[i].unitLabel));
  if (inUnit.length === 0) return { linked: false, reason: "notFound", candidates: 0 };
  const titles = new Set(entry.posts.map((p) => p.titleId).filter((t): t is string => t !== undefined));
  const byBirth = entry.birthDate ? persons(inUnit.filter((i) => records[i].birthDate !== undefined && compatible(records[i].birthDate!, entry.birthDate!))) : [];
  const byTitle = titles.size > 0 ? persons(inUnit.filter((i) => records[i].posts.some((p) => p.titleId !== undefined && titles.has(p.titleId)))) : [];
  if (entry.birthDate) {
    // A birth date decides; a title narrows only among people whose birth date fits.
    if (byBirth.length === 1) return { linked: true, record: byBirth[0], by: "nameUnitBirthDate" };
    if (byBirth.length > 1) {
      const both = byBirth.filter((p) => byTitle.includes(p));
      if (both.length === 1) return { linked: true, record: both[0], by: "nameUnitBirthDate" };
      return { linked: false, reason: "ambiguous", candidates: byBirth.length };
    }
    return { linked: false, reason: "notFound", candidates: 0 };
  }
  if (titles.size > 0) {
    if (byTitle.length === 1) return { linked: true, record: byTitle[0], by: "nameUnitTitle" };
    if (byTitle.length > 1) return { linked: false, reason: "ambiguous", candidates: byTitle.length };
    return { linked: false, reason: "notFound", candidates: 0 };
  }
  return { linked: false, reason: "noBirthDateOrTitle", candidates: persons(inUnit).length };
}

type QualityCategory = "cadreAndCivilServant" | "nonSpecializedCommune" | "nonSpecializedVillage";
const groupOf = (c: StaffCategory | undefined): QualityCategory | undefined => (c === "cadre" || c === "civilServant" ? "cadreAndCivilServant" : c);

/** True when the training reached a level above the roster's value of that scale (the roster column is behind). */
export function rosterBehind(entry: TrainingEntry, rec: PersonRecord): boolean {
  const a = entry.achieved;
  if (!a) return false;
  if (a.professional) return professionalRank(a.professional) > professionalRank(rec.professionalLevel);
  if (a.politicalTheory) return politicalTheoryRank(a.politicalTheory) > politicalTheoryRank(rec.politicalTheory);
  if (a.stateManagement) return stateManagementRank(a.stateManagement) > stateManagementRank(rec.stateManagement);
  return false;
}

function counts(): TrainingAttendanceCounts {
  return { people: 0, attendances: 0 };
}

/**
 * Link every entry and summarize: people and attendances ("lượt") since `since` (entries of an
 * unknown year are counted in `undated` only), by type, level and year; classes and their sizes;
 * the share of each category of the roster whose qualification a completed training raised (a
 * training that reached a level of its scale: a degree, an LLCT or QLNN programme).
 */
export function summarizeTraining(entries: TrainingEntry[], sheets: string[], reading: WorkbookReading, since: number): TrainingResult {
  const links = entries.map((e) => linkEntry(e, reading));
  const findings: FindingDraft[] = [];
  entries.forEach((e, i) => {
    const l = links[i];
    if (l.linked) return;
    findings.push(cellFinding("training.unlinked", "warning", { sheet: e.sheet, row: e.row, col: e.nameCol, person: e.fullName }, { reason: l.reason, candidates: l.candidates }));
  });
  // A person's key: the roster person when linked, else name + unit + birth as written.
  const personKey = (i: number) => {
    const l = links[i];
    if (l.linked) return `p${l.record}`;
    const e = entries[i];
    return `u${comparisonKey(e.fullName)}\u0000${e.unitLabel ? asciiKey(e.unitLabel.name) : ""}\u0000${e.birthDate?.year ?? ""}`;
  };
  const levelOfEntry = (i: number): TrainingLevel => {
    const e = entries[i];
    if (e.level !== "unknown") return e.level;
    const l = links[i];
    const c = l.linked ? reading.records[l.record].category : undefined;
    return c === undefined ? "unknown" : c === "nonSpecializedVillage" ? "village" : "commune";
  };
  const all = { people: new Set<string>(), attendances: 0 };
  const add = <K>(m: Map<K, { people: Set<string>; attendances: number }>, k: K, p: string) => {
    let v = m.get(k);
    if (!v) m.set(k, (v = { people: new Set(), attendances: 0 }));
    v.people.add(p);
    v.attendances++;
  };
  const types = new Map<TrainingType, { people: Set<string>; attendances: number }>();
  const levels = new Map<TrainingLevel, { people: Set<string>; attendances: number }>();
  const years = new Map<number, { people: Set<string>; attendances: number }>();
  const classes = new Map<string, { name: string; year?: number; people: Set<string>; attendances: number }>();
  let undated = 0;
  entries.forEach((e, i) => {
    if (e.year === undefined) {
      undated++;
      return;
    }
    if (e.year < since) return;
    const p = personKey(i);
    all.people.add(p);
    all.attendances++;
    add(types, e.type, p);
    add(levels, levelOfEntry(i), p);
    add(years, e.year, p);
    if (e.className) {
      const k = `${comparisonKey(e.className)}\u0000${e.year}`;
      let c = classes.get(k);
      if (!c) classes.set(k, (c = { name: e.className, year: e.year, people: new Set(), attendances: 0 }));
      c.people.add(p);
      c.attendances++;
    }
  });
  const pack = (v: { people: Set<string>; attendances: number } | undefined): TrainingAttendanceCounts => (v ? { people: v.people.size, attendances: v.attendances } : counts());
  // Qualification raised: per category of the current roster (persons counted in staff).
  const raised = new Map<number, boolean>();
  const behind = new Map<number, boolean>();
  entries.forEach((e, i) => {
    const l = links[i];
    if (!l.linked || !e.completed || !e.achieved || e.year === undefined || e.year < since) return;
    raised.set(l.record, true);
    if (rosterBehind(e, reading.records[l.record])) behind.set(l.record, true);
  });
  const share: TrainingReport["qualificationRaised"] = {
    cadreAndCivilServant: { count: 0, raised: 0, share: 0 },
    nonSpecializedCommune: { count: 0, raised: 0, share: 0 },
    nonSpecializedVillage: { count: 0, raised: 0, share: 0 },
  };
  let rosterNotUpdated = 0;
  reading.records.forEach((rec, i) => {
    const g = groupOf(rec.category);
    if (!reading.counted[i] || !g) return;
    share[g].count++;
    const p = reading.personOf[i];
    if (raised.get(p)) share[g].raised++;
    if (behind.get(p)) rosterNotUpdated++;
  });
  for (const g of Object.values(share)) g.share = g.count === 0 ? 0 : Math.round((g.raised / g.count) * 10000) / 10000;
  const report: TrainingReport = {
    since,
    sheets,
    entries: entries.length,
    linked: links.filter((l) => l.linked).length,
    unlinked: links.filter((l) => !l.linked).length,
    people: all.people.size,
    attendances: all.attendances,
    byType: { professional: pack(types.get("professional")), politicalTheory: pack(types.get("politicalTheory")), stateManagement: pack(types.get("stateManagement")), other: pack(types.get("other")) },
    byLevel: { commune: pack(levels.get("commune")), village: pack(levels.get("village")), unknown: pack(levels.get("unknown")) },
    byYear: [...years.entries()].sort((a, b) => a[0] - b[0]).map(([year, v]) => ({ year, ...pack(v) })),
    classes: [...classes.values()].map((c) => ({ name: c.name, ...(c.year !== undefined ? { year: c.year } : {}), size: c.people.size })),
    qualificationRaised: share,
    rosterNotUpdated,
  };
  if (undated > 0) report.undated = undated;
  return { entries, links, report, findings };
}

/** The roster column a type of training raises. */
export type CountedField = "professionalLevel" | "politicalTheory" | "stateManagement";
const FIELD_OF_TYPE: Partial<Record<TrainingType, CountedField>> = { professional: "professionalLevel", politicalTheory: "politicalTheory", stateManagement: "stateManagement" };
const RANK_OF_FIELD: Record<CountedField, (l: string | undefined) => number> = {
  professionalLevel: (l) => professionalRank(l as Parameters<typeof professionalRank>[0]),
  politicalTheory: (l) => politicalTheoryRank(l as Parameters<typeof politicalTheoryRank>[0]),
  stateManagement: (l) => stateManagementRank(l as Parameters<typeof stateManagementRank>[0]),
};

/** A completed training a qualification check may count (`countTraining`): the level it reached and the entry. */
export interface CountedTraining {
  field: CountedField;
  level: string;
  entry: TrainingEntry;
}

/**
 * For the option `countTraining` (issue 12 §2): per roster person (index of their first row), the
 * highest level each scale reached by a completed training linked to them — of the scale's own
 * type (chuyên môn, lý luận chính trị, quản lý nhà nước), with a level named, and of a known year
 * on or before the as-of year. Unlinked, unfinished, undated or other trainings never count.
 * @example countableTraining(result, 2024).get(0)?.get("politicalTheory")?.level // "advanced"
 */
export function countableTraining(result: Pick<TrainingResult, "entries" | "links">, asOfYear: number): Map<number, Map<CountedField, CountedTraining>> {
  const out = new Map<number, Map<CountedField, CountedTraining>>();
  result.entries.forEach((e, i) => {
    const l = result.links[i];
    const field = FIELD_OF_TYPE[e.type];
    if (!l.linked || !field || !e.completed || e.year === undefined || e.year > asOfYear) return;
    const level = field === "professionalLevel" ? e.achieved?.professional : field === "politicalTheory" ? e.achieved?.politicalTheory : e.achieved?.stateManagement;
    if (level === undefined) return;
    let m = out.get(l.record);
    if (!m) out.set(l.record, (m = new Map()));
    const had = m.get(field);
    if (!had || RANK_OF_FIELD[field](level) > RANK_OF_FIELD[field](had.level)) m.set(field, { field, level, entry: e });
  });
  return out;
}
