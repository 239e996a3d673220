/**
 * Every string of the page, one namespace per domain, in English and Simplified Chinese. Each zh-CN
 * namespace is typed by its English twin, so a missing or extra key is a compile error; a unit test
 * checks the same at run time (and that no value is empty).
 */
import { accounts as enAccounts } from './locales/en/accounts';
import { common as enCommon } from './locales/en/common';
import { launch as enLaunch } from './locales/en/launch';
import { log as enLog } from './locales/en/log';
import { media as enMedia } from './locales/en/media';
import { presets as enPresets } from './locales/en/presets';
import { requests as enRequests } from './locales/en/requests';
import { shows as enShows } from './locales/en/shows';
import { system as enSystem } from './locales/en/system';
import { tasks as enTasks } from './locales/en/tasks';
import { accounts as zhAccounts } from './locales/zh-CN/accounts';
import { common as zhCommon } from './locales/zh-CN/common';
import { launch as zhLaunch } from './locales/zh-CN/launch';
import { log as zhLog } from './locales/zh-CN/log';
import { media as zhMedia } from './locales/zh-CN/media';
import { presets as zhPresets } from './locales/zh-CN/presets';
import { requests as zhRequests } from './locales/zh-CN/requests';
import { shows as zhShows } from './locales/zh-CN/shows';
import { system as zhSystem } from './locales/zh-CN/system';
import { tasks as zhTasks } from './locales/zh-CN/tasks';

export const resources = {
  en: {
    common: enCommon,
    system: enSystem,
    accounts: enAccounts,
    media: enMedia,
    log: enLog,
    requests: enRequests,
    presets: enPresets,
    launch: enLaunch,
    tasks: enTasks,
    shows: enShows,
  },
  'zh-CN': {
    common: zhCommon,
    system: zhSystem,
    accounts: zhAccounts,
    media: zhMedia,
    log: zhLog,
    requests: zhRequests,
    presets: zhPresets,
    launch: zhLaunch,
    tasks: zhTasks,
    shows: zhShows,
  },
} as const;

export type Language = keyof typeof resources;
export const languages = Object.keys(resources) as Language[];
export const namespaces = Object.keys(resources.en) as (keyof (typeof resources)['en'])[];
