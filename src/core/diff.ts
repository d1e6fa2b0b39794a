/**
 * Year-over-year changes between two rosters (issue 12 §3): who joined, left, moved to another
 * unit, changed post and changed qualification, with counts per unit and per category.
 * Persons are matched by ID number, else by normalized name and birth date, with unit and title
 * as tie-breakers; two people of the same name are never merged. Pure: no Office, DOM or Node.
 */
import type { WorkbookReading } from "./reader";
import type { PersonRecord } from "./reader/records";
import type { StaffCategory } from "./reader/titles";
import { toIso } from "./text/dates";
import { comparisonKey } from "./text/keys";
import { PROFESSIONAL_LABELS, professionalRank } from "./text/vocab/professional";
import { POLITICAL_THEORY_LABELS, politicalTheoryRank } from "./text/vocab/politicalTheory";
import { STATE_MANAGEMENT_LABELS, stateManagementRank } from "./text/vocab/stateManagement";
import { GENERAL_EDUCATION_LABELS, generalEducationRank } from "./text/vocab/generalEducation";

export type ChangeKind = "joined" | "left" | "moved" | "postChanged" | "qualificationChanged";
export const CHANGE_KINDS: readonly ChangeKind[] = ["joined", "left", "moved", "postChanged", "qualificationChanged"];

/** One person of a roster: the rows of one person (duplicates merged), people who left excluded. */
export interface DiffPerson {
  name: string;
  birth?: string;
  idNumber?: string;
  unit?: string;
  category?: StaffCategory;
  posts: string[];
  /** Title ids (or post texts when the title is not known), sorted, for comparison. */
  postKeys: string[];
  qualification: Partial<Record<QualificationField, string>>;
  sheet: string;
  row: number;
}

export type QualificationField = "professionalLevel" | "politicalTheory" | "stateManagement" | "generalEducation";
const QUALIFICATION_FIELDS: readonly QualificationField[] = ["professionalLevel", "politicalTheory", "stateManagement", "generalEducation"];
const RANK: Record<QualificationField, (v: never) => number> = {
  professionalLevel: professionalRank as (v: never) => number,
  politicalTheory: politicalTheoryRank as (v: never) => number,
  stateManagement: stateManagementRank as (v: never) => number,
  generalEducation: generalEducationRank as (v: never) => number,
};
const LABEL: Record<QualificationField, Record<string, string>> = {
  professionalLevel: PROFESSIONAL_LABELS as Record<string, string>,
  politicalTheory: POLITICAL_THEORY_LABELS as Record<string, string>,
  stateManagement: STATE_MANAGEMENT_LABELS as Record<string, string>,
  generalEducation: GENERAL_EDUCATION_LABELS as Record<string, string>,
};

export interface DiffChange {
  kind: ChangeKind;
  person: string;
  birth?: string;
  /** How the person was matched (for changes of a matched person). */
  matchedBy?: "idNumber" | "nameAndBirthDate";
  category?: StaffCategory;
  oldUnit?: string;
  newUnit?: string;
  oldSheet?: string;
  oldRow?: number;
  newSheet?: string;
  newRow?: number;
  oldPosts?: string[];
  newPosts?: string[];
  /** qualificationChanged: each field that changed, with its labels and direction. */
  qualification?: { field: QualificationField; from?: string; to?: string; direction: "raised" | "lowered" | "changed" }[];
}

export type ChangeCounts = Record<ChangeKind, number>;

export interface DiffResult {
  old: { persons: number };
  new: { persons: number };
  /** Persons found in both rosters. */
  matched: number;
  counts: ChangeCounts;
  /** Per unit (the new unit; the old one for people who left; a move counts in both, as `movedOut` in the old). */
  byUnit: { unit: string; counts: ChangeCounts; movedOut: number }[];
  byCategory: Record<StaffCategory | "unknown", ChangeCounts>;
  changes: DiffChange[];
}

