import * as React from "react";
import { Button, Text, Title2, makeStyles, tokens } from "@fluentui/react-components";
import { vietnamToday } from "../core/engine";
import type { ChangeCounts } from "../core/diff";
import type { Bilingual } from "../core/messages";
import type { CanonicalField, Finding } from "../core/report/types";
import { failedOutcome, lastOutcome, outcomeLine, subscribeOutcome, type RunOutcome } from "../excel/outcome";
import type { PaneActions } from "./actions";
import { ComparePanel } from "./components/ComparePanel";
import { ConsolidatePanel, type ConsolidateSummary } from "./components/ConsolidatePanel";
import { FindingsPanel } from "./components/FindingsPanel";
import { LiveControl } from "./components/LiveControl";
import type { LiveUpdate } from "../excel/live";
import { MappingPanel } from "./components/MappingPanel";
import { RunPanel } from "./components/RunPanel";
import { StarterPanel } from "./components/StarterPanel";
import { chooseRuleSet } from "../core/rulesets";
import { regimeById } from "../core/rulesets/regimes";
import { needsStarterSheets, quotaStarterSheet, settingsStarterSheet } from "../core/plan/starterSheets";
import { PANE_TEXT, type PaneLanguage } from "./strings";
import { afterFixes, findingTarget, initialPaneState, isRunning, paneReducer, trainingYear } from "./model";
import { fixTargets, type TextFix } from "../core/fixes";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: "12px", padding: "16px", minHeight: "100vh", boxSizing: "border-box", backgroundColor: tokens.colorNeutralBackground1, color: tokens.colorNeutralForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  header: { display: "flex", justifyContent: "space-between", alignItems: "flex-start", gap: "8px" },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface AppProps {
  initialLanguage: PaneLanguage;
  inExcel: boolean;
  /** What the pane asks of Excel; absent outside Excel. */
  actions?: PaneActions;
  /** The clock, for the default reporting date (today in Vietnam). */
  now?: () => number;
}

/** One line, Vietnamese then English, whatever the pane's language (as the CLI prints errors). */
function errorLine(e: Bilingual): string {
  return `${e.vi} — ${e.en}`.replace(/[\r\n]+/g, " ");
}

