/**
 * The registry of checks: an explicit list, in the order they run. Adding a check means adding
 * its file and a line here (and its rule ids to `rulesets/values.ts` and the catalogue).
 */
import { abolishedTitle } from "./record/abolishedTitle";
import { appointedLate } from "./record/appointedLate";
import { categoryMismatch } from "./record/categoryMismatch";
import { headTerms } from "./record/headTerms";
import { implausibleAge } from "./record/implausibleAge";
import { missingValues } from "./record/missingValues";
import { periodicChange } from "./record/periodicChange";
import { professionalField } from "./record/professionalField";
import { retirementAge } from "./record/retirementAge";
import { standards } from "./record/standards";
import type { Check } from "./types";
import { abolishedCategory } from "./unit/abolishedCategory";
import { concurrency } from "./unit/concurrency";
import { deputyCap } from "./unit/deputyCap";
import { mandatoryPosts } from "./unit/mandatoryPosts";
import { quotaCap } from "./unit/quotaCap";
import { quotaFigures } from "./unit/quotaFigures";
import { titleHolders } from "./unit/titleHolders";
import { villageCap } from "./unit/villageCap";

export const CHECKS: readonly Check[] = [
  quotaFigures, quotaCap, villageCap, mandatoryPosts, deputyCap, titleHolders, abolishedTitle, abolishedCategory, categoryMismatch,
  // Issue 5: standards, retirement, rotation, concurrency, data quality.
  standards, professionalField, retirementAge, appointedLate, headTerms, periodicChange, concurrency, implausibleAge, missingValues,
];

export type { Check, CheckContext, UnitView } from "./types";
export { RuleConfigError } from "./types";
export { runChecks } from "./runner";
