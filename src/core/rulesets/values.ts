/**
 * The shape of each rule's value: which rule ids a rule set may hold, and what their values
 * look like. A preset, a user's file, the Quy định sheet and quota-sheet figures are all checked
 * against these shapes, so a typo ("II " for "II", a title id that does not exist) is named at
 * load instead of silently switching a check off.
 */
import { TITLES } from "../reader/titles";
import { GENERAL_EDUCATION_TIERS } from "../text/vocab/generalEducation";
import { POLITICAL_THEORY_LEVELS } from "../text/vocab/politicalTheory";
import { PROFESSIONAL_LEVELS } from "../text/vocab/professional";
import { STATE_MANAGEMENT_LEVELS } from "../text/vocab/stateManagement";
import { arr, bool, int, isoDate, num, obj, oneOf, str, type Shape } from "./shape";

export const STATUSES = ["confirmed", "derived", "unconfirmed"] as const;
export const SEVERITIES = ["error", "warning", "info"] as const;
export const UNIT_KINDS = ["xã", "phường", "thị trấn", "đặc khu"] as const;
export const COMMUNE_CLASSES = ["đặc biệt", "I", "II", "III"] as const;
export const STAFF_CATEGORIES = ["cadre", "civilServant", "nonSpecializedCommune", "nonSpecializedVillage"] as const;
/** The categories a cap is set for (cán bộ and công chức share one figure: domain-rules.md §1a). */
export const CAP_CATEGORIES = ["cadreAndCivilServant", "nonSpecializedCommune"] as const;
export type CapCategory = (typeof CAP_CATEGORIES)[number];

const TITLE_IDS = TITLES.map((t) => t.id);

/** Every object in a value may say how sure it is, and why. */
const annotations = { status: oneOf(STATUSES), note: str() };

const titleId: Shape = oneOf(TITLE_IDS);

/** Class → number; "*" is any class. */
const byClass: Shape = obj(annotations, { rest: int(0, 1000), keys: [...COMMUNE_CLASSES, "*"], keysVi: `; loại đơn vị: ${COMMUNE_CLASSES.join(", ")}, *`, keysEn: `; classes: ${COMMUNE_CLASSES.join(", ")}, *` });
/** Unit kind → class → number; "*" is any kind. */
const byKindAndClass: Shape = obj(annotations, { rest: byClass, keys: [...UNIT_KINDS, "*"], keysVi: `; loại hình: ${UNIT_KINDS.join(", ")}, *`, keysEn: `; kinds: ${UNIT_KINDS.join(", ")}, *` });

/** ND 33/2023 Art 6(2), Art 33(2): +1 per full step of population, +1 per full area standard above the standard. */
const incrementStandards = { ...annotations, populationStandard: num(1, 1e7), populationStep: num(1, 1e7), areaStandard: num(0.01, 1e5) };
const increments: Shape = obj({
  ...annotations,
  appliesTo: arr(oneOf(CAP_CATEGORIES), { min: 1 }),
  byKind: obj({}, { rest: obj({ ...incrementStandards, difficultArea: obj(incrementStandards) }), keys: UNIT_KINDS }),
});

const noValue: Shape = obj(annotations);

/** A set of title ids written as flags (`{ "landConstruction": true }`), so the Quy định sheet can add or drop one. */
const titleFlags: Shape = obj(annotations, { rest: bool, keys: TITLE_IDS });
/** A set of categories written as flags. */
const categoryFlags: Shape = obj(annotations, { rest: bool, keys: STAFF_CATEGORIES });

/**
 * A qualification standard (issue 5 §1): per title id, or per category for every title of it
 * (a title's own entry wins): the lowest level, the lowest level in a difficult area (the unit's
 * flag on the quota sheet), or `exempt`. `transition`: until when (inclusive) a shortfall of a
 * person appointed before `appointedBefore` (or whose appointment date is not known) is only a
 * `severity` (default warning) instead of the rule's.
 */
function standard(levels: readonly string[]): Shape {
  const requirement = obj({ ...annotations, min: oneOf(levels), difficultArea: oneOf(levels), exempt: bool });
  const transition = obj({ ...annotations, until: { shape: isoDate, required: true }, appointedBefore: isoDate, severity: oneOf(SEVERITIES) });
  return obj({ ...annotations, transition }, { rest: requirement, keys: [...TITLE_IDS, ...STAFF_CATEGORIES] });
}

