/**
 * The schema of a rule-set file, checked when the file is loaded. A preset and a user's
 * `--rules FILE` share it; a user's file may `extend` a preset and then give only what it changes.
 * A broken file stops the run with one clear line naming the file and the field
 * (`EngineError("rules.invalid")`), never a crash deep inside a check.
 *
 * ```json
 * { "id": "quang-ninh-2024", "extends": "nd33-2023", "version": "1",
 *   "name": { "vi": "Quảng Ninh 2024", "en": "Quảng Ninh 2024" },
 *   "rules": { "quota.overCap": { "set": { "cadreAndCivilServant.xã.II": 19 } },
 *              "position.missingMandatory": { "severity": "error" } } }
 * ```
 */
import { EngineError } from "../errors";
import { arr, bool, childPath, isoDate, isPlainObject, obj, oneOf, str, either, num, type Shape, type ShapeIssue } from "./shape";
import type { JsonValue } from "./types";
import { RULE_IDS, RULE_VALUE_SHAPES, SEVERITIES, STATUSES } from "./values";

export const RULE_SET_ID_PATTERN = /^[a-z0-9][a-z0-9.-]*$/;

const basis: Shape = obj({ text: { shape: str(), required: true }, article: str(), sources: arr(str({ pattern: /^S\d{2}$/, patternVi: "không phải mã nguồn dạng S01", patternEn: "is not a source key like S01" })) });
const ruleIdKeys = { keys: RULE_IDS, keysVi: `; các quy tắc có: ${RULE_IDS.join(", ")}`, keysEn: `; known rules: ${RULE_IDS.join(", ")}` };

function period(valueShape: Shape): Shape {
  return obj({ from: isoDate, to: isoDate, value: valueShape, basis, status: oneOf(STATUSES), severity: oneOf(SEVERITIES), note: str() });
}

/** A leaf a user may set: a number, a text or a flag. */
const leaf: Shape = either(num(0, 1e9), str(), bool);

function ruleShape(id: string, partial: boolean): Shape {
  const valueShape = RULE_VALUE_SHAPES[id];
  const fields = {
    severity: { shape: oneOf(SEVERITIES), required: !partial },
    description: { shape: str(), required: !partial },
    descriptionEn: str(),
    basis: { shape: basis, required: !partial },
    status: oneOf(STATUSES),
    enabled: bool,
    note: str(),
    values: arr(period(valueShape)),
  };
  return partial ? obj({ ...fields, set: obj({}, { rest: leaf, keys: /^[^.\s][^]*$/ }) }) : obj(fields);
}

function rulesShape(partial: boolean): Shape {
  return (v, path) => {
    const outer = obj({}, { rest: () => undefined, ...ruleIdKeys })(v, path);
    if (outer) return outer;
    for (const [id, spec] of Object.entries(v as Record<string, unknown>)) {
      const e = ruleShape(id, partial)(spec, childPath(path, id));
      if (e) return e;
    }
    return undefined;
  };
}

const header = {
  $schema: str(),
  id: { shape: str({ pattern: RULE_SET_ID_PATTERN, patternVi: "chỉ được gồm chữ thường không dấu, số, dấu chấm và gạch nối", patternEn: "may hold only lower-case ASCII letters, digits, dots and hyphens" }), required: true },
  version: str(),
  name: obj({ vi: { shape: str(), required: true }, en: { shape: str(), required: true } }),
  from: isoDate,
  to: isoDate,
  basis: str(),
  note: str(),
};

/** A full rule set (a preset, or a user's file that extends nothing). */
export const fullRuleSetShape: Shape = obj({ ...header, version: { shape: str(), required: true }, name: { shape: header.name, required: true }, basis: { shape: str(), required: true }, rules: { shape: rulesShape(false), required: true } });
/** A user's file that extends a preset: everything but `id` and `extends` is optional. */
export const extendingRuleSetShape: Shape = obj({ ...header, extends: { shape: str(), required: true }, rules: rulesShape(true) });

/** The parsed, checked content of a rule-set file. */
export interface RuleSetFileContent {
  id: string;
  version?: string;
  extends?: string;
  name?: { vi: string; en: string };
  from?: string;
  to?: string;
  basis?: string;
  note?: string;
  rules?: Record<string, Record<string, JsonValue>>;
}

/** Raise the issue as the one error a user sees. */
export function invalidRuleFile(file: string, e: ShapeIssue): never {
  throw new EngineError("rules.invalid", { file, field: e.path, problemVi: e.vi, problemEn: e.en });
}

/** Dates of each rule's periods in order and not overlapping; the regime's from before its to. */
function checkDates(content: RuleSetFileContent, file: string): void {
  if (content.from && content.to && content.from > content.to) invalidRuleFile(file, { path: "to", vi: `(${content.to}) trước ngày bắt đầu ${content.from}`, en: `(${content.to}) is before from (${content.from})` });
  for (const [id, rule] of Object.entries(content.rules ?? {})) {
    const values = (rule.values ?? []) as { from?: string; to?: string }[];
    let lastTo: string | undefined;
    values.forEach((p, i) => {
      const at = childPath(childPath(childPath("rules", id), "values"), i);
      if (p.from && p.to && p.from > p.to) invalidRuleFile(file, { path: childPath(at, "to"), vi: `(${p.to}) trước ngày bắt đầu ${p.from}`, en: `(${p.to}) is before from (${p.from})` });
      if (i > 0 && (lastTo === undefined || p.from === undefined || p.from <= lastTo)) {
        invalidRuleFile(file, { path: childPath(at, "from"), vi: "chồng lên khoảng ngày trước; các khoảng phải theo thứ tự và không chồng nhau", en: "overlaps the previous span; spans must be in order and must not overlap" });
      }
      lastTo = p.to;
    });
  }
}

/**
 * Check a parsed rule-set file. `preset` files must be complete; a user's file may extend a preset.
 * @example checkRuleSetFile(JSON.parse(text), "qn.json", { preset: false })
 */
export function checkRuleSetFile(json: unknown, file: string, options: { preset: boolean }): RuleSetFileContent {
  if (!isPlainObject(json)) invalidRuleFile(file, { path: "(gốc / root)", vi: "phải là đối tượng JSON {…}", en: "must be a JSON object {…}" });
  const extending = !options.preset && "extends" in json;
  if (options.preset && "extends" in json) invalidRuleFile(file, { path: "extends", vi: "không dùng trong bộ quy định có sẵn", en: "is not used in a preset" });
  const e = (extending ? extendingRuleSetShape : fullRuleSetShape)(json, "");
  if (e) invalidRuleFile(file, e);
  const content = json as unknown as RuleSetFileContent;
  checkDates(content, file);
  return content;
}

/** Parse a rule file's JSON text; a syntax error names the line and column. */
export function parseRuleSetText(text: string, file: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(msg);
    let where = "";
    if (pos) {
      const before = text.slice(0, Number(pos[1]));
      const line = before.split("\n").length;
      const col = Number(pos[1]) - before.lastIndexOf("\n");
      where = `dòng ${line}, cột ${col}`;
      throw new EngineError("rules.badJson", { file, where, whereEn: `line ${line}, column ${col}` });
    }
    throw new EngineError("rules.badJson", { file, where: "?", whereEn: "?" });
  }
}
