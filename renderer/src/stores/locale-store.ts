import { create } from 'zustand';
import { localeSchema, type Locale } from '../../../shared/domain/user.js';
import { i18next } from '../i18n/index.js';

const KEY = 'rrnet.locale';

interface LocaleState {
  locale: Locale;
  /** True once someone picked a language on this computer; then it wins over the account's setting. */
  chosen: boolean;
  setLocale(locale: Locale, chosen: boolean): void;
}

function storedLocale(): Locale | null {
  const parsed = localeSchema.safeParse(window.localStorage.getItem(KEY));
  return parsed.success ? parsed.data : null;
}

const initial = storedLocale();

export const useLocale = create<LocaleState>((set) => ({
  locale: initial ?? 'id',
  chosen: initial !== null,
  setLocale(locale, chosen) {
    if (chosen) window.localStorage.setItem(KEY, locale);
    set((state) => ({ locale, chosen: state.chosen || chosen }));
    document.documentElement.lang = locale;
    void i18next.changeLanguage(locale);
  },
}));
