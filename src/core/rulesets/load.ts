/**
 * Loading rule sets: a preset by id, or a user's JSON rule file (which may `extend` a preset
 * and change values). Both are checked against the schema; a broken file is an EngineError
 * naming the file and the field.
 */
import { EngineError } from "../errors";
import { PRESET_FILES } from "./presets";
import { checkRuleSetFile, invalidRuleFile, parseRuleSetText, type RuleSetFileContent } from "./schema";
import { childPath } from "./shape";
import type { Basis, JsonValue, LeafValue, OverrideRecord, RuleDefinition, RuleSetDefinition, ValuePeriod, ValueStatus } from "./types";
import type { Severity } from "../report/types";

const presetCache = new Map<string, RuleSetDefinition>();

/** Ids of the presets, in date order. */
export function presetIds(): string[] {
  return PRESET_FILES.map((p) => (p.json as { id: string }).id);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

function toRule(id: string, spec: Record<string, JsonValue>): RuleDefinition {
  const r: RuleDefinition = {
    id,
    severity: spec.severity as Severity,
    description: spec.description as string,
    basis: spec.basis as unknown as Basis,
    status: (spec.status as ValueStatus | undefined) ?? "confirmed",
    enabled: (spec.enabled as boolean | undefined) ?? true,
    values: clone((spec.values as unknown as ValuePeriod[] | undefined) ?? []),
  };
  if (typeof spec.descriptionEn === "string") r.descriptionEn = spec.descriptionEn;
  if (typeof spec.note === "string") r.note = spec.note;
  return r;
}

function toDefinition(content: RuleSetFileContent, source: "preset" | "file", file?: string): RuleSetDefinition {
  const rules: Record<string, RuleDefinition> = {};
  for (const [id, spec] of Object.entries(content.rules ?? {})) rules[id] = toRule(id, spec);
  const def: RuleSetDefinition = { id: content.id, version: content.version ?? "1", name: content.name!, basis: content.basis!, source, rules, fileSets: [], fileChanges: [] };
  if (content.from) def.from = content.from;
  if (content.to) def.to = content.to;
  if (content.note) def.note = content.note;
  if (file && source === "file") def.file = file;
  return def;
}

/**
 * A preset by id, checked against the schema on first use; undefined for an unknown id.
 * @example loadPreset("nd33-2023")?.rules["quota.overCap"].severity // "error"
 */
export function loadPreset(id: string): RuleSetDefinition | undefined {
  const cached = presetCache.get(id);
  if (cached) return cached;
  const entry = PRESET_FILES.find((p) => (p.json as { id?: unknown }).id === id);
  if (!entry) return undefined;
  const content = checkRuleSetFile(entry.json, entry.file, { preset: true });
  const def = toDefinition(content, "preset");
  presetCache.set(id, def);
  return def;
}

/** A fresh copy of a preset (callers change their copy, never the cache). */
function presetCopy(id: string): RuleSetDefinition | undefined {
  const p = loadPreset(id);
  return p ? clone(p) : undefined;
}

/**
 * A user's rule file, from its JSON text. With `extends`, the file's rules change the preset's:
 * `severity`, `enabled`, texts and `values` replace the preset's; `set` changes single values
 * ("cadreAndCivilServant.xã.II": 19) of whatever period applies on the reporting date.
 * @example loadRuleSetFile('{"id":"qn","extends":"nd33-2023"}', "qn.json").extends // "nd33-2023"
 */
export function loadRuleSetFile(text: string, file: string): RuleSetDefinition {
  const json = parseRuleSetText(text, file);
  const content = checkRuleSetFile(json, file, { preset: false });
  const presets = presetIds();
  if (content.extends === undefined) {
    if (presets.includes(content.id)) invalidRuleFile(file, { path: "id", vi: `"${content.id}" trùng tên bộ quy định có sẵn; hãy đặt tên khác và dùng "extends": "${content.id}"`, en: `"${content.id}" is a preset's id; choose another id and use "extends": "${content.id}"` });
    return toDefinition(content, "file", file);
  }
  const base = presetCopy(content.extends);
  if (!base) invalidRuleFile(file, { path: "extends", vi: `"${content.extends}" không phải bộ quy định có sẵn (có: ${presets.join(", ")})`, en: `"${content.extends}" is not a preset (available: ${presets.join(", ")})` });
  if (presets.includes(content.id)) invalidRuleFile(file, { path: "id", vi: `"${content.id}" trùng tên bộ quy định có sẵn; hãy đặt tên riêng cho bộ quy định điều chỉnh`, en: `"${content.id}" is a preset's id; give the adjusted rule set its own id` });
  const def: RuleSetDefinition = {
    ...base,
    id: content.id,
    version: content.version ?? `${base.version}+${content.id}`,
    name: content.name ?? { vi: `${base.name.vi} — điều chỉnh "${content.id}"`, en: `${base.name.en} — adjusted "${content.id}"` },
    basis: content.basis ?? base.basis,
    source: "file",
    file,
    extends: content.extends,
    fileSets: [],
    fileChanges: [],
  };
  if (content.from) def.from = content.from;
  if (content.to) def.to = content.to;
  if (content.note) def.note = content.note;
  for (const [id, spec] of Object.entries(content.rules ?? {})) {
    const at = childPath("rules", id);
    const rule = def.rules[id];
    if (!rule) {
      // A rule the preset does not have needs everything a preset rule has.
      for (const f of ["severity", "description", "basis"]) {
        if (!(f in spec)) invalidRuleFile(file, { path: childPath(at, f), vi: `bắt buộc vì "${content.extends}" không có quy tắc này`, en: `is required because "${content.extends}" has no such rule` });
      }
      def.rules[id] = toRule(id, spec);
      def.fileChanges.push({ rule: id, key: "enabled", value: def.rules[id].enabled, source: "file", file });
    } else {
      if (spec.severity !== undefined && spec.severity !== rule.severity) {
        def.fileChanges.push({ rule: id, key: "severity", value: spec.severity as Severity, previous: rule.severity, source: "file", file });
        rule.severity = spec.severity as Severity;
      }
      if (spec.enabled !== undefined && spec.enabled !== rule.enabled) {
        def.fileChanges.push({ rule: id, key: "enabled", value: spec.enabled as boolean, previous: rule.enabled, source: "file", file });
        rule.enabled = spec.enabled as boolean;
      }
      if (typeof spec.description === "string") rule.description = spec.description;
      if (typeof spec.descriptionEn === "string") rule.descriptionEn = spec.descriptionEn;
      if (spec.basis !== undefined) rule.basis = spec.basis as unknown as Basis;
      if (typeof spec.note === "string") rule.note = spec.note;
      if (spec.values !== undefined) {
        rule.values = clone(spec.values as unknown as ValuePeriod[]);
        def.fileChanges.push({ rule: id, key: "values", value: rule.values.length, source: "file", file });
      }
    }
    for (const [path, value] of Object.entries((spec.set ?? {}) as Record<string, LeafValue>)) def.fileSets.push({ rule: id, path, value });
  }
  return def;
}

/** Name the problem of a `set` entry of a rule file. */
export function invalidFileSet(file: string, rule: string, path: string, vi: string, en: string): never {
  throw new EngineError("rules.invalid", { file, field: childPath(childPath(childPath("rules", rule), "set"), path), problemVi: vi, problemEn: en });
}

export type { OverrideRecord };
