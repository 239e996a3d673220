import { AppError } from '../../shared/contract';

export interface StartFailureMessage {
  title: string;
  content: string;
}

const texts = {
  en: {
    title: 'Ingest Desk could not start',
    reason: (reason: string) => `Reason: ${reason}`,
    locked:
      'Another copy of Ingest Desk is using the same data folder: the desktop app, or the browser host (npm run serve). Close it, then start Ingest Desk again.',
    other: (dataDir: string) => `Start Ingest Desk again. If this keeps happening, check that the data folder can be written: ${dataDir}`,
  },
  'zh-CN': {
    title: 'Ingest Desk 无法启动',
    reason: (reason: string) => `原因：${reason}`,
    locked: '另一个 Ingest Desk（桌面应用或浏览器版 npm run serve）正在使用同一个数据文件夹。请先关闭它，然后重新启动 Ingest Desk。',
    other: (dataDir: string) => `请重新启动 Ingest Desk。如果问题仍然存在，请检查数据文件夹是否可写：${dataDir}`,
  },
};

/** What the user reads in the error box when start-up fails: the plain reason, then what to do. */
export function startFailureMessage(error: unknown, locale: string, dataDir: string): StartFailureMessage {
  const text = locale.toLowerCase().startsWith('zh') ? texts['zh-CN'] : texts.en;
  const reason = error instanceof Error ? error.message : String(error);
  const fix = error instanceof AppError && error.code === 'CONFLICT' ? text.locked : text.other(dataDir);
  return { title: text.title, content: `${text.reason(reason)}\n\n${fix}` };
}
