import * as React from "react";
import { Button, Field, ProgressBar, Text } from "@fluentui/react-components";
import type { PaneText } from "../strings";
import type { ConsolidateCounts } from "../consolidate";
import { usePanelStyles, WorkbookFilePicker } from "./WorkbookFilePicker";


/** What the panel shows of a finished consolidation. */
export type ConsolidateSummary = Omit<ConsolidateCounts, "warnings">;

export interface ConsolidatePanelProps {
  t: PaneText;
  disabled: boolean;
  /** Files done / in all while a consolidation runs. */
  progress?: { done: number; total: number };
  /** The last consolidation's counts. */
  summary?: ConsolidateSummary;
  onConsolidate(files: File[]): void;
}

/** "Tổng hợp nhiều tệp": choose several rosters, consolidate them into the open workbook. */
export function ConsolidatePanel({ t, disabled, progress, summary, onConsolidate }: ConsolidatePanelProps): React.JSX.Element {
  const styles = usePanelStyles();
  const [files, setFiles] = React.useState<File[]>([]);
  const running = progress !== undefined;
  return (
    <section aria-labelledby="consolidate-heading" className={styles.stack}>
      <h2 id="consolidate-heading">{t.consolidateTitle}</h2>
      <Text id="consolidate-help">{t.consolidateHelp}</Text>
      <WorkbookFilePicker id="consolidate-files" label={t.consolidateFiles} describedBy="consolidate-help" multiple disabled={disabled || running} onFiles={setFiles} />
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
