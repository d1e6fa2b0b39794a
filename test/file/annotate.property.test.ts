/**
 * Property: over random rosters (every layout of test/support/workbooks.ts, random seeds, TCVN3 /
 * VNI / Unicode text, merges, formulas, styles) and random plans (highlights anywhere, notes with
 * any text, own sheets with any names and values, text repairs), the annotated copy
 * - passes the structural checks;
 * - keeps every entry outside the parts it may edit byte for byte;
 * - keeps every value, formula, merge, hidden state and (outside the marked cells) style;
 * - fills every marked cell with its severity colour and writes our sheets' values exactly;
 * - comes back exactly with clear, and is its own fixed point under a re-run.
 */
import fc from "fast-check";
import { strFromU8, unzipSync } from "fflate";
import type { SheetGrid, WorkbookGrid } from "../../src/core/grid";
import { HIGHLIGHT_FILLS, type EditPlan, type PlanCell, type PlanSheet, type PlanStyle } from "../../src/core/plan/types";
import { annotateWorkbookDetailed, clearWorkbook } from "../../src/file/annotate";
import { readXlsx } from "../../src/file/readXlsx";
import { checkPackage, kid, kids, parseXml, rawEntries, relId } from "../support/packageCheck";
import { categoryListsFixture, communeSheetsTcvn3Fixture, districtListFixture, messyListFixture, oneHotMatrixFixture, quotaFixture, vniFixture, type Fixture } from "../support/workbooks";

const LAYOUTS: ((seed: number) => Promise<Fixture>)[] = [
  (seed) => districtListFixture({ count: 8, seed, withQuota: seed % 2 === 0, hiddenSheets: seed % 3 === 0 }),
  (seed) => communeSheetsTcvn3Fixture({ count: 8, communes: 2, seed }),
  (seed) => oneHotMatrixFixture({ count: 6, seed }),
  (seed) => messyListFixture({ count: 8, seed, date1904: seed % 2 === 1 }),
  (seed) => vniFixture({ count: 6, seed }),
  (seed) => categoryListsFixture({ count: 10, seed, hiddenSheets: seed % 2 === 0 }),
  (seed) => quotaFixture({ seed }),
];

const STYLES: PlanStyle[] = ["title", "subtitle", "italic", "header", "text", "textWrap", "integer", "percent", "date", "totalText", "totalInteger", "totalPercent", "shortage", "excess", "severityError", "severityWarning", "severityInfo", "link", "signatureTitle", "signatureNote", "plain"];
/** Text that tests the escaping: XML specials, OOXML escapes, control characters, formula look-alikes, Vietnamese. */
const NASTY = ["=1+1", "+84", "-", "@a", "&<>\"'", "_x0041_", "a\u0001b", "dòng 1\ndòng 2", "tab\there", "cr\rlf", "Nguyễn Thị Hường", "]]>", "  lề  ", "Ủy ban nhân dân"];
const text = fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme", maxLength: 12 }));

interface Raw {
  seed: number;
  layout: number;
  marks: { sheet: number; row: number; col: number; error: boolean; note: string }[];
  repairs: { sheet: number; row: number; col: number; text: string }[];
  sheets: { name: string; collide: boolean; rows: (string | number | null)[][]; styles: number[]; table: boolean; chart: boolean; links: boolean }[];
}

const value = fc.oneof(text, fc.integer({ min: -100000, max: 100000 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e9, max: 1e9 }), fc.constant(null));

const arb: fc.Arbitrary<Raw> = fc.record({
  seed: fc.integer({ min: 1, max: 3 }),
  layout: fc.nat(LAYOUTS.length - 1),
  marks: fc.array(fc.record({ sheet: fc.nat(9), row: fc.integer({ min: 1, max: 70 }), col: fc.integer({ min: 1, max: 36 }), error: fc.boolean(), note: fc.oneof(fc.constant(""), text) }), { maxLength: 20 }),
  repairs: fc.array(fc.record({ sheet: fc.nat(9), row: fc.integer({ min: 1, max: 40 }), col: fc.integer({ min: 1, max: 12 }), text }), { maxLength: 4 }),
  sheets: fc.array(
    fc.record({
      name: text,
      collide: fc.boolean(),
      rows: fc.array(fc.array(value, { minLength: 1, maxLength: 5 }), { maxLength: 6 }),
      styles: fc.array(fc.nat(STYLES.length - 1), { minLength: 5, maxLength: 5 }),
      table: fc.boolean(),
      chart: fc.boolean(),
      links: fc.boolean(),
    }),
    { maxLength: 3 },
  ),
});

