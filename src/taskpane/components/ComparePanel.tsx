import * as React from "react";
import { Button, Text, makeStyles } from "@fluentui/react-components";
import type { ChangeCounts } from "../../core/diff";
import type { PaneText } from "../strings";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  wide: { maxWidth: "100%" },
});

export interface ComparePanelProps {
  t: PaneText;
  disabled: boolean;
  /** A comparison is running. */
  running: boolean;
  /** The last comparison's counts. */
  counts?: ChangeCounts;
  onCompare(file: File): void;
}

/** Workbook kinds offered in the file chooser; the content decides the format, not the name. */
const ACCEPT = ".xlsx,.xlsm,.xls,.xml,.htm,.html";

/** "So sánh với năm trước": choose last year's roster, write "Biến động" into the open workbook. */
export function ComparePanel({ t, disabled, running, counts, onCompare }: ComparePanelProps): React.JSX.Element {
  const styles = useStyles();
  const [file, setFile] = React.useState<File | undefined>(undefined);
  return (
    <section aria-labelledby="compare-heading" className={styles.stack}>
      <h2 id="compare-heading">{t.compareTitle}</h2>
      <Text id="compare-help">{t.compareHelp}</Text>
      <label htmlFor="compare-file">{t.compareFile}</label>
      <input
        id="compare-file"
        className={styles.wide}
        type="file"
        accept={ACCEPT}
        aria-describedby="compare-help"
        disabled={disabled || running}
        onChange={(e) => setFile(e.currentTarget.files?.[0])}
      />
      <Button appearance="primary" disabled={disabled || running || !file} onClick={() => file && onCompare(file)}>
        {t.compareRun}
      </Button>
      {counts && !running && <Text role="status">{t.compareDone(counts)}</Text>}
    </section>
  );
}
