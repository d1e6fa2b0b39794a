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
import { MappingPanel } from "./components/MappingPanel";
import { RunPanel } from "./components/RunPanel";
import { StarterPanel } from "./components/StarterPanel";
import { chooseRuleSet } from "../core/rulesets";
import { regimeById } from "../core/rulesets/regimes";
import { needsStarterSheets, quotaStarterSheet, settingsStarterSheet } from "../core/plan/starterSheets";
import { PANE_TEXT, type PaneLanguage } from "./strings";
import { findingTarget, initialPaneState, isRunning, paneReducer } from "./model";

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
  const abort = React.useRef<AbortController | undefined>(undefined);
  // The last ribbon click's outcome ("Kiểm tra hồ sơ" / "Xóa đánh dấu"), from the shared runtime's bus.
  const [outcome, setOutcome] = React.useState<RunOutcome | undefined>(lastOutcome);
  React.useEffect(() => subscribeOutcome(setOutcome), []);
  // The first-run sheets were created since the last check (the report does not know them yet).
  const [startersMade, setStartersMade] = React.useState(false);
  const running = isRunning(state);
  const busy = running || state.busy !== undefined;

  const fail = (e: unknown) => dispatch({ type: "failed", error: failedOutcome(e).text });

  const run = async (writeSheets: boolean) => {
    if (!actions || running) return;
    const controller = new AbortController();
    abort.current = controller;
    dispatch({ type: "start" });
    try {
      const r = await actions.validate({ asOf, ...(ruleSetId ? { ruleSetId } : {}), writeSheets, signal: controller.signal, onStage: (stage) => dispatch({ type: "stage", stage }) });
      dispatch({ type: "done", report: r.report, message: r.outcome.text });
      setStartersMade(false);
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
          onValidate={() => void run(false)}
          onCancel={() => abort.current?.abort()}
          onWriteSummaries={() => void run(true)}
          onClear={() => void side("clearing", async () => (await actions!.clearHighlights()).text)}
        />
      )}
      {inExcel && <ConsolidatePanel t={t} disabled={!actions || busy} progress={consolidation.progress} summary={consolidation.summary} onConsolidate={(files) => void consolidate(files)} />}
      {inExcel && <ComparePanel t={t} disabled={!actions || busy} running={comparison.running === true} counts={comparison.counts} onCompare={(file) => void compare(file)} />}
      {state.report && !startersMade && needsStarterSheets(state.report.sheets) && (
        <StarterPanel t={t} units={state.report.units.length} ruleSetName={regime ? (lang === "vi" ? regime.nameVi : regime.nameEn) : state.report.ruleSet.id} disabled={busy} onCreate={() => void createStarters()} />
      )}
      {state.report && <FindingsPanel t={t} lang={lang} findings={state.report.findings} onSelect={select} />}
      {state.report && <MappingPanel t={t} lang={lang} sheets={state.report.sheets} disabled={busy} onSave={(s, c) => void saveMapping(s, c)} />}
      <Text size={200} className={styles.muted}>
        {t.privacy}
      </Text>
    </main>
  );
}
