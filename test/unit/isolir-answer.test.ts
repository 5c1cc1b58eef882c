import { describe, expect, it } from 'vitest';
import { answerOf } from '../../main/isolir/action-store.js';

describe("the router's answer as the isolir ledger keeps it", () => {
  it('reads back the facts (for plain words) and the technical words (for "Detail teknis")', () => {
    const change = { state: { kind: 'profile', profile: 'isolir' }, sessionsEnded: 1 } as const;
    expect(answerOf({ answer: JSON.stringify({ change, technical: 'profile=isolir; 1 session removed' }) })).toEqual({
      change,
      answer: 'profile=isolir; 1 session removed',
    });
  });

  it('a row written before the facts were kept shows its technical words alone; a pending one has neither', () => {
    expect(answerOf({ answer: 'profile=isolir' })).toEqual({ change: null, answer: 'profile=isolir' });
    expect(answerOf({ answer: null })).toEqual({ change: null, answer: null });
  });
});
