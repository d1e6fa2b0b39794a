/**
 * Cell fills: read them cheaply and exactly, and write them back.
 *
 * "No fill" and white both read as #FFFFFF from `fill.color` (OfficeDev/office-js#4900, #6218);
 * the pattern ("None" vs "Solid") and `tintAndShade` (null for no fill) tell them apart, and no
 * fill is restored with `fill.clear()`, never by painting white (#2349).
 *
 * Reading: a column's run of marked cells is asked as one range first — a uniform range answers
 * for all its cells in one small response; only a mixed range (a property reads null) is read
 * cell by cell with `getCellProperties` (ExcelApi 1.9), in syncs sized by the payload budget.
 */
import { cellAddress } from "../core/address";
import type { OriginalFill } from "../core/changes";
import { addressLists, groupBy, rectangles, type CellRef } from "./addresses";
import { officeErrorCode } from "./errors";
import { jsonBytes } from "./limits";
import type { Session } from "./session";

/** A fill as Office.js reports it. */
export interface FillState {
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
}

/** A cell on a worksheet we hold a proxy for. */
export interface SheetCell extends CellRef {
  sheet: string;
}

export function cellKey(sheet: string, row: number, col: number): string {
  return `${sheet}\u0000${row}\u0000${col}`;
}

/** "FFC7CE" from "#ffc7ce" (or from "FFC7CE"); undefined for anything else. */
export function hex6(color: string | null | undefined): string | undefined {
  if (!color) return undefined;
  const m = /^#?([0-9a-f]{6})$/i.exec(color.trim());
  return m ? m[1].toUpperCase() : undefined;
}

/** Runs of a column's marked rows closer than this are read as one range. */
const SEGMENT_GAP = 32;
/** Longest run read as one range (its cell-by-cell read must stay small). */
const SEGMENT_MAX_ROWS = 2000;
/** Bytes of one cell's fill in a `getCellProperties` response. */
const CELL_FILL_BYTES = 130;
/** Bytes of one range probe (request + response). */
const PROBE_BYTES = 260;

const FILL_PROPS = "color,pattern,patternColor,tintAndShade";

function isUniform(f: FillState): boolean {
  if (f.pattern === null || f.color === null) return false;
  if (f.pattern === "None") return true;
  return f.tintAndShade !== null && (f.pattern === "Solid" || f.patternColor !== null);
}

/** The record's form of a fill. */
export function toOriginalFill(f: FillState): OriginalFill {
  if (f.pattern === "None" || f.pattern === null) return { kind: "none" };
  const color = hex6(f.color) ?? "FFFFFF";
  if (f.pattern === "Solid" && (f.tintAndShade ?? 0) === 0) return { kind: "solid", color };
  const out: OriginalFill = { kind: "pattern", pattern: f.pattern, color };
  const pc = hex6(f.patternColor);
  if (pc !== undefined) out.patternColor = pc;
  if (f.tintAndShade !== null) out.tintAndShade = f.tintAndShade;
  return out;
}

/** True when the cell carries exactly our mark (solid, our colour, no tint). */
export function isOurMark(f: FillState, markColor: string): boolean {
  return f.pattern === "Solid" && hex6(f.color) === hex6(markColor) && (f.tintAndShade ?? 0) === 0;
}

interface Segment {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
  rows: number[];
}

function segments(cells: readonly SheetCell[]): Segment[] {
  const out: Segment[] = [];
  for (const [, group] of groupBy(cells, (c) => `${c.sheet}\u0000${c.col}`)) {
    const rows = [...new Set(group.map((c) => c.row))].sort((a, b) => a - b);
    let seg: Segment | undefined;
    for (const r of rows) {
      if (seg && r - seg.bottom <= SEGMENT_GAP && r - seg.top < SEGMENT_MAX_ROWS) {
        seg.bottom = r;
        seg.rows.push(r);
      } else {
        seg = { sheet: group[0].sheet, col: group[0].col, top: r, bottom: r, rows: [r] };
        out.push(seg);
      }
    }
  }
  return out;
}

/**
 * The fills of the given cells, keyed by {@link cellKey}. Costs one sync for the range probes
 * (more only when they pass the payload budget) plus one per budget's worth of mixed ranges.
 */