/** The task pane: settings and run, findings, the roster sheets' column mapping. */
export function App({ initialLanguage, inExcel, actions, now = Date.now }: AppProps): React.JSX.Element {
  const styles = useStyles();
  const [lang, setLang] = React.useState<PaneLanguage>(initialLanguage);
  const t = PANE_TEXT[lang];
  const [state, dispatch] = React.useReducer(paneReducer, initialPaneState);
  const [asOf, setAsOf] = React.useState(() => vietnamToday(now()));
  const [ruleSetId, setRuleSetId] = React.useState("");
  // The training options (shown once a check has found a training sheet): as the CLI's --training-since / --count-training.
  const [trainingSince, setTrainingSince] = React.useState("");
  const [countTraining, setCountTraining] = React.useState(false);
  const abort = React.useRef<AbortController | undefined>(undefined);
  // The last ribbon click's outcome ("Kiểm tra hồ sơ" / "Xóa đánh dấu"), from the shared runtime's bus.
  const [outcome, setOutcome] = React.useState<RunOutcome | undefined>(lastOutcome);
  React.useEffect(
    () =>
      subscribeOutcome((o) => {
        setOutcome(o);
        // A ribbon click (check or clear) removed the live re-check's handlers.
        dispatch({ type: "live", listening: false });
      }),
    [],
  );
  // The first-run sheets were created since the last check (the report does not know them yet).
  const [startersMade, setStartersMade] = React.useState(false);
  // Every cell a finding's fix applies to, from the last check (issue 9: "Sửa thành …").
  const [fixes, setFixes] = React.useState<readonly TextFix[]>([]);
  const running = isRunning(state);
  const busy = running || state.busy !== undefined;

  const fail = (e: unknown) => dispatch({ type: "failed", error: failedOutcome(e).text });

  // "Kiểm tra lại khi sửa" (issue 9 item 3): on by default; after each run, edited rows are re-checked.
  const [liveOn, setLiveOn] = React.useState(true);
  const onLive = React.useCallback((u: LiveUpdate) => {
    if (u.kind === "rechecked") dispatch({ type: "rechecked", report: u.report, announcement: { vi: PANE_TEXT.vi.liveRechecked(u.rows, u.removed, u.added), en: PANE_TEXT.en.liveRechecked(u.rows, u.removed, u.added) } });
    else dispatch({ type: "liveStopped", why: u.kind === "needsFullRun" ? "fullRun" : "failed" });
  }, []);
  const startLive = async () => {
    if (!actions?.startLive) return;
    try {
      dispatch({ type: "live", listening: await actions.startLive(onLive) });
    } catch {
      dispatch({ type: "live", listening: false });
    }
  };
  const toggleLive = (on: boolean) => {
    setLiveOn(on);
    if (on) void startLive();
    else {
      void actions?.stopLive?.();
      dispatch({ type: "live", listening: false });
    }
  };
  // The handlers go when the pane goes.
  React.useEffect(() => {
    const stop = () => void actions?.stopLive?.();
    window.addEventListener("pagehide", stop);
    return () => {
      window.removeEventListener("pagehide", stop);
      stop();
    };
  }, [actions]);

  /** A check run; `before`: a line put ahead of the run's own (what was just done, e.g. the fixes). */
  const run = async (writeSheets: boolean, before?: Bilingual) => {
    if (!actions || running) return;
    const controller = new AbortController();
    abort.current = controller;
    dispatch({ type: "start" });
    try {
      const since = trainingYear(trainingSince, asOf);
      const r = await actions.validate({ asOf, ...(ruleSetId ? { ruleSetId } : {}), ...(typeof since === "number" ? { trainingSince: since } : {}), ...(countTraining ? { countTraining } : {}), writeSheets, signal: controller.signal, onStage: (stage) => dispatch({ type: "stage", stage }) });
      dispatch({ type: "done", report: r.report, message: before ? { vi: `${before.vi} ${r.outcome.text.vi}`, en: `${before.en} ${r.outcome.text.en}` } : r.outcome.text });
      setFixes(r.fixes ?? []);
      setStartersMade(false);
      if (liveOn) await startLive();
    } catch (e) {
      fail(e);
    } finally {
      abort.current = undefined;
    }
  };

  const side = async (kind: "clearing" | "saving" | "selecting", body: () => Promise<Bilingual | undefined>) => {
    if (!actions) return;
    dispatch({ type: "busy", busy: kind });
    try {
      const message = await body();
      dispatch({ type: "finished", ...(message ? { message } : {}) });
    } catch (e) {
      fail(e);
    }
  };

  const select = (f: Finding) => {
    const target = findingTarget(f);
    if (!target || !actions) return;
    void side("selecting", async () => {
      await actions.selectCell(target.sheet, target.a1);
      return undefined;
    });
  };

  /**
   * "Sửa thành …" / "Sửa cả cột": the cells are rewritten and recorded (undone by "Xóa đánh dấu").
   * The findings they settle leave the list at once; then the check runs again (marks only), as
   * after a column correction, because a fixed value also settles other findings of its cell
   * (a qualification the unreadable level hid) and its mark and note must go.
   */
  const applyFixes = async (list: readonly TextFix[]) => {
    const report = state.report;
    if (!actions?.applyFixes || !report || busy || list.length === 0) return;
    dispatch({ type: "busy", busy: "fixing" });
    try {
      const r = await actions.applyFixes(list);
      const next = afterFixes(report, fixes, r.done);
      setFixes(next.fixes);
      const line = { vi: PANE_TEXT.vi.fixed(r), en: PANE_TEXT.en.fixed(r) };
      dispatch({ type: "fixed", report: next.report, message: line });
      if (r.fixed > 0) await run(false, line);
    } catch (e) {
      fail(e);
    }
  };

  const saveMapping = async (sheet: string, corrections: Partial<Record<CanonicalField, string>>) => {
    if (!actions) return;
    dispatch({ type: "busy", busy: "saving" });
    try {
      await actions.saveMapping(sheet, corrections);
      dispatch({ type: "finished", message: { vi: PANE_TEXT.vi.mappingSaved, en: PANE_TEXT.en.mappingSaved } });
    } catch (e) {
      fail(e);
      return;
    }
    await run(false);
  };

  /** "Định biên" for the units found, "Quy định" with the values of the rule set the check used. */
  const createStarters = async () => {
    const report = state.report;
    if (!actions || !report) return;
    dispatch({ type: "busy", busy: "creating" });
    try {
      const set = chooseRuleSet({ asOf: report.asOf, presetId: report.ruleSet.id }).set;
      const r = await actions.addStarterSheets([quotaStarterSheet(report.units), settingsStarterSheet(set)]);
      setStartersMade(true);
      const names = r.added.join(", ");
      dispatch({ type: "finished", ...(names ? { message: { vi: PANE_TEXT.vi.starterCreated(names), en: PANE_TEXT.en.starterCreated(names) } } : {}) });
    } catch (e) {
      fail(e);
    }
  };
  /** "Tổng hợp nhiều tệp": the chosen files, read and merged here, the summary sheets written into this workbook. */
  const [consolidation, setConsolidation] = React.useState<{ progress?: { done: number; total: number }; summary?: ConsolidateSummary }>({});
  const consolidate = async (files: File[]) => {
    if (!actions || busy || files.length === 0) return;
    dispatch({ type: "busy", busy: "consolidating" });
    setConsolidation({ progress: { done: 0, total: files.length } });
    try {
      const r = await actions.consolidate({ files, asOf, ...(ruleSetId ? { ruleSetId } : {}), onProgress: (done, total) => setConsolidation({ progress: { done, total } }) });
      setConsolidation({ summary: r.counts });
      // The counts are the panel's own status line.
      dispatch({ type: "finished" });
    } catch (e) {
      setConsolidation({});
      fail(e);
    }
  };
  /** "So sánh với năm trước": the chosen (older) roster against this workbook, "Biến động" written here. */
  const [comparison, setComparison] = React.useState<{ running?: boolean; counts?: ChangeCounts }>({});
  const compare = async (file: File) => {
    if (!actions || busy) return;
    dispatch({ type: "busy", busy: "comparing" });
    setComparison({ running: true });
    try {
      const r = await actions.compare({ file, asOf });
      setComparison({ counts: r.counts });
      // The counts are the panel's own status line.
      dispatch({ type: "finished" });
    } catch (e) {
      setComparison({});
      fail(e);
    }
  };
  const regime = state.report ? regimeById(state.report.ruleSet.id) : undefined;

  const message = state.message ?? (state.report ? undefined : outcome && outcome.kind !== "failed" ? { vi: outcomeLine(outcome, "vi"), en: outcomeLine(outcome, "en") } : undefined);
  return (
    <main className={styles.root} lang={lang}>
      <div className={styles.header}>
        <Title2 as="h1">{t.title}</Title2>
        <Button appearance="secondary" onClick={() => setLang(lang === "vi" ? "en" : "vi")} aria-label={t.languageLabel} lang={lang === "vi" ? "en" : "vi"}>
          {t.language}
        </Button>
      </div>
      <Text>{t.subtitle}</Text>
      {!inExcel && <Text role="status">{t.notInExcel}</Text>}
      {state.error && (
        <Text role="alert" className={styles.error}>
          {errorLine(state.error)}
        </Text>
      )}
      {!state.error && outcome?.kind === "failed" && !state.report && (
        <Text role="alert" className={styles.error}>
          {t.lastRun}: {errorLine(outcome.text)}
        </Text>
      )}
      <Text role="status" aria-live="polite">
        {message ? message[lang] : inExcel && !state.report ? t.ready : ""}
        {state.busy ? ` ${t.busy}` : ""}
      </Text>
      {inExcel && (
        <RunPanel
          t={t}
          lang={lang}
          phase={state.phase}
          disabled={!actions || state.busy !== undefined}
          asOf={asOf}
          ruleSetId={ruleSetId}
          onAsOf={setAsOf}
          onRuleSet={setRuleSetId}
          training={state.report?.training ? { since: trainingSince, count: countTraining, onSince: setTrainingSince, onCount: setCountTraining } : undefined}
          onValidate={() => void run(false)}
          onCancel={() => abort.current?.abort()}
          onWriteSummaries={() => void run(true)}
          onClear={() =>
            void side("clearing", async () => {
              const o = await actions!.clearHighlights();
              // Clearing stops the live re-check (its marks are gone).
              dispatch({ type: "live", listening: false });
              return { vi: outcomeLine(o, "vi"), en: outcomeLine(o, "en") };
            })
          }
        />
      )}
      {inExcel && actions?.startLive && state.report && <LiveControl t={t} lang={lang} on={liveOn} live={state.live} disabled={busy} onToggle={toggleLive} onRerun={() => void run(false)} />}
      {inExcel && <ConsolidatePanel t={t} disabled={!actions || busy} progress={consolidation.progress} summary={consolidation.summary} onConsolidate={(files) => void consolidate(files)} />}
      {inExcel && <ComparePanel t={t} disabled={!actions || busy} running={comparison.running === true} counts={comparison.counts} onCompare={(file) => void compare(file)} />}
      {state.report && !startersMade && needsStarterSheets(state.report.sheets) && (
        <StarterPanel t={t} units={state.report.units.length} ruleSetName={regime ? (lang === "vi" ? regime.nameVi : regime.nameEn) : state.report.ruleSet.id} disabled={busy} onCreate={() => void createStarters()} />
      )}
      {state.report && <FindingsPanel t={t} lang={lang} findings={state.report.findings} onSelect={select} {...(actions?.applyFixes && fixes.length > 0 ? { fixesFor: (f: Finding) => fixTargets(fixes, f), onFix: (l: readonly TextFix[]) => void applyFixes(l), fixDisabled: busy } : {})} />}
      {state.report && <MappingPanel t={t} lang={lang} sheets={state.report.sheets} disabled={busy} onSave={(s, c) => void saveMapping(s, c)} />}
      <Text size={200} className={styles.muted}>
        {t.privacy}
      </Text>
    </main>
  );
}
