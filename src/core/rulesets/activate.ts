/**
 * A rule set on a date: each rule's values for that date (deputy caps change inside a regime),
 * with the overrides applied in their order of precedence (the file's `set`, then the Quy định
 * sheet; per-unit quota-sheet figures are read by the checks and win over both).
 * And the one place where "unconfirmed never raises an error on its own" is decided.
 */
import type { Severity } from "../report/types";
import { invalidFileSet } from "./load";
import { isPlainObject } from "./shape";
import type { ActiveRule, ActiveRuleSet, JsonValue, LeafValue, RuleDefinition, RuleSetDefinition, ValuePeriod, ValueStatus } from "./types";
import { RULE_VALUE_SHAPES } from "./values";

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** The date the values are read for: the reporting date kept inside the regime's dates. */
export function evaluationDate(def: Pick<RuleSetDefinition, "from" | "to">, asOf: string): string {
  if (def.from && asOf < def.from) return def.from;
  if (def.to && asOf > def.to) return def.to;
  return asOf;
}

/** The period of a rule that applies on a date. */
export function periodOn(rule: Pick<RuleDefinition, "values">, date: string): ValuePeriod | undefined {
  return rule.values.find((p) => (p.from === undefined || p.from <= date) && (p.to === undefined || date <= p.to));
}

/** Result of setting one leaf. */
export type SetResult = { ok: true; previous?: LeafValue } | { ok: false; vi: string; en: string };

/**
 * Set a leaf inside a rule's value ("cadreAndCivilServant.xã.II" = 19), creating the objects on
 * the way, and check the whole value against the rule's shape. On failure nothing changes.
 */
export function setRuleValue(rule: ActiveRule, path: string, leaf: LeafValue): SetResult {
  const segments = path.split(".").map((s) => s.trim());
  if (segments.some((s) => s === "")) return { ok: false, vi: `đường dẫn "${path}" có đoạn trống`, en: `path "${path}" has an empty segment` };
  const next = (clone(rule.value) ?? {}) as JsonValue;
  if (!isPlainObject(next)) return { ok: false, vi: "giá trị của quy tắc không phải đối tượng", en: "the rule's value is not an object" };
  let node: Record<string, JsonValue> = next;
  for (const seg of segments.slice(0, -1)) {
    const child = node[seg];
    if (child === undefined) node[seg] = {};
    else if (!isPlainObject(child)) return { ok: false, vi: `"${seg}" không chứa giá trị con`, en: `"${seg}" holds no nested values` };
    node = node[seg] as Record<string, JsonValue>;
  }
  const last = segments[segments.length - 1];
  const before = node[last];
  if (isPlainObject(before) || Array.isArray(before)) return { ok: false, vi: `"${path}" là một nhóm giá trị, cần chỉ đến một giá trị cụ thể`, en: `"${path}" is a group of values; name a single value` };
  node[last] = leaf;
  const shape = RULE_VALUE_SHAPES[rule.id];
  const issue = shape ? shape(next, "") : undefined;
  if (issue) return { ok: false, vi: `${issue.path} ${issue.vi}`, en: `${issue.path} ${issue.en}` };
  rule.value = next;
  rule.userPaths.add(segments.join("."));
  return before === undefined || before === null ? { ok: true } : { ok: true, previous: before as LeafValue };
}

/**
 * Choose the values of a rule set for a reporting date and apply the rule file's `set` entries.
 * @example activateRuleSet(loadPreset("nd34-2019")!, "2020-05-01").rules.get("position.tooManyDeputies")!.value
 */
export function activateRuleSet(def: RuleSetDefinition, asOf: string): ActiveRuleSet {
  const date = evaluationDate(def, asOf);
  const rules = new Map<string, ActiveRule>();
  const userSeverity = new Map(def.fileChanges.filter((c) => c.key === "severity").map((c) => [c.rule, c.value as Severity]));
  for (const rule of Object.values(def.rules)) {
    const period = periodOn(rule, date);
    const active: ActiveRule = {
      id: rule.id,
      severity: userSeverity.get(rule.id) ?? period?.severity ?? rule.severity,
      description: rule.description,
      basis: period?.basis ?? rule.basis,
      status: period?.status ?? rule.status,
      enabled: rule.enabled,
      userPaths: new Set(),
    };
    if (rule.descriptionEn) active.descriptionEn = rule.descriptionEn;
    if (period) active.period = period;
    if (period?.value !== undefined) active.value = clone(period.value);
    rules.set(rule.id, active);
  }
  const set: ActiveRuleSet = { definition: def, date, rules, overrides: [...def.fileChanges] };
  for (const s of def.fileSets) {
    const rule = rules.get(s.rule)!;
    const r = setRuleValue(rule, s.path, s.value);
    if (!r.ok) invalidFileSet(def.file ?? def.id, s.rule, s.path, r.vi, r.en);
    set.overrides.push({ rule: s.rule, key: s.path, value: s.value, ...(r.previous !== undefined ? { previous: r.previous } : {}), source: "file", ...(def.file ? { file: def.file } : {}) });
  }
  return set;
}

const STATUS_RANK: Record<ValueStatus, number> = { confirmed: 0, derived: 1, unconfirmed: 2 };

function worse(a: ValueStatus, b: ValueStatus): ValueStatus {
  return STATUS_RANK[b] > STATUS_RANK[a] ? b : a;
}

/**
 * How sure a value is: the period's status, made worse by any `status` on the objects along the
 * path; a value a user gave (file, sheet) counts as confirmed.
 * @example valueStatus(rule, "increments.byKind.xã.populationStep") // "derived"
 */
export function valueStatus(rule: ActiveRule, path?: string): ValueStatus {
  if (path === undefined) return rule.status;
  const segments = path.split(".");
  for (let i = 1; i <= segments.length; i++) if (rule.userPaths.has(segments.slice(0, i).join("."))) return "confirmed";
  let status = rule.status;
  let node: JsonValue | undefined = rule.value;
  for (const seg of segments) {
    if (!isPlainObject(node)) break;
    if (typeof node.status === "string") status = worse(status, node.status as ValueStatus);
    node = node[seg];
  }
  if (isPlainObject(node) && typeof node.status === "string") status = worse(status, node.status as ValueStatus);
  return status;
}

/**
 * The severity of a finding: the rule's (or `base`), lowered to a warning when a value it rests
 * on is unconfirmed or derived (domain-rules.md: such a value is never a hard rule).
 * `paths` are the value paths the finding used; none means the rule's own status decides.
 * @example severityFor(rule, ["perVillage"]) // "warning" under nd34-2019 (partially confirmed)
 */
export function severityFor(rule: ActiveRule, paths: readonly string[], base: Severity = rule.severity): Severity {
  if (base !== "error") return base;
  const statuses = paths.length === 0 ? [rule.status] : paths.map((p) => valueStatus(rule, p));
  return statuses.some((s) => s !== "confirmed") ? "warning" : "error";
}

/** The basis of a rule on the evaluation date, as one line ("NĐ 33/2023/NĐ-CP, Điều 6 khoản 1"). */
export function basisLine(rule: Pick<ActiveRule, "basis">): string {
  return rule.basis.article ? `${rule.basis.text}, ${rule.basis.article}` : rule.basis.text;
}
