/**
 * Every string of the page, one namespace per domain, in English and Simplified Chinese. Each zh-CN
 * namespace is typed by its English twin, so a missing or extra key is a compile error; a unit test
 * checks the same at run time (and that no value is empty).
 */
import { common as enCommon } from './locales/en/common';
import { media as enMedia } from './locales/en/media';
import { system as enSystem } from './locales/en/system';
import { common as zhCommon } from './locales/zh-CN/common';
import { media as zhMedia } from './locales/zh-CN/media';
import { system as zhSystem } from './locales/zh-CN/system';

export const resources = {
  en: { common: enCommon, system: enSystem, media: enMedia },
  'zh-CN': { common: zhCommon, system: zhSystem, media: zhMedia },
} as const;

export type Language = keyof typeof resources;
export const languages = Object.keys(resources) as Language[];
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];
