import * as React from "react";
import { makeStyles } from "@fluentui/react-components";

/** The layout the file panels share: a column of controls, left-aligned. */
export const usePanelStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px", alignItems: "flex-start" },
  wide: { maxWidth: "100%" },
});

/** Workbook kinds offered in the file chooser; the content decides the format, not the name. */
const ACCEPT = ".xlsx,.xlsm,.xls,.xml,.htm,.html";

export interface WorkbookFilePickerProps {
  id: string;
  label: string;
  /** The id of the text that explains the choice (read with the control). */
  describedBy: string;
  multiple?: boolean;
  disabled: boolean;
  onFiles(files: File[]): void;
}

/** A labelled file chooser for workbooks (one, or several with `multiple`). */
export function WorkbookFilePicker({ id, label, describedBy, multiple, disabled, onFiles }: WorkbookFilePickerProps): React.JSX.Element {
  const styles = usePanelStyles();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input id={id} className={styles.wide} type="file" multiple={multiple} accept={ACCEPT} aria-describedby={describedBy} disabled={disabled} onChange={(e) => onFiles(Array.from(e.currentTarget.files ?? []))} />
    </>
  );
}
