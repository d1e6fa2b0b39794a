/**
 * The ribbon's function file: "Kiểm tra hồ sơ" (validateNow) and "Xóa đánh dấu" (clearHighlights).
 *
 * With the shared runtime (manifest.xml) this code is loaded by taskpane.html, next to the pane,
 * so both see the same outcome bus (src/excel/outcome.ts). A click is queued behind a running one,
 * so a second click re-runs cleanly (the run clears the previous marks before marking again).
 * The outcome shows in the task pane if it is open; otherwise the pane is opened to show it
 * (Excel has no notification API for add-in commands; SharedRuntime 1.1 `showAsTaskpane`).
 */
import { clearHighlights, failedOutcome, isPaneVisible, officeHost, publishOutcome, setPaneVisible, supports, validateNow, type ExcelHost, type RunOutcome } from "../excel";

let queue: Promise<void> = Promise.resolve();
let office: ExcelHost | undefined;
/** One host for the session: it remembers the list separator Excel wants once probed. */
const host = (): ExcelHost => (office ??= officeHost());

async function show(outcome: RunOutcome): Promise<void> {
  publishOutcome(outcome);
  if (isPaneVisible()) return;
  try {
    if (supports(host(), "sharedRuntime")) await Office.addin.showAsTaskpane();
  } catch {
    // The outcome stays on the bus; the pane shows it when it is opened.
  }
}

/** Wrap a command: run after any running one, publish the outcome, always complete the event. */
function command(run: () => Promise<RunOutcome>): (event: Office.AddinCommands.Event) => void {
  return (event) => {
    queue = queue
      .then(async () => {
        let outcome: RunOutcome;
        try {
          outcome = await run();
        } catch (e) {
          outcome = failedOutcome(e);
        }
        await show(outcome);
      })
      .finally(() => event.completed());
  };
}

/** "Kiểm tra hồ sơ": read, validate, mark, write the result sheets. */
export const validateNowCommand = command(async () => (await validateNow(host())).outcome);

/** "Xóa đánh dấu": restore the original fills, remove our notes. */
export const clearHighlightsCommand = command(async () => (await clearHighlights(host())).outcome);

if (typeof Office !== "undefined") {
  Office.onReady((info) => {
    if (info.host !== Office.HostType.Excel) return;
    Office.actions.associate("validateNow", validateNowCommand);
    Office.actions.associate("clearHighlights", clearHighlightsCommand);
    try {
      Office.addin.onVisibilityModeChanged((args) => {
        setPaneVisible(args.visibilityMode === Office.VisibilityMode.taskpane);
      });
    } catch {
      // Without the shared runtime the pane's visibility is unknown: the pane is opened to show outcomes.
    }
  });
}
