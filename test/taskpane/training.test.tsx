/** @jest-environment jsdom */
/**
 * The training options in the pane (issue 12 in the pane): once a check has found a training sheet,
 * the user picks the summary's first year and whether completed training counts, as the CLI's
 * `--training-since` and `--count-training` do; a year outside 1945…reporting year stops the run.
 */
import "./setup";
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Report } from "../../src/core/report/types";
import { excelActions, type PaneActions, type ValidateRequest } from "../../src/taskpane/actions";
import { trainingYear } from "../../src/taskpane/model";
import { FakeWorkbook } from "../support/fakeExcel";
import { workbookGrid } from "../support/grid";
import { TRAINING_LIST, TRAINING_ROSTER } from "../support/trainingBook";
import { renderPane } from "./render";

jest.setTimeout(60000);

/** The real adapter on the fake, with each request and report kept. */
function recorded(book: FakeWorkbook) {
  const real = excelActions(book.host());
  const requests: ValidateRequest[] = [];
  const reports: Report[] = [];
  const actions: PaneActions = {
    ...real,
    async validate(r) {
      requests.push(r);
      const out = await real.validate(r);
      reports.push(out.report);
      return out;
    },
  };
  return { actions, requests, reports };
}

describe("the training options", () => {
  it("are hidden until a check finds a training sheet", async () => {
    const user = userEvent.setup();
    const { actions } = recorded(FakeWorkbook.fromGrid(workbookGrid([TRAINING_ROSTER])));
    renderPane({ actions });
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
    expect(screen.queryByLabelText("Tính đào tạo, bồi dưỡng từ năm")).toBeNull();
  });

  it("take the first year and the counting of completed training to the next check", async () => {
    const user = userEvent.setup();
    const { actions, requests, reports } = recorded(FakeWorkbook.fromGrid(workbookGrid([TRAINING_ROSTER, TRAINING_LIST])));
    renderPane({ actions });
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await screen.findByRole("heading", { name: "Kết quả kiểm tra" }, { timeout: 30000 });
    // The default: five years before the reporting year (2024), as the CLI.
    expect(requests[0].trainingSince).toBeUndefined();
    expect(requests[0].countTraining).toBeUndefined();
    expect(reports[0].training?.since).toBe(2019);
    const shortfalls = (r: Report) => r.findings.filter((f) => f.rule === "qualification.professionalLevel").map((f) => f.person);
    expect(shortfalls(reports[0])).toContain("Trần Thị Hường");

    const since = await screen.findByLabelText("Tính đào tạo, bồi dưỡng từ năm");
    expect(screen.getByText("Để trống: từ năm 2019 (5 năm trước năm báo cáo).")).toBeTruthy();
    // A year after the reporting year: said on the field, and the check cannot start.
    await user.type(since, "2030");
    expect(screen.getByText("Năm không hợp lệ: từ 1945 đến 2024.")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Kiểm tra hồ sơ" }) as HTMLButtonElement).disabled).toBe(true);
    await user.clear(since);
    await user.type(since, "2021");
    await user.click(screen.getByRole("checkbox", { name: "Tính khóa học đã hoàn thành vào trình độ khi kiểm tra tiêu chuẩn" }));
    await user.click(screen.getByRole("button", { name: "Kiểm tra hồ sơ" }));
    await waitFor(() => expect(reports.length).toBe(2), { timeout: 30000 });
    expect(requests[1]).toMatchObject({ trainingSince: 2021, countTraining: true });
    expect(reports[1].training?.since).toBe(2021);
    // The finished degree now stands for Hường's roster cell.
    expect(shortfalls(reports[1])).not.toContain("Trần Thị Hường");
    expect(reports[1].findings.some((f) => f.rule === "qualification.countedTraining" && f.person === "Trần Thị Hường")).toBe(true);
  });
});

describe("trainingYear", () => {
  it("reads an empty field as the default and checks the range", () => {
    expect(trainingYear("", "2024-12-31")).toBeUndefined();
    expect(trainingYear(" 2019 ", "2024-12-31")).toBe(2019);
    expect(trainingYear("1945", "2024-12-31")).toBe(1945);
    expect(trainingYear("2024", "2024-12-31")).toBe(2024);
    expect(trainingYear("2025", "2024-12-31")).toBe("invalid");
    expect(trainingYear("1944", "2024-12-31")).toBe("invalid");
    expect(trainingYear("20.5", "2024-12-31")).toBe("invalid");
    expect(trainingYear("hai nghìn", "2024-12-31")).toBe("invalid");
  });
});
