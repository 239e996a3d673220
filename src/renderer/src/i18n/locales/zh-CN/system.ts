import type { system as en } from '../en/system';

export const system: typeof en = {
  title: '状态与设置',
  keychain: {
    title: '系统钥匙串',
    backend: '后端',
    state: {
      available: '可用',
      unavailable: '不可用',
      locked: '已锁定',
      timeout: '无响应',
    },
    explain: '密钥只保存在系统钥匙串中。钥匙串不可用时可以浏览，但无法保存或使用密钥。',
    cause: {
      noDbus: '没有运行 D-Bus 会话，无法连接 Secret Service。',
      noSecretService: '此 D-Bus 会话中没有安装或运行 Secret Service（gnome-keyring 或 KWallet）。',
      locked: '钥匙串已锁定，或解锁提示被关闭。',
      noNativeModule: '无法加载钥匙串库（缺少 libsecret 或 keytar 模块）。',
      timeout: '钥匙串未及时响应。',
    },
    details: '钥匙串库返回的详细信息',
    guide: {
      linux:
        '请安装并解锁 Secret Service：gnome-keyring（GNOME）或 KWallet（KDE），并确保 D-Bus 会话正在运行。无界面环境：在 "dbus-run-session" 中运行应用，并解锁 gnome-keyring-daemon。',
      darwin: '打开“钥匙串访问”，解锁“登录”钥匙串后重试。',
      win32: 'Windows 凭据管理器通常始终可用；请登录 Windows 账户后重试。',
      other: '请确认操作系统钥匙串已安装并解锁，然后重试。',
    },
  },
  app: {
    title: '应用',
    version: '版本',
    transport: '连接方式',
    transports: { electron: '桌面应用（IPC）', browser: '浏览器宿主（127.0.0.1 上的 HTTP）' },
    platform: '平台',
  },
  stores: {
    title: '已保存的数据',
    healthy: '所有已保存的数据均已正确读取。',
    corrupt: '无法读取 {{store}}（{{message}}）。原文件已保留为 {{keptAs}}；应用以空数据启动。',
    newerVersion: '{{store}} 由更新版本的应用写入（{{message}}）。文件保持不变，且为只读。',
    syncFailed: '磁盘未确认 {{store}} 的最新更改（{{message}}）。更改已写入，但断电后可能丢失：请检查磁盘及其剩余空间。',
    imported: '已将旧版本文件中保存的数据迁入应用数据库（{{store}}）（{{message}}）。旧文件原样保留在数据文件夹的 {{keptAs}} 文件夹中。',
  },
  settings: {
    title: '偏好设置',
    language: '语言',
    languages: { system: '跟随系统', en: 'English', 'zh-CN': '简体中文' },
    theme: '主题',
    themes: { system: '跟随系统', light: '浅色', dark: '深色' },
  },
};
