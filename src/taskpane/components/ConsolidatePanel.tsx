import * as React from "react";
import { Button, Field, ProgressBar, Text, makeStyles } from "@fluentui/react-components";
import type { PaneText } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  wide: { maxWidth: "100%" },
});

/** What the panel shows of a finished consolidation. */
export interface ConsolidateSummary {
  files: number;
  read: number;
  unreadable: number;
  units: number;
  persons: number;
  errors: number;
}

export interface ConsolidatePanelProps {
  t: PaneText;
  disabled: boolean;
  /** Files done / in all while a consolidation runs. */
  progress?: { done: number; total: number };
  /** The last consolidation's counts. */
  summary?: ConsolidateSummary;
  onConsolidate(files: File[]): void;
}

/** Workbook kinds offered in the file chooser; the content decides the format, not the name. */
const ACCEPT = ".xlsx,.xlsm,.xls,.xml,.htm,.html";

/** "Tổng hợp nhiều tệp": choose several rosters, consolidate them into the open workbook. */
export function ConsolidatePanel({ t, disabled, progress, summary, onConsolidate }: ConsolidatePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const running = progress !== undefined;
  return (
    <section aria-labelledby="consolidate-heading" className={styles.stack}>
      <h2 id="consolidate-heading">{t.consolidateTitle}</h2>
      <Text id="consolidate-help">{t.consolidateHelp}</Text>
      <label htmlFor="consolidate-files">{t.consolidateFiles}</label>
      <input
        id="consolidate-files"
        className={styles.wide}
        type="file"
        multiple
        accept={ACCEPT}
        aria-describedby="consolidate-help"
        disabled={disabled || running}
        onChange={(e) => setFiles(Array.from(e.currentTarget.files ?? []))}
      />
      {files.length > 0 && <Text>{t.consolidateChosen(files.length)}</Text>}
      <Button appearance="primary" disabled={disabled || running || files.length === 0} onClick={() => onConsolidate(files)}>
        {t.consolidateRun}
      </Button>
      {progress && (
        <Field label={t.consolidateTitle} hint={t.consolidateProgress(progress.done, progress.total)}>
          <ProgressBar value={progress.done} max={Math.max(1, progress.total)} aria-valuetext={t.consolidateProgress(progress.done, progress.total)} />
        </Field>
      )}
      {summary && !running && <Text role="status">{t.consolidateDone(summary)}</Text>}
    </section>
  );
}
