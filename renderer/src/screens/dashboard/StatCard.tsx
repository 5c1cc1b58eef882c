interface StatCardProps {
  tone: 'active' | 'isolated' | 'inactive' | 'neutral';
  label: string;
  value: string;
  /** A second line under the figure (how many invoices a sum is). */
  sub?: string;
  testId: string;
  onOpen?: () => void;
}

/** One figure on the dashboard; one that has a list behind it opens that list. */
export function StatCard({ tone, label, value, sub, testId, onOpen }: StatCardProps) {
  const body = (
    <>
      <span className="stat-label">{label}</span>
      <span className="stat-value" data-testid={testId}>
        {value}
      </span>
      {sub ? <span className="stat-sub muted">{sub}</span> : null}
    </>
  );
  if (!onOpen) return <div className={`card stat stat-${tone}`}>{body}</div>;
  return (
    <button type="button" className={`card stat stat-${tone} stat-link`} onClick={onOpen}>
      {body}
    </button>
  );
}
