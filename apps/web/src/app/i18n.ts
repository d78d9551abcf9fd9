// UI language: i18next resources built from the side-by-side dictionaries, persisted in localStorage.
import { type Language, languages } from '@wenming/contracts';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client';
import { allMessages } from './messages';

export const LANGUAGE_STORAGE_KEY = 'wenming.lang';

export const languageNames: Record<Language, string> = { 'zh-CN': '简体中文', 'zh-TW': '繁體中文', en: 'English' };

function readStoredLanguage(): Language {
  try {
    const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
    if (stored && (languages as readonly string[]).includes(stored)) return stored as Language;
  } catch {
    // Storage may be blocked (private mode); the default language still works.
  }
  return 'zh-CN';
}

function buildResources() {
  const resources: Record<Language, { translation: Record<string, string> }> = {
    'zh-CN': { translation: {} },
    'zh-TW': { translation: {} },
    en: { translation: {} },
  };
  languages.forEach((lang, i) => {
    for (const [key, texts] of Object.entries(allMessages)) resources[lang].translation[key] = texts[i];
  });
  return resources;
}

const initial = readStoredLanguage();
setApiLanguage(initial);

void i18n.use(initReactI18next).init({
  resources: buildResources(),
  lng: initial,
  fallbackLng: 'zh-CN',
  keySeparator: false,
  nsSeparator: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});

/** Switches the UI language, the API's error language and the stored choice together. */
export function changeLanguage(lang: Language): void {
  setApiLanguage(lang);
  try {
    globalThis.localStorage?.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    // Not persisted; the switch still applies to this page.
  }
  document.documentElement.lang = lang;
  void i18n.changeLanguage(lang);
}

export function currentLanguage(): Language {
  return (i18n.language as Language) ?? 'zh-CN';
}

export default i18n;
