import { useEffect } from 'react';
import { create } from 'zustand';
import type { WaEventKey } from '../../../shared/domain/wa.js';
import { registerReset } from './reset.js';

interface TemplateDrafts {
  /** Unsaved text per template: kept while the operator looks at another template, tab or screen. */
  drafts: Partial<Record<WaEventKey, string>>;
  setDraft(key: WaEventKey, content: string | null): void;
}

/**
 * Template edits not saved yet. They used to live in the editor and vanished with it (another
 * template chosen, another tab); here they stay until saved, reset or signed out, and closing or
 * reloading the window asks first.
 */
export const useTemplateDrafts = create<TemplateDrafts>((set) => ({
  drafts: {},
  setDraft: (key, content) =>
    set((state) => {
      const drafts = { ...state.drafts };
      if (content === null) delete drafts[key];
      else drafts[key] = content;
      return { drafts };
    }),
}));
registerReset(() => useTemplateDrafts.setState({ drafts: {} }));

/** While any draft is unsaved, the browser asks before the window closes or reloads. */
export function useWarnBeforeUnload(): void {
  const unsaved = useTemplateDrafts((s) => Object.keys(s.drafts).length > 0);
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);
}
