import type { ReactNode } from 'react';

/** One label and its value in a `.facts` list (a customer's, an invoice's). */
export function Fact({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-testid={testId}>{children}</dd>
    </>
  );
}
