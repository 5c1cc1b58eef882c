import { create } from 'zustand';

interface ToastState {
  message: string | null;
  /** Bumped per toast so the same text twice still restarts the timer. */
  seq: number;
}

export const useToast = create<ToastState>(() => ({ message: null, seq: 0 }));

/** A short confirmation after a save; errors stay in the form instead. */
export function toast(message: string): void {
  useToast.setState((s) => ({ message, seq: s.seq + 1 }));
}