/** The persons of a reading: one per person (rows of the same person merged), people who left left out. */
export function diffPersons(reading: WorkbookReading): DiffPerson[] {
  const byPerson = new Map<number, PersonRecord[]>();
  reading.records.forEach((rec, i) => {
    if (rec.left || !rec.fullName) return;
    const p = reading.personOf[i];
    const list = byPerson.get(p);
    if (list) list.push(rec);
    else byPerson.set(p, [rec]);
  });
  const indexOf = new Map(reading.records.map((r, i) => [r, i]));
  const out: DiffPerson[] = [];
  for (const rows of byPerson.values()) {
    const first = rows[0];
    const posts = rows.flatMap((r) => r.posts.map((p) => p.text));
    const p: DiffPerson = {
      name: first.fullName!,
      posts,
      postKeys: [...new Set(rows.flatMap((r) => r.posts.map((q) => q.titleId ?? comparisonKey(q.text))))].sort(),
      qualification: {},
      sheet: first.sheet,
      row: first.row,
    };
    if (first.birthDate) p.birth = toIso(first.birthDate);
    const id = rows.find((r) => r.idNumber)?.idNumber;
    if (id) p.idNumber = id;
    const unit = reading.recordUnitIds[indexOf.get(first)!];
    if (unit) p.unit = unit;
    const cat = rows.find((r) => r.category)?.category;
    if (cat) p.category = cat;
    for (const f of QUALIFICATION_FIELDS) {
      const v = rows.find((r) => r[f] !== undefined)?.[f];
      if (v !== undefined) p.qualification[f] = v;
    }
    out.push(p);
  }
  return out;
}

const zero = (): ChangeCounts => ({ joined: 0, left: 0, moved: 0, postChanged: 0, qualificationChanged: 0 });

/**
 * Match the persons of two rosters and list the changes.
 * @example diffRosters(readWorkbook(oldGrid, o), readWorkbook(newGrid, o)).counts.joined
 */
