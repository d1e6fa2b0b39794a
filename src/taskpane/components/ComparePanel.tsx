import * as React from "react";
import { Button, Text } from "@fluentui/react-components";
import type { ChangeCounts } from "../../core/diff";
import type { PaneText } from "../strings";
import { usePanelStyles, WorkbookFilePicker } from "./WorkbookFilePicker";


export interface ComparePanelProps {
  t: PaneText;
  disabled: boolean;
  /** A comparison is running. */
  running: boolean;
  /** The last comparison's counts. */
  counts?: ChangeCounts;
  onCompare(file: File): void;
}

/** "So sánh với năm trước": choose last year's roster, write "Biến động" into the open workbook. */
export function ComparePanel({ t, disabled, running, counts, onCompare }: ComparePanelProps): React.JSX.Element {
  const styles = usePanelStyles();
  const [file, setFile] = React.useState<File | undefined>(undefined);
  return (
    <section aria-labelledby="compare-heading" className={styles.stack}>
      <h2 id="compare-heading">{t.compareTitle}</h2>
      <Text id="compare-help">{t.compareHelp}</Text>
      <WorkbookFilePicker id="compare-file" label={t.compareFile} describedBy="compare-help" disabled={disabled || running} onFiles={(files) => setFile(files[0])} />
      <Button appearance="primary" disabled={disabled || running || !file} onClick={() => file && onCompare(file)}>
        {t.compareRun}
      </Button>
      {counts && !running && <Text role="status">{t.compareDone(counts)}</Text>}
    </section>
  );
}
