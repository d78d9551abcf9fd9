// Checks a statement the server sends: the opening plus every entry must come to the closing balance.

export interface StatementLine {
  id: string;
  amount: number;
}

export interface CheckedLine<L extends StatementLine> {
  line: L;
  /** Balance after this entry. */
  running: number;
}

/** Hours kept to two decimals so that sums of 0.5 h steps compare exactly. */
export function roundHours(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Running balances of the entries, and whether they end on the closing balance the server reports. */
export function checkStatement<L extends StatementLine>(opening: number, lines: L[], closing: number) {
  let running = roundHours(opening);
  const rows: CheckedLine<L>[] = lines.map((line) => {
    running = roundHours(running + line.amount);
    return { line, running };
  });
  const credits = roundHours(lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0));
  const debits = roundHours(lines.filter((l) => l.amount < 0).reduce((s, l) => s - l.amount, 0));
  return { rows, credits, debits, computedClosing: running, isBalanced: running === roundHours(closing) };
}

/** First and last day of a `YYYY-MM` month as `YYYY-MM-DD`. */
export function monthBounds(period: string): { from: string; to: string } {
  const [y, m] = period.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const mm = String(m).padStart(2, '0');
  return { from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
}