export function diffRosters(oldReading: WorkbookReading, newReading: WorkbookReading): DiffResult {
  const olds = diffPersons(oldReading);
  const news = diffPersons(newReading);
  const pairs: { o: number; n: number; by: "idNumber" | "nameAndBirthDate" }[] = [];
  const usedO = new Set<number>();
  const usedN = new Set<number>();
  // 1. The same ID number (unique on both sides).
  const idsO = new Map<string, number[]>();
  olds.forEach((p, i) => p.idNumber && idsO.set(p.idNumber, [...(idsO.get(p.idNumber) ?? []), i]));
  const idsN = new Map<string, number[]>();
  news.forEach((p, i) => p.idNumber && idsN.set(p.idNumber, [...(idsN.get(p.idNumber) ?? []), i]));
  for (const [id, os] of idsO) {
    const ns = idsN.get(id);
    if (os.length === 1 && ns?.length === 1) {
      pairs.push({ o: os[0], n: ns[0], by: "idNumber" });
      usedO.add(os[0]);
      usedN.add(ns[0]);
    }
  }
  // 2. The same normalized name and birth date; unit, then title, break ties; a pair is made only
  //    when it is the best for both people and no other pair scores the same.
  const key = (p: DiffPerson) => (p.birth ? `${comparisonKey(p.name)}\u0000${p.birth}` : undefined);
  const groupsO = new Map<string, number[]>();
  olds.forEach((p, i) => {
    const k = key(p);
    if (k && !usedO.has(i)) groupsO.set(k, [...(groupsO.get(k) ?? []), i]);
  });
  const groupsN = new Map<string, number[]>();
  news.forEach((p, i) => {
    const k = key(p);
    if (k && !usedN.has(i)) groupsN.set(k, [...(groupsN.get(k) ?? []), i]);
  });
  for (const [k, os] of groupsO) {
    const ns = groupsN.get(k);
    if (!ns) continue;
    const idsDiffer = (o: number, n: number) => olds[o].idNumber !== undefined && news[n].idNumber !== undefined && olds[o].idNumber !== news[n].idNumber;
    const score = (o: number, n: number) => (olds[o].unit !== undefined && olds[o].unit === news[n].unit ? 2 : 0) + (olds[o].postKeys.join("|") === news[n].postKeys.join("|") ? 1 : 0);
    let progress = true;
    while (progress) {
      progress = false;
      const freeO = os.filter((o) => !usedO.has(o));
      const freeN = ns.filter((n) => !usedN.has(n) );
      for (const o of freeO) {
        const cands = freeN.filter((n) => !idsDiffer(o, n));
        if (cands.length === 0) continue;
        const best = Math.max(...cands.map((n) => score(o, n)));
        const top = cands.filter((n) => score(o, n) === best);
        if (top.length !== 1) continue;
        const n = top[0];
        const rivals = freeO.filter((o2) => o2 !== o && !idsDiffer(o2, n) && score(o2, n) >= best);
        if (rivals.length > 0) continue;
        pairs.push({ o, n, by: "nameAndBirthDate" });
        usedO.add(o);
        usedN.add(n);
        progress = true;
        break;
      }
    }
  }
  const changes: DiffChange[] = [];
  const base = (p: DiffPerson): Pick<DiffChange, "person" | "birth" | "category"> => ({ person: p.name, ...(p.birth ? { birth: p.birth } : {}), ...(p.category ? { category: p.category } : {}) });
  news.forEach((p, n) => {
    if (!usedN.has(n)) changes.push({ kind: "joined", ...base(p), ...(p.unit ? { newUnit: p.unit } : {}), newSheet: p.sheet, newRow: p.row, newPosts: p.posts });
  });
  olds.forEach((p, o) => {
    if (!usedO.has(o)) changes.push({ kind: "left", ...base(p), ...(p.unit ? { oldUnit: p.unit } : {}), oldSheet: p.sheet, oldRow: p.row, oldPosts: p.posts });
  });
  for (const { o, n, by } of pairs) {
    const a = olds[o];
    const b = news[n];
    const where = { matchedBy: by, ...(a.unit ? { oldUnit: a.unit } : {}), ...(b.unit ? { newUnit: b.unit } : {}), oldSheet: a.sheet, oldRow: a.row, newSheet: b.sheet, newRow: b.row };
    if (a.unit !== b.unit && a.unit !== undefined && b.unit !== undefined) changes.push({ kind: "moved", ...base(b), ...where });
    if (a.postKeys.join("|") !== b.postKeys.join("|")) changes.push({ kind: "postChanged", ...base(b), ...where, oldPosts: a.posts, newPosts: b.posts });
    const q: NonNullable<DiffChange["qualification"]> = [];
    for (const f of QUALIFICATION_FIELDS) {
      const [x, y] = [a.qualification[f], b.qualification[f]];
      if (x === y || y === undefined) continue;
      const [rx, ry] = [RANK[f](x as never), RANK[f](y as never)];
      q.push({ field: f, ...(x !== undefined ? { from: LABEL[f][x] ?? x } : {}), to: LABEL[f][y] ?? y, direction: x === undefined ? "changed" : ry > rx ? "raised" : ry < rx ? "lowered" : "changed" });
    }
    if (q.length > 0) changes.push({ kind: "qualificationChanged", ...base(b), ...where, qualification: q });
  }
  const order: Record<ChangeKind, number> = { joined: 0, left: 1, moved: 2, postChanged: 3, qualificationChanged: 4 };
  changes.sort((x, y) => order[x.kind] - order[y.kind] || (x.newUnit ?? x.oldUnit ?? "").localeCompare(y.newUnit ?? y.oldUnit ?? "", "vi") || x.person.localeCompare(y.person, "vi"));
  const counts = zero();
  const units = new Map<string, { counts: ChangeCounts; movedOut: number }>();
  const unit = (id: string) => {
    let u = units.get(id);
    if (!u) units.set(id, (u = { counts: zero(), movedOut: 0 }));
    return u;
  };
  const byCategory: DiffResult["byCategory"] = { cadre: zero(), civilServant: zero(), nonSpecializedCommune: zero(), nonSpecializedVillage: zero(), unknown: zero() };
  for (const c of changes) {
    counts[c.kind]++;
    unit(c.kind === "left" ? c.oldUnit ?? "" : c.newUnit ?? c.oldUnit ?? "").counts[c.kind]++;
    if (c.kind === "moved" && c.oldUnit) unit(c.oldUnit).movedOut++;
    byCategory[c.category ?? "unknown"][c.kind]++;
  }
  return {
    old: { persons: olds.length },
    new: { persons: news.length },
    matched: pairs.length,
    counts,
    byUnit: [...units.entries()].map(([u, v]) => ({ unit: u, ...v })).sort((a, b) => a.unit.localeCompare(b.unit, "vi")),
    byCategory,
    changes,
  };
}
