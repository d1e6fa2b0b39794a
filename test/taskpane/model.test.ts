/** The pane's pure state and findings model. */
import type { Finding } from "../../src/core/report/types";
import { filterFindings, findingTarget, groupFindings, initialPaneState, mergeMapping, paneReducer, parseSavedMapping, type PaneAction, type PaneState } from "../../src/taskpane/model";
import { languageFor } from "../../src/taskpane/strings";

const finding = (o: Partial<Finding>): Finding => ({ rule: "data.invalidDate", severity: "error", message: "Ngày không hợp lệ", messageEn: "Invalid date", ...o });
const run = (actions: PaneAction[], s: PaneState = initialPaneState) => actions.reduce(paneReducer, s);

describe("paneReducer", () => {
  it("goes idle → reading → checking → writing → done, keeping the report", () => {
    const report = { findings: [] } as never;
    const s = run([{ type: "start" }, { type: "stage", stage: "checking" }, { type: "stage", stage: "writing" }, { type: "done", report, message: { vi: "xong", en: "done" } }]);
    expect(s).toEqual({ phase: "done", report, message: { vi: "xong", en: "done" } });
  });
  it("keeps the previous report on failure and clears the error on the next start", () => {
    const report = { findings: [] } as never;
    const failed = run([{ type: "done", report, message: { vi: "", en: "" } }, { type: "start" }, { type: "failed", error: { vi: "hỏng", en: "broken" } }]);
    expect(failed).toMatchObject({ phase: "failed", report, error: { vi: "hỏng" } });
    expect(paneReducer(failed, { type: "start" })).toEqual({ phase: "reading", report });
  });
  it("ignores a late stage after the run ended", () => {
    expect(run([{ type: "failed", error: { vi: "", en: "" } }, { type: "stage", stage: "writing" }]).phase).toBe("failed");
  });
});

describe("findings", () => {
  const fs = [
    finding({ unit: "xã Quảng Lợi", person: "Đỗ Văn Hà", cell: "C5", sheet: "DS" }),
    finding({ unit: "xã Quảng Lợi", cell: "C6", sheet: "DS" }),
    finding({ severity: "warning", rule: "data.unknownPosition", unit: "xã Đầm Hà", cell: "F5", sheet: "DS", message: "Chức vụ lạ", messageEn: "Unknown position" }),
    finding({ severity: "info", rule: "data.dateGuessed", cell: "C9", sheet: "DS", message: "Năm hai chữ số", messageEn: "Two-digit year" }),
  ];
  it("groups by severity (errors first), rule and unit with counts", () => {
    const g = groupFindings(fs);
    expect(g.map((x) => [x.severity, x.count])).toEqual([["error", 2], ["warning", 1], ["info", 1]]);
    expect(g[0].rules[0]).toMatchObject({ rule: "data.invalidDate", count: 2, units: [{ unit: "xã Quảng Lợi" }] });
  });
  it("searches without diacritics, in both languages, and filters by severity", () => {
    expect(filterFindings(fs, "all", "do van ha")).toHaveLength(1);
    expect(filterFindings(fs, "all", "invalid date")).toHaveLength(2);
    expect(filterFindings(fs, "warning", "")).toHaveLength(1);
  });
  it("targets the cell, else the column's row, else the sheet", () => {
    expect(findingTarget(fs[0])).toEqual({ sheet: "DS", a1: "C5" });
    expect(findingTarget(finding({ sheet: "DS", column: "K", row: 4 }))).toEqual({ sheet: "DS", a1: "K4" });
    expect(findingTarget(finding({}))).toBeUndefined();
  });
});

describe("mergeMapping", () => {
  it("sets, replaces and removes corrections, keeping other sheets", () => {
    const saved = parseSavedMapping('{"A":{"columns":{"gender":"E"}},"B":{"columns":{"idNumber":"K"}}}');
    expect(mergeMapping(saved, "B", { idNumber: "l", fullName: "C" })).toEqual({ A: { columns: { gender: "E" } }, B: { columns: { idNumber: "L", fullName: "C" } } });
    expect(mergeMapping(saved, "B", { idNumber: "" })).toEqual({ A: { columns: { gender: "E" } } });
    expect(parseSavedMapping("not json")).toEqual({});
  });
});

it("speaks Vietnamese unless Office says otherwise", () => {
  expect(languageFor("vi-VN")).toBe("vi");
  expect(languageFor(undefined)).toBe("vi");
  expect(languageFor("en-US")).toBe("en");
});
