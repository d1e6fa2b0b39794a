/**
 * The pane's live re-check state (issue 9 item 3) as a pure reducer, and its line in both languages.
 */
import type { Report } from "../../src/core/report/types";
import { initialPaneState, paneReducer, type PaneState } from "../../src/taskpane/model";
import { PANE_TEXT } from "../../src/taskpane/strings";

const report = (n: number) => ({ findings: Array.from({ length: n }, () => ({})) }) as unknown as Report;
const none = { error: 0, warning: 0, info: 0 };

describe("live re-check state", () => {
  it("listens after a run, takes each re-check's report, stops on a full run, and a new run starts afresh", () => {
    let s: PaneState = paneReducer(initialPaneState, { type: "done", report: report(5), message: { vi: "a", en: "a" } });
    s = paneReducer(s, { type: "live", listening: true });
    expect(s.live).toEqual({ listening: true });
    s = paneReducer(s, { type: "rechecked", report: report(4), announcement: { vi: "x", en: "y" } });
    expect(s.report!.findings).toHaveLength(4);
    expect(s.live).toEqual({ listening: true, announcement: { vi: "x", en: "y" }, sheetsStale: true });
    expect(s.message).toEqual({ vi: "a", en: "a" });
    s = paneReducer(s, { type: "liveStopped", why: "fullRun" });
    expect(s.live).toMatchObject({ listening: false, stopped: "fullRun", sheetsStale: true });
    // The switch on again: listening, the full-run line gone.
    expect(paneReducer(s, { type: "live", listening: true }).live).toEqual({ listening: true, announcement: { vi: "x", en: "y" }, sheetsStale: true });
    // A new run: no live state until it starts listening again.
    expect(paneReducer(s, { type: "done", report: report(3), message: { vi: "b", en: "b" } }).live).toBeUndefined();
  });

  it("says what changed, fewer first, in Vietnamese and in English", () => {
    expect(PANE_TEXT.vi.liveRechecked(3, { ...none, error: 2 }, { ...none, warning: 1 })).toBe("Đã kiểm tra lại 3 dòng: bớt 2 lỗi, thêm 1 cảnh báo.");
    expect(PANE_TEXT.en.liveRechecked(3, { ...none, error: 2 }, { ...none, warning: 1 })).toBe("Re-checked 3 rows: 2 fewer errors, 1 more warning.");
    expect(PANE_TEXT.vi.liveRechecked(1, none, none)).toBe("Đã kiểm tra lại 1 dòng: kết quả không đổi.");
    expect(PANE_TEXT.en.liveRechecked(1, { ...none, info: 1 }, { ...none, info: 2 })).toBe("Re-checked 1 row: 1 fewer notice, 2 more notices.");
  });
});
