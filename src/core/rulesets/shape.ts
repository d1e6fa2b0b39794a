/**
 * A small hand-written schema language for rule-set files. It runs in the core (the CLI hands
 * the core a user's JSON text, and the task pane may too), so it cannot be a Node package; and
 * a broken file must be named field by field, so the first issue comes back with its path.
 *
 * Each shape is a function `(value, path) => issue | undefined`.
 */

/** What is wrong, where: `path` is the field ("rules[\"quota.overCap\"].values[0].from"). */
export interface ShapeIssue {
  path: string;
  vi: string;
  en: string;
}

export type Shape = (value: unknown, path: string) => ShapeIssue | undefined;

const issue = (path: string, vi: string, en: string): ShapeIssue => ({ path: path === "" ? "(gốc / root)" : path, vi, en });

/** A child path: `a.b`, or `a["x.y"]` when the key is not a plain identifier. */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === "number") return `${parent}[${key}]`;
  const plain = /^[\p{L}_$][\p{L}\p{N}_$]*$/u.test(key);
  if (plain) return parent === "" ? key : `${parent}.${key}`;
  return `${parent}[${JSON.stringify(key)}]`;
}

/** A plain JSON object (not an array, not null). */
export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

const describe = (v: unknown): string => (v === null ? "null" : Array.isArray(v) ? "mảng / array" : typeof v === "string" ? JSON.stringify(v.length > 40 ? v.slice(0, 40) + "…" : v) : String(v));

/** Text, optionally non-empty and matching a pattern. */
export function str(options: { pattern?: RegExp; patternVi?: string; patternEn?: string; empty?: boolean } = {}): Shape {
  return (v, path) => {
    if (typeof v !== "string") return issue(path, `phải là chuỗi văn bản (đang là ${describe(v)})`, `must be a string (is ${describe(v)})`);
    if (!options.empty && v.trim() === "") return issue(path, "không được để trống", "must not be empty");
    if (options.pattern && !options.pattern.test(v)) return issue(path, `"${v}" ${options.patternVi ?? "không đúng dạng"}`, `"${v}" ${options.patternEn ?? "has the wrong form"}`);
    return undefined;
  };
}

/** An integer in a range. */
export function int(min = 0, max = 100000): Shape {
  return (v, path) => {
    if (typeof v !== "number" || !Number.isInteger(v)) return issue(path, `phải là số nguyên (đang là ${describe(v)})`, `must be an integer (is ${describe(v)})`);
    if (v < min || v > max) return issue(path, `phải từ ${min} đến ${max} (đang là ${v})`, `must be between ${min} and ${max} (is ${v})`);
    return undefined;
  };
}

/** A number in a range. */
export function num(min = 0, max = 1e9): Shape {
  return (v, path) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return issue(path, `phải là số (đang là ${describe(v)})`, `must be a number (is ${describe(v)})`);
    if (v < min || v > max) return issue(path, `phải từ ${min} đến ${max} (đang là ${v})`, `must be between ${min} and ${max} (is ${v})`);
    return undefined;
  };
}

export const bool: Shape = (v, path) => (typeof v === "boolean" ? undefined : issue(path, `phải là true hoặc false (đang là ${describe(v)})`, `must be true or false (is ${describe(v)})`));

/** One of a fixed list of values. */
export function oneOf(values: readonly (string | number | boolean)[]): Shape {
  return (v, path) =>
    values.includes(v as string) ? undefined : issue(path, `phải là một trong: ${values.join(", ")} (đang là ${describe(v)})`, `must be one of: ${values.join(", ")} (is ${describe(v)})`);
}

/** A calendar date written YYYY-MM-DD. */
export const isoDate: Shape = (v, path) => {
  const bad = issue(path, `phải là ngày dạng YYYY-MM-DD (đang là ${describe(v)})`, `must be a date written YYYY-MM-DD (is ${describe(v)})`);
  if (typeof v !== "string") return bad;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return bad;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]) ? undefined : bad;
};

/** An array whose items all have a shape. */
export function arr(item: Shape, options: { min?: number } = {}): Shape {
  return (v, path) => {
    if (!Array.isArray(v)) return issue(path, `phải là mảng (đang là ${describe(v)})`, `must be an array (is ${describe(v)})`);
    if (options.min !== undefined && v.length < options.min) return issue(path, `cần ít nhất ${options.min} phần tử`, `needs at least ${options.min} items`);
    for (let i = 0; i < v.length; i++) {
      const e = item(v[i], childPath(path, i));
      if (e) return e;
    }
    return undefined;
  };
}

export interface FieldSpec {
  shape: Shape;
  required?: boolean;
}

/**
 * An object with known fields. Unknown fields are refused (a typo must not pass silently),
 * unless `rest` gives the shape of other keys and, with `keys`, which keys are allowed.
 */
export function obj(fields: Record<string, FieldSpec | Shape>, options: { rest?: Shape; keys?: readonly string[] | RegExp; keysVi?: string; keysEn?: string } = {}): Shape {
  const specs: Record<string, FieldSpec> = {};
  for (const [k, f] of Object.entries(fields)) specs[k] = typeof f === "function" ? { shape: f } : f;
  return (v, path) => {
    if (!isPlainObject(v)) return issue(path, `phải là đối tượng JSON {…} (đang là ${describe(v)})`, `must be a JSON object {…} (is ${describe(v)})`);
    for (const [k, spec] of Object.entries(specs)) {
      if (!(k in v)) {
        if (spec.required) return issue(childPath(path, k), "bắt buộc nhưng không có", "is required but missing");
        continue;
      }
      const e = spec.shape(v[k], childPath(path, k));
      if (e) return e;
    }
    for (const [k, value] of Object.entries(v)) {
      if (k in specs) continue;
      const p = childPath(path, k);
      const allowedKey = options.keys === undefined ? options.rest !== undefined : Array.isArray(options.keys) ? options.keys.includes(k) : (options.keys as RegExp).test(k);
      if (!options.rest || !allowedKey) {
        const known = [...Object.keys(specs), ...(Array.isArray(options.keys) ? options.keys : [])];
        const hintVi = options.keysVi ?? (known.length > 0 ? `; các trường được phép: ${known.join(", ")}` : "");
        const hintEn = options.keysEn ?? (known.length > 0 ? `; allowed fields: ${known.join(", ")}` : "");
        return issue(p, `là trường không được phép${hintVi}`, `is not an allowed field${hintEn}`);
      }
      const e = options.rest(value, p);
      if (e) return e;
    }
    return undefined;
  };
}

/** A value that may take one of several shapes; the issue of the first is reported. */
export function either(...shapes: Shape[]): Shape {
  return (v, path) => {
    let first: ShapeIssue | undefined;
    for (const s of shapes) {
      const e = s(v, path);
      if (!e) return undefined;
      first ??= e;
    }
    return first;
  };
}
