import * as React from "react";
import { Button, Field, Select, Text, makeStyles } from "@fluentui/react-components";
import { CANONICAL_FIELDS, type CanonicalField, type SheetReport } from "../../core/report/types";
import { columnNumber } from "../../core/address";
import { FIELD_NAMES, type PaneLanguage, type PaneText } from "../strings";
import { columnLetter } from "../model";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  grid: { display: "grid", gridTemplateColumns: "1fr", gap: "4px" },
});

export interface MappingPanelProps {
  t: PaneText;
  lang: PaneLanguage;
  sheets: readonly SheetReport[];
  disabled: boolean;
  onSave(sheet: string, corrections: Partial<Record<CanonicalField, string>>): void;
}

function firstLetter(v: string | string[] | undefined): string {
  return Array.isArray(v) ? (v[0] ?? "") : (v ?? "");
}

/** The roster sheets the tool found, their header rows and column mapping, with corrections. */
export function MappingPanel({ t, lang, sheets, disabled, onSave }: MappingPanelProps): React.JSX.Element {
  const styles = useStyles();
  const rosters = sheets.filter((s) => s.role === "roster");
  return (
    <section aria-labelledby="mapping-heading" className={styles.stack}>
      <h2 id="mapping-heading">{t.mapping}</h2>
      <Text>{t.mappingHelp}</Text>
      {rosters.length === 0 && <Text>{t.noRosterSheets}</Text>}
      {rosters.map((s) => (
        <SheetMapping key={s.name} t={t} lang={lang} sheet={s} disabled={disabled} onSave={onSave} />
      ))}
    </section>
  );
}

function SheetMapping({ t, lang, sheet, disabled, onSave }: { t: PaneText; lang: PaneLanguage; sheet: SheetReport; disabled: boolean; onSave: MappingPanelProps["onSave"] }): React.JSX.Element {
  const styles = useStyles();
  const [edits, setEdits] = React.useState<Partial<Record<CanonicalField, string>>>({});
  React.useEffect(() => setEdits({}), [sheet]);
  const columns = sheet.columns ?? {};
  let width = 26;
  for (const v of Object.values(columns)) for (const l of Array.isArray(v) ? v : [v]) if (l) width = Math.max(width, columnNumber(l) + 3);
  const letters = Array.from({ length: width }, (_, i) => columnLetter(i + 1));
  const headerRows = [...(sheet.headerRows ?? []), ...(sheet.indexRow ? [sheet.indexRow] : [])].join(", ");
  const changed = Object.keys(edits).length > 0;
  const headingId = `map-${sheet.name.replace(/[^\p{L}\p{N}]/gu, "-")}`;
  return (
    <section aria-labelledby={headingId} className={styles.stack}>
      <h3 id={headingId}>{sheet.name}</h3>
      <Text>
        {t.records(sheet.records ?? 0)}
        {headerRows ? ` · ${t.headerRows(headerRows)}` : ""}
        {sheet.firstDataRow !== undefined && sheet.lastDataRow !== undefined ? ` · ${t.dataRows(sheet.firstDataRow, sheet.lastDataRow)}` : ""}
      </Text>
      <div className={styles.grid}>
        {CANONICAL_FIELDS.map((f) => {
          const current = firstLetter(columns[f]);
          const value = edits[f] ?? current;
          const spread = Array.isArray(columns[f]) && (columns[f] as string[]).length > 1 ? ` (${(columns[f] as string[]).join(", ")})` : "";
          return (
            <Field key={f} label={`${FIELD_NAMES[f][lang]}${spread}`} orientation="horizontal">
              <Select
                aria-label={t.columnFor(FIELD_NAMES[f][lang], sheet.name)}
                value={value}
                disabled={disabled}
                onChange={(_e, d) =>
                  setEdits((e) => {
                    const n = { ...e };
                    if (d.value === current) delete n[f];
                    else n[f] = d.value;
                    return n;
                  })
                }
              >
                <option value="">{t.notMapped}</option>
                {letters.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
          );
        })}
      </div>
      <Button appearance="primary" disabled={disabled || !changed} onClick={() => onSave(sheet.name, edits)}>
        {t.saveMapping}
      </Button>
    </section>
  );
}
