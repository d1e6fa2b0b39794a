import * as React from "react";
import { Button, Field, Select, SearchBox, Text, makeStyles, tokens } from "@fluentui/react-components";
import { ruleText } from "../../core/findings/catalogue";
import type { Finding, Severity } from "../../core/report/types";
import type { FixTargets, TextFix } from "../../core/fixes";
import type { PaneLanguage, PaneText } from "../strings";
import { filterFindings, findingTarget, groupFindings, type SeverityFilter } from "../model";

const useStyles = makeStyles({
  stack: { display: "flex", flexDirection: "column", gap: "8px" },
  list: { listStyleType: "none", margin: 0, padding: 0 },
  item: { display: "block", width: "100%", textAlign: "start", justifyContent: "flex-start", fontWeight: "normal", whiteSpace: "normal", height: "auto", padding: "4px 6px" },
  // Severity is written out in each heading; the left border only repeats it (colour never alone).
  error: { borderLeft: `4px solid ${tokens.colorPaletteRedBorder2}`, paddingLeft: "6px" },
  warning: { borderLeft: `4px solid ${tokens.colorPaletteMarigoldBorder2}`, paddingLeft: "6px" },
  info: { borderLeft: `4px solid ${tokens.colorNeutralStroke1}`, paddingLeft: "6px" },
  unit: { margin: "4px 0 0 0", fontSize: tokens.fontSizeBase200, fontWeight: tokens.fontWeightSemibold },
  h3: { margin: "8px 0 4px 0", fontSize: tokens.fontSizeBase400 },
  fixes: { display: "flex", flexWrap: "wrap", gap: "4px", padding: "0 6px 4px 6px" },
});

export interface FindingsPanelProps {
  t: PaneText;
  lang: PaneLanguage;
  findings: readonly Finding[];
  onSelect(f: Finding): void;
  /** The cells a finding's fix applies to (absent: no fix buttons). */
  fixesFor?(f: Finding): FixTargets;
  /** "Sửa thành …" / "Sửa cả cột": apply these fixes. */
  onFix?(fixes: readonly TextFix[]): void;
  fixDisabled?: boolean;
}

/** Findings grouped by severity, rule and unit, with counts, a severity filter and a search. */
export function FindingsPanel({ t, lang, findings, onSelect, fixesFor, onFix, fixDisabled }: FindingsPanelProps): React.JSX.Element {
  const styles = useStyles();
  const [severity, setSeverity] = React.useState<SeverityFilter>("all");
  const [query, setQuery] = React.useState("");
  const [toggled, setToggled] = React.useState<Set<string>>(new Set());
  const shown = React.useMemo(() => filterFindings(findings, severity, query), [findings, severity, query]);
  const groups = React.useMemo(() => groupFindings(shown), [shown]);
  // Rule groups start open when the list is short or filtered, closed otherwise; a click flips that.
  const openByDefault = shown.length <= 40 || query.trim() !== "" || severity !== "all";
  const isOpen = (key: string) => openByDefault !== toggled.has(key);
  const flip = (key: string) =>
    setToggled((s) => {
      const n = new Set(s);
      if (n.has(key)) n.delete(key);
      else n.add(key);
      return n;
    });
  const title = (rule: string) => {
    const r = ruleText(rule);
    return r ? `${r.title[lang]} (${rule})` : rule;
  };
  const text = (f: Finding) => (lang === "en" && f.messageEn ? f.messageEn : f.message);
  return (
    <section aria-labelledby="findings-heading" className={styles.stack}>
      <h2 id="findings-heading">{t.findings}</h2>
      <Field label={t.filterSeverity}>
        <Select value={severity} onChange={(_e, d) => setSeverity(d.value as SeverityFilter)}>
          <option value="all">{t.all}</option>
          {(["error", "warning", "info"] as Severity[]).map((s) => (
            <option key={s} value={s}>
              {t.severity[s]}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={t.search}>
        <SearchBox value={query} placeholder={t.searchPlaceholder} onChange={(_e, d) => setQuery(d.value)} />
      </Field>
      <Text role="status" aria-live="polite">
        {findings.length === 0 ? t.noFindings : shown.length === 0 ? t.noMatch : t.shown(shown.length, findings.length)}
      </Text>
      {groups.map((g) => (
        <section key={g.severity} aria-labelledby={`sev-${g.severity}`} className={styles[g.severity]}>
          <h3 id={`sev-${g.severity}`} className={styles.h3}>
            {t.severity[g.severity]} — {t.count(g.count)}
          </h3>
          {g.rules.map((r) => {
            const key = `${g.severity}/${r.rule}`;
            const open = isOpen(key);
            const panelId = `grp-${g.severity}-${r.rule.replace(/[^a-z0-9]/gi, "-")}`;
            return (
              <div key={key}>
                <Button appearance="transparent" aria-expanded={open} aria-controls={panelId} onClick={() => flip(key)} className={styles.item}>
                  {open ? "▾" : "▸"} {title(r.rule)} — {t.count(r.count)}
                </Button>
                {open && (
                  <div id={panelId}>
                    {r.units.map((u) => (
                      <div key={u.unit ?? ""}>
                        <h4 className={styles.unit}>
                          {u.unit ?? t.noUnit} — {t.count(u.findings.length)}
                        </h4>
                        <ul className={styles.list}>
                          {u.findings.map((f, i) => {
                            const target = findingTarget(f);
                            const where = target ? `${f.sheet}!${target.a1}` : t.wholeSheet;
                            return (
                              <li key={i}>
                                {target ? (
                                  <Button appearance="subtle" className={styles.item} onClick={() => onSelect(f)} title={t.goTo(where)}>
                                    <span>
                                      <strong>{t.severity[f.severity]}</strong> · {where}
                                      {f.person ? ` · ${f.person}` : ""}: {text(f)}
                                    </span>
                                  </Button>
                                ) : (
                                  // Nothing to go to (a whole sheet or unit): plain text at full contrast, not a dimmed disabled button.
                                  <div className={styles.item}>
                                    <strong>{t.severity[f.severity]}</strong> · {where}
                                    {f.person ? ` · ${f.person}` : ""}: {text(f)}
                                  </div>
                                )}
                                {f.fix && fixesFor && onFix && <FixButtons t={t} finding={f} targets={fixesFor(f)} disabled={fixDisabled === true} onFix={onFix} />}
                              </li>
                            );
                          })}
                        </ul>
                      </div>
                    ))}
                  </div>
                )}
              </div>
            );
          })}
        </section>
      ))}
    </section>
  );
}

/** A finding's fix: its cell, and its whole column when the column has more such cells. */
function FixButtons({ t, finding, targets, disabled, onFix }: { t: PaneText; finding: Finding; targets: FixTargets; disabled: boolean; onFix(fixes: readonly TextFix[]): void }): React.JSX.Element | null {
  const styles = useStyles();
  const own = targets.cell[0];
  if (!own) return null;
  return (
    <div className={styles.fixes}>
      <Button size="small" appearance="secondary" disabled={disabled} aria-label={t.fixToLabel(own.to, `${own.sheet}!${own.cell}`)} onClick={() => onFix(targets.cell)}>
        {t.fixTo(own.to)}
      </Button>
      {targets.column.length > 1 && (
        <Button size="small" appearance="secondary" disabled={disabled} aria-label={t.fixColumnLabel(targets.column.length, finding.column ?? "", own.sheet)} onClick={() => onFix(targets.column)}>
          {t.fixColumn(targets.column.length)}
        </Button>
      )}
    </div>
  );
}