function planSheet(raw: Raw["sheets"][number], i: number, user: SheetGrid[]): PlanSheet {
  const kinds = ["findings", "staffing", "quality", "people", "files"] as const;
  const rows: (PlanCell | undefined)[][] = [[{ value: `Tiêu đề ${i}`, style: "title" }]];
  // Row 2 is the table's header (text), rows 3… its body.
  const width = Math.max(1, ...raw.rows.map((r) => r.length));
  rows.push(Array.from({ length: width }, (_v, c) => ({ value: c === 0 ? "Đơn vị" : `Cột ${c}`, style: "header" as PlanStyle })));
  raw.rows.forEach((r, k) =>
    rows.push(
      r.map((v, c) => {
        const cell: PlanCell = { value: v, style: STYLES[raw.styles[c % raw.styles.length]] };
        if (raw.links && c === 0 && user.length > 0) cell.link = { sheet: user[k % user.length].name, cell: `B${k + 1}` };
        return cell;
      }),
    ),
  );
  const last = rows.length;
  const sheet: PlanSheet = {
    kind: kinds[i % kinds.length],
    name: raw.collide && user.length > 0 ? user[i % user.length].name : raw.name,
    columnWidths: Array.from({ length: width }, (_v, c) => 8 + c * 3),
    rows,
    merges: width > 1 ? [{ top: 1, left: 1, bottom: 1, right: width }] : [],
    print: { orientation: i % 2 === 0 ? "landscape" : "portrait", paper: "A4", fitToWidth: i % 2 === 0, repeatRows: { from: 2, to: 2 } },
    freeze: { rows: 2, columns: i % 2 },
    tabColor: i % 2 === 0 ? "1F4E78" : undefined,
  };
  if (raw.table) sheet.table = { name: `Bang_${i}`, headerRow: 2, firstColumn: 1, lastColumn: width, lastRow: Math.max(last, 3) };
  if (raw.chart && width > 1 && last > 2) sheet.chart = { title: `Biểu đồ ${i}`, categoryColumn: 1, firstRow: 3, lastRow: last, series: [{ column: 2, name: "Cột 1" }], anchor: { row: last + 2, col: 1, widthCols: 6, heightRows: 12 } };
  return sheet;
}

function buildPlan(raw: Raw, grid: WorkbookGrid): EditPlan {
  const user = grid.sheets;
  return {
    highlights: raw.marks.map((m) => ({ sheet: user[m.sheet % user.length].name, row: m.row, col: m.col, severity: m.error ? ("error" as const) : ("warning" as const), note: m.note })),
    textRepairs: raw.repairs.map((r) => ({ sheet: user[r.sheet % user.length].name, row: r.row, col: r.col, text: r.text, fontName: "Times New Roman" })),
    sheets: raw.sheets.map((s, i) => planSheet(s, i, user)),
  };
}

/** Parts the annotated copy may edit: content types, workbook, its rels, styles, and the marked sheets with their rels, notes and VML. */
function editable(bytes: Uint8Array, sheets: string[]): Set<string> {
  const files = unzipSync(bytes);
  const xml = (p: string) => parseXml(strFromU8(files[p]));
  const wbRels = kids(xml("xl/_rels/workbook.xml.rels"), "Relationship");
  const out = new Set(["[Content_Types].xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/styles.xml"]);
  for (const s of kids(kid(xml("xl/workbook.xml"), "sheets"), "sheet")) {
    if (!sheets.includes(s.attrs.name)) continue;
    const part = `xl/${wbRels.find((r) => r.attrs.Id === relId(s))!.attrs.Target}`;
    const rels = part.replace("worksheets/", "worksheets/_rels/") + ".rels";
    out.add(part).add(rels);
    if (files[rels]) for (const r of kids(xml(rels), "Relationship")) if (/\/(comments|vmlDrawing)$/.test(r.attrs.Type)) out.add(`xl/${r.attrs.Target.replace("../", "")}`);
  }
  return out;
}

function styleAt(s: SheetGrid, r: number, c: number): number {
  return s.styleIds?.[r - 1]?.[c - 1] ?? 0;
}

function fills(bytes: Uint8Array): (string | undefined)[] {
  const files = unzipSync(bytes);
  const rel = kids(parseXml(strFromU8(files["xl/_rels/workbook.xml.rels"])), "Relationship").find((x) => x.attrs.Type.endsWith("/styles"))!;
  const styles = parseXml(strFromU8(files[`xl/${rel.attrs.Target}`]));
  const f = kids(kid(styles, "fills"), "fill").map((x) => kid(kid(x, "patternFill"), "fgColor")?.attrs.rgb);
  return kids(kid(styles, "cellXfs"), "xf").map((x) => f[Number(x.attrs.fillId ?? 0)]);
}

function contents(bytes: Uint8Array): [string, string][] {
  const files = unzipSync(bytes);
  return rawEntries(bytes).map((e) => [e.name, Buffer.from(files[e.name] ?? new Uint8Array()).toString("latin1")]);
}

