export const system = {
  title: 'Status & settings',
  keychain: {
    title: 'OS keychain',
    backend: 'Backend',
    state: {
      available: 'Available',
      unavailable: 'Unavailable',
      locked: 'Locked',
      timeout: 'Not answering',
    },
    explain: 'Secret keys are kept only in the OS keychain. Without it you can browse, but not save or use keys.',
    cause: {
      noDbus: 'No D-Bus session is running, so the Secret Service cannot be reached.',
      noSecretService: 'No Secret Service (gnome-keyring or KWallet) is installed or running on this D-Bus session.',
      locked: 'The keychain is locked, or the unlock prompt was dismissed.',
      noNativeModule: 'The keychain library could not be loaded (libsecret or the keytar module is missing).',
      timeout: 'The keychain did not answer in time.',
    },
    details: 'Details from the keychain library',
    guide: {
      linux:
        'Install and unlock a Secret Service: gnome-keyring (GNOME) or KWallet (KDE), and make sure a D-Bus session is running. Headless: run the app inside "dbus-run-session" with gnome-keyring-daemon unlocked.',
      darwin: 'Open Keychain Access and unlock the "login" keychain, then retry.',
      win32: 'Windows Credential Manager should always be available; sign in to your Windows account and retry.',
      other: 'Make sure the operating system keychain is installed and unlocked, then retry.',
    },
  },
  app: {
    title: 'App',
    version: 'Version',
    transport: 'Connection',
    transports: { electron: 'Desktop app (IPC)', browser: 'Browser host (HTTP on 127.0.0.1)' },
    platform: 'Platform',
  },
  stores: {
    title: 'Saved data',
    healthy: 'All saved data was read correctly.',
    corrupt: '{{store}} could not be read ({{message}}). It was kept as {{keptAs}}; the app started with an empty one.',
    newerVersion: '{{store}} was written by a newer version of the app ({{message}}). It is kept unchanged and read-only.',
    syncFailed:
      'The disk did not confirm the latest changes to {{store}} ({{message}}). They are written, but may not survive a power loss: check the disk and its free space.',
    imported:
      'Your saved data was moved into the app database ({{store}}) from the files of an earlier version ({{message}}). The old files are kept, unchanged, in the folder {{keptAs}} of the data folder.',
  },
  settings: {
    title: 'Preferences',
    language: 'Language',
    languages: { system: 'Follow the system', en: 'English', 'zh-CN': '简体中文' },
    theme: 'Theme',
    themes: { system: 'Follow the system', light: 'Light', dark: 'Dark' },
  },
};
