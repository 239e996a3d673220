import type { common as en } from '../en/common';

export const common: typeof en = {
  appName: 'Ingest Desk 推流台',
  nav: {
    system: '状态与设置',
    tasks: '实时任务',
    accounts: '账号与应用',
    media: '媒体库',
    log: '任务日志',
    presets: '预设',
    launch: '启动',
  },
  actions: {
    retry: '重试',
    refresh: '刷新',
    save: '保存',
    cancel: '取消',
    copy: '复制',
    copied: '已复制',
  },
  state: {
    loading: '加载中…',
    noConnection: '此页面未连接到应用。请使用 "npm run serve" 打印的链接打开。',
  },
  errors: {
    INVALID_INPUT: '部分输入无效。',
    UNKNOWN_CALL: '应用不认识此请求。',
    FORBIDDEN: '不允许此请求。',
    NOT_FOUND: '未找到。',
    CONFLICT: '与已有内容冲突。',
    KEYCHAIN_UNAVAILABLE: '系统钥匙串不可用。',
    KEYCHAIN_LOCKED: '系统钥匙串已锁定。',
    KEYCHAIN_TIMEOUT: '系统钥匙串未及时响应。',
    STORE_UNAVAILABLE: '暂时无法修改已保存的数据。',
    TRTC_API_ERROR: 'TRTC API 返回了错误。',
    NETWORK_ERROR: '网络请求失败。',
    TIMEOUT: '请求超时。',
    OUTCOME_UNKNOWN: '结果未知。',
    UNSUPPORTED: '此处不支持。',
    INTERNAL: '应用内部出错。',
  },
};
