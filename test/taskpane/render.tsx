import "./setup";
import * as React from "react";
import { render } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "../../src/taskpane/App";
import { excelActions, type PaneActions } from "../../src/taskpane/actions";
import type { PaneLanguage } from "../../src/taskpane/strings";
import { FakeWorkbook } from "../support/fakeExcel";
import { readXlsx } from "../../src/file/readXlsx";
import type { Fixture } from "../support/workbooks";

/** 2024-12-31 10:00 in Vietnam. */
export const NOW = Date.UTC(2024, 11, 31, 3);

export function fakeBook(f: Fixture): FakeWorkbook {
  return FakeWorkbook.fromGrid(readXlsx(f.bytes));
}

/** The pane, with actions (default: bound to `book`'s host), in Vietnamese unless told. */
export function renderPane(o: { book?: FakeWorkbook; actions?: PaneActions; lang?: PaneLanguage }) {
  const actions = o.actions ?? excelActions(o.book!.host());
  return render(
    <FluentProvider theme={webLightTheme}>
      <App initialLanguage={o.lang ?? "vi"} inExcel actions={actions} now={() => NOW} />
    </FluentProvider>,
  );
}

/** The content type of an .xlsx, for the File objects the file panels are given. */
export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A sheet of the fake as rows of values (row 1 first; null for an empty cell). */
export function rowsOf(book: FakeWorkbook, sheet: string): unknown[][] {
  const s = book.sheet(sheet);
  const rect = s.usedRect()!;
  const out: unknown[][] = [];
  for (let r = 1; r <= rect.bottom; r++) out.push(Array.from({ length: rect.right }, (_, c) => s.get(r, c + 1)?.value ?? null));
  return out;
}