describe("annotated copy over random rosters and plans", () => {
  it("keeps the workbook, marks it, clears exactly and is stable under a re-run", async () => {
    const cache = new Map<string, Fixture>();
    await fc.assert(
      fc.asyncProperty(arb, async (raw) => {
        const key = `${raw.layout}/${raw.seed}`;
        if (!cache.has(key)) cache.set(key, await LAYOUTS[raw.layout](raw.seed));
        const f = cache.get(key)!;
        const before = readXlsx(f.bytes);
        const plan = buildPlan(raw, before);
        const result = annotateWorkbookDetailed(f.bytes, plan);
        const out = result.bytes;
        expect(checkPackage(out)).toEqual([]);

        // Untouched parts byte for byte.
        const marked = [...new Set([...plan.highlights, ...(plan.textRepairs ?? [])].map((h) => h.sheet))];
        const may = editable(f.bytes, marked);
        const outRaw = new Map(rawEntries(out).map((e) => [e.name, e]));
        for (const e of rawEntries(f.bytes)) {
          if (may.has(e.name)) continue;
          const o = outRaw.get(e.name);
          expect(o && Buffer.from(o.raw).equals(Buffer.from(e.raw)) && o.crc32 === e.crc32).toBe(true);
        }

        // The user's sheets: values (repaired cells aside), formulas, merges, hidden state, styles.
        const after = readXlsx(out);
        const repaired = new Map<string, string>();
        const skipped = new Set(result.skippedRepairs.map((s) => `${s.sheet}|${s.cell}`));
        for (const r of plan.textRepairs ?? []) {
          const ref = `${String.fromCharCode(64 + ((r.col - 1) % 26) + 1)}`;
          if (r.col <= 26 && !skipped.has(`${r.sheet}|${ref}${r.row}`)) repaired.set(`${r.sheet}|${r.row},${r.col}`, r.text);
        }
        const severity = new Map<string, "error" | "warning">();
        for (const h of plan.highlights) {
          const k = `${h.sheet}|${h.row},${h.col}`;
          severity.set(k, severity.get(k) === "error" || h.severity === "error" ? "error" : "warning");
        }
        const xfFill = fills(out);
        for (const b of before.sheets) {
          const a = after.sheets.find((s) => s.name === b.name)!;
          expect(a.formulas).toEqual(b.formulas);
          expect(a.merges).toEqual(b.merges);
          expect(a.hiddenRows).toEqual(b.hiddenRows);
          expect(a.hiddenColumns).toEqual(b.hiddenColumns);
          expect(a.visibility).toEqual(b.visibility);
          for (let row = 1; row <= Math.max(b.rowCount, 70); row++) {
            for (let col = 1; col <= Math.max(b.columnCount, 36); col++) {
              const k = `${b.name}|${row},${col}`;
              const vb = b.values[row - 1]?.[col - 1];
              const va = a.values[row - 1]?.[col - 1];
              if (repaired.has(k)) expect(va).toBe(repaired.get(k) === "" ? undefined : repaired.get(k));
              else expect(va).toEqual(vb);
              const sev = severity.get(k);
              if (sev) expect(xfFill[styleAt(a, row, col)]).toBe(`FF${HIGHLIGHT_FILLS[sev]}`);
              else if (!repaired.has(k)) expect(styleAt(a, row, col)).toBe(styleAt(b, row, col));
            }
          }
        }

        // Our sheets: names unique, values exactly as planned.
        const names = after.sheets.map((s) => s.name.toUpperCase());
        expect(new Set(names).size).toBe(names.length);
        expect(after.sheets.length).toBe(before.sheets.length + plan.sheets.length);
        plan.sheets.forEach((ps, i) => {
          const s = after.sheets[before.sheets.length + i];
          expect(result.sheetNames[ps.name] ?? s.name).toBeDefined();
          ps.rows.forEach((row, r) =>
            row?.forEach((cell, c) => {
              const v = cell?.value;
              const got = s.values[r]?.[c];
              if (ps.table && r + 1 === ps.table.headerRow) return;
              if (typeof v === "number") expect(got).toBe(v === 0 ? 0 : v);
              else if (typeof v === "string" && v !== "") expect(got).toBe(v);
              else expect(got).toBeUndefined();
            }),
          );
          expect(s.formulas).toBeUndefined();
        });

        // Clear: every part exactly as it was. Re-run: the same bytes.
        expect(contents(clearWorkbook(out))).toEqual(contents(f.bytes));
        expect(Buffer.from(annotateWorkbookDetailed(out, plan).bytes).equals(Buffer.from(out))).toBe(true);
      }),
      { numRuns: 40, seed: 20261128 },
    );
  });
});
