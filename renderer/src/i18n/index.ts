import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { coreMessages, type MessageTree } from '../../../shared/i18n/index.js';
import type { Locale } from '../../../shared/domain/user.js';
import { en } from './en.js';
import { id } from './id.js';
import type { ScreenMessages } from './types.js';

/** One namespace: the core's texts (errors, validation) and the screens' texts, as in shared/i18n. */
export type Messages = ScreenMessages & MessageTree;

const resources: Record<Locale, { translation: Messages }> = {
  id: { translation: { ...coreMessages.id, ...id } },
  en: { translation: { ...coreMessages.en, ...en } },
};

export function initI18n(locale: Locale): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: 'id',
    // React escapes text itself.
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  return i18next;
}

export { i18next };
export type { ScreenMessages };