/** Fields a person row must have (`data.missingValue`). */
export const REQUIRED_FIELD_KEYS = ["birthDate", "gender", "position", "ethnicity", "idNumber", "professionalLevel", "politicalTheory", "generalEducation", "stateManagement", "positionSince", "partyJoinDate"] as const;

/** Rule id → the shape of its value. The keys are every rule id a rule set may hold. */
export const RULE_VALUE_SHAPES: Readonly<Record<string, Shape>> = {
  "quota.shortage": noValue,
  "quota.excess": noValue,
  "quota.overCap": obj({ ...annotations, cadreAndCivilServant: byKindAndClass, nonSpecializedCommune: byKindAndClass, increments }),
  "quota.overBaseCap": noValue,
  "quota.villageOverCap": obj({ ...annotations, perVillage: { shape: int(1, 50), required: true } }),
  "position.missingMandatory": obj({ ...annotations, titles: { shape: arr(titleId, { min: 1 }), required: true } }),
  "position.tooManyDeputies": obj(annotations, { rest: byClass, keys: TITLE_IDS }),
  "position.deputiesAboveAverage": obj(annotations, { rest: num(0, 100), keys: TITLE_IDS }),
  "position.tooManyHolders": obj(annotations, { rest: obj({ ...annotations, max: { shape: int(0, 100), required: true } }), keys: TITLE_IDS }),
  "position.abolishedTitle": obj(annotations, { rest: obj({ ...annotations, since: { shape: isoDate, required: true }, severity: oneOf(SEVERITIES) }), keys: TITLE_IDS }),
  "position.abolishedCategory": obj(annotations, { rest: obj({ ...annotations, since: { shape: isoDate, required: true }, severity: oneOf(SEVERITIES) }), keys: STAFF_CATEGORIES }),
  "position.categoryMismatch": obj({ ...annotations, alternatives: obj({}, { rest: arr(oneOf(STAFF_CATEGORIES)), keys: TITLE_IDS }) }),
  "qualification.generalEducation": standard(GENERAL_EDUCATION_TIERS),
  "qualification.professionalLevel": standard(PROFESSIONAL_LEVELS),
  "qualification.professionalField": obj(annotations, { rest: obj({ ...annotations, fields: { shape: str(), required: true } }), keys: TITLE_IDS }),
  "qualification.politicalTheory": standard(POLITICAL_THEORY_LEVELS),
  "qualification.stateManagement": standard(STATE_MANAGEMENT_LEVELS),
  "retirement.pastAge": obj({
    ...annotations,
    categories: { shape: categoryFlags, required: true },
    ageMonths: { shape: obj({ ...annotations, male: { shape: obj(annotations, { rest: int(360, 1200), keys: /^\d{4}$/, keysVi: "; năm dạng 2021", keysEn: "; years like 2021" }), required: true }, female: { shape: obj(annotations, { rest: int(360, 1200), keys: /^\d{4}$/, keysVi: "; năm dạng 2021", keysEn: "; years like 2021" }), required: true } }), required: true },
  }),
  "retirement.soon": obj({ ...annotations, withinMonths: { shape: int(1, 120), required: true } }),
  "retirement.appointedLate": obj({ ...annotations, titles: { shape: titleFlags, required: true }, minMonths: { shape: int(1, 240), required: true }, appointedFrom: isoDate }),
  "rotation.headTerms": obj({ ...annotations, titles: { shape: titleFlags, required: true }, twoTerms: obj({ ...annotations, months: int(12, 600), number: int(2, 20) }), secondTerm: obj({ ...annotations, months: int(1, 600), number: int(2, 20) }) }),
  "rotation.periodicChange": obj({ ...annotations, titles: { shape: titleFlags, required: true }, cycleMonths: { shape: int(1, 240), required: true }, minMonthsLeft: int(0, 240) }),
  "concurrency.villageSecretaryIsHead": noValue,
  "concurrency.secretaryIsCommitteeChair": noValue,
  "concurrency.secretaryIsCouncilChair": noValue,
  "data.implausibleAge": obj({ ...annotations, minAge: { shape: int(0, 120), required: true }, maxAge: { shape: int(0, 150), required: true } }),
  "data.missingValue": obj({ ...annotations, fields: { shape: obj(annotations, { rest: bool, keys: REQUIRED_FIELD_KEYS }), required: true } }),
};

/** Every rule id a rule set may hold, in documentation order. */
export const RULE_IDS: readonly string[] = Object.keys(RULE_VALUE_SHAPES);
