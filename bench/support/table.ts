// One result table: printed as text and written as JSON (bench/results/latest.json).
export interface BenchRow {
  /** P1 … P7, M, or a sub-row such as "P1 N=1000". */
  row: string;
  metric: string;
  value: number | string;
  unit?: string;
  goal: string;
  /** The reference figure measured in the same run, when there is one. */
  reference?: number | string;
  /** value / reference (or reference / value for speed-ups; the metric says which). */
  ratio?: number;
  /** null: reported only (no goal), or the row could not run. */
  pass: boolean | null;
  note?: string;
}

function cell(value: number | string | undefined, unit?: string): string {
  if (value === undefined) {
    return '';
  }
  return unit ? `${value} ${unit}` : String(value);
}

export function formatTable(rows: readonly BenchRow[]): string {
  const header = ['row', 'metric', 'value', 'goal', 'reference', 'ratio', 'pass/fail'];
  const body = rows.map((r) => [
    r.row,
    r.metric,
    cell(r.value, r.unit),
    r.goal,
    cell(r.reference, typeof r.reference === 'number' ? r.unit : undefined),
    r.ratio === undefined ? '' : `${r.ratio}×`,
    r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  const out = [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)];
  const notes = rows.filter((r) => r.note).map((r) => `- ${r.row} ${r.metric}: ${r.note}`);
  return notes.length > 0 ? `${out.join('\n')}\n\nNotes:\n${notes.join('\n')}` : out.join('\n');
}
