import { create } from 'zustand';
import { paperSizeSchema, type PaperSize } from '../../../shared/domain/billing-document.js';

const KEY = 'rrnet.paper';

/**
 * The paper this computer prints on, remembered on the computer (not the account): the printer is
 * the counter's, and a collector's laptop at home has another. 80 mm until someone picks.
 */
function storedPaper(): PaperSize {
  const parsed = paperSizeSchema.safeParse(window.localStorage.getItem(KEY));
  return parsed.success ? parsed.data : '80mm';
}

interface PaperState {
  paper: PaperSize;
  setPaper(paper: PaperSize): void;
}

export const usePaper = create<PaperState>((set) => ({
  paper: storedPaper(),
  setPaper(paper) {
    window.localStorage.setItem(KEY, paper);
    set({ paper });
  },
}));
