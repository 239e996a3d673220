import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Settings } from '../../../shared/contract/system';
import { formatters } from './format';
import { type Language, namespaces, resources } from './resources';

/** "Follow the system": Chinese for any zh-* OS language, English otherwise. */
export function resolveLanguage(setting: Settings['language'], osLanguages: readonly string[]): Language {
  if (setting !== 'system') return setting;
  return osLanguages.some((language) => language.toLowerCase().startsWith('zh')) ? 'zh-CN' : 'en';
}

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: resolveLanguage('system', navigator.languages),
  fallbackLng: 'en',
  ns: namespaces,
  defaultNS: 'common',
  interpolation: { escapeValue: false },
  returnNull: false,
});

// `{{count, number}}` in a string goes through the same cached formatters as the screens.
i18n.services.formatter?.add('number', (value: unknown, language: string | undefined) =>
  typeof value === 'number' ? formatters(language ?? 'en').number(value) : String(value),
);