export async function readFills(session: Session, sheets: Map<string, Excel.Worksheet>, cells: readonly SheetCell[]): Promise<Map<string, FillState>> {
  const out = new Map<string, FillState>();
  const segs = segments(cells.filter((c) => sheets.has(c.sheet)));
  const probes: { seg: Segment; fill: Excel.RangeFill }[] = [];
  for (const seg of segs) {
    await session.add(PROBE_BYTES, () => {
      const fill = sheets.get(seg.sheet)!.getRangeByIndexes(seg.top - 1, seg.col - 1, seg.bottom - seg.top + 1, 1).format.fill;
      fill.load(FILL_PROPS);
      probes.push({ seg, fill });
    });
  }
  await session.flush();
  const mixed: Segment[] = [];
  for (const { seg, fill } of probes) {
    const f: FillState = { color: fill.color ?? null, pattern: fill.pattern ?? null, patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade ?? null };
    if (isUniform(f)) for (const r of seg.rows) out.set(cellKey(seg.sheet, r, seg.col), f);
    else mixed.push(seg);
  }
  const drills: { seg: Segment; result: OfficeExtension.ClientResult<Excel.CellProperties[][]> }[] = [];
  for (const seg of mixed) {
    await session.add((seg.bottom - seg.top + 1) * CELL_FILL_BYTES, () => {
      const range = sheets.get(seg.sheet)!.getRangeByIndexes(seg.top - 1, seg.col - 1, seg.bottom - seg.top + 1, 1);
      drills.push({ seg, result: range.getCellProperties({ format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true } } }) });
    });
  }
  await session.flush();
  for (const { seg, result } of drills) {
    const props = result.value;
    session.response(jsonBytes(props));
    for (const r of seg.rows) {
      const fill = props[r - seg.top]?.[0]?.format?.fill ?? {};
      out.set(cellKey(seg.sheet, r, seg.col), { color: fill.color ?? null, pattern: fill.pattern ?? null, patternColor: fill.patternColor ?? null, tintAndShade: fill.tintAndShade ?? null });
    }
  }
  return out;
}

/**
 * The list separator `getRanges` accepts here: "," is tried on a two-cell list and ";" taken when
 * Excel rejects it as an invalid argument (Vietnamese desktop Excel). Asked once per session.
 */
export async function listSeparator(session: Session, sheet: Excel.Worksheet): Promise<"," | ";"> {
  if (session.host.listSeparator) return session.host.listSeparator;
  await session.flush();
  const probe = sheet.getRanges("A1,B1");
  probe.load("areaCount");
  try {
    await session.sync();
    session.host.listSeparator = probe.areaCount === 2 ? "," : ";";
  } catch (e) {
    if (officeErrorCode(e) !== "InvalidArgument") throw e;
    session.host.listSeparator = ";";
  }
  return session.host.listSeparator;
}

/** Queue a fill over address lists of cells, batched by the payload budget. */
export async function queueFill(session: Session, sheet: Excel.Worksheet, cells: readonly CellRef[], separator: "," | ";", apply: (fill: Excel.RangeFill) => void): Promise<number> {
  let ops = 0;
  for (const list of addressLists(rectangles(cells), separator)) {
    await session.add(list.length + 200, () => apply(sheet.getRanges(list).format.fill));
    ops++;
  }
  return ops;
}

/** Paint our mark: solid, our colour, no tint (whatever pattern the cell had). */
export function paintMark(color: string): (fill: Excel.RangeFill) => void {
  return (fill) => {
    fill.color = `#${hex6(color) ?? color}`;
    fill.pattern = "Solid";
    fill.tintAndShade = 0;
  };
}

/** Put an original fill back exactly. */
export function paintOriginal(f: OriginalFill): (fill: Excel.RangeFill) => void {
  return (fill) => {
    if (f.kind === "none") fill.clear();
    else if (f.kind === "solid") {
      fill.color = `#${hex6(f.color) ?? "FFFFFF"}`;
      fill.pattern = "Solid";
      fill.tintAndShade = 0;
    } else {
      fill.clear();
      fill.pattern = f.pattern as Excel.FillPattern;
      if (f.color !== undefined) fill.color = `#${hex6(f.color) ?? f.color}`;
      if (f.patternColor !== undefined) fill.patternColor = `#${hex6(f.patternColor) ?? f.patternColor}`;
      fill.tintAndShade = f.tintAndShade ?? 0;
    }
  };
}

/** "C12" of a cell. */
export function a1(c: CellRef): string {
  return cellAddress(c.row, c.col);
}
