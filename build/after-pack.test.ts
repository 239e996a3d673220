import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';

// after-pack.cjs is loaded by electron-builder with plain require: stub @electron/fuses in require's cache.
const require = createRequire(import.meta.url);
const flips: Array<{ executable: string; options: Record<string, unknown> }> = [];
const fusesPath = require.resolve('@electron/fuses');
const realFuses = require('@electron/fuses') as { FuseVersion: object; FuseV1Options: Record<string, number> };
require.cache[fusesPath] = {
  id: fusesPath,
  filename: fusesPath,
  loaded: true,
  exports: {
    FuseVersion: realFuses.FuseVersion,
    FuseV1Options: realFuses.FuseV1Options,
    flipFuses: async (executable: string, options: Record<string, unknown>) => {
      flips.push({ executable, options });
    },
  },
} as unknown as NodeJS.Module;

type AfterPack = (context: object) => Promise<void>;
const afterPack = (path = './after-pack.cjs'): AfterPack => {
  delete require.cache[require.resolve(path)];
  return require(path) as AfterPack;
};

// What electron-builder passes: `executableName` exists only on its LinuxPackager.
const appInfo = { productFilename: 'Ingest Desk' };
const packagers = {
  linux: { appInfo, executableName: 'trtc-ingest-desk' },
  darwin: { appInfo },
  mas: { appInfo },
  win32: { appInfo },
};

describe('build/after-pack.cjs', () => {
  beforeEach(() => {
    flips.length = 0;
  });

  it.each([
    ['linux', join('/out', 'trtc-ingest-desk')],
    ['darwin', join('/out', 'Ingest Desk.app', 'Contents', 'MacOS', 'Ingest Desk')],
    ['mas', join('/out', 'Ingest Desk.app', 'Contents', 'MacOS', 'Ingest Desk')],
    ['win32', join('/out', 'Ingest Desk.exe')],
  ] as const)('flips the fuses of the %s binary', async (platform, executable) => {
    await afterPack()({ electronPlatformName: platform, appOutDir: '/out', packager: packagers[platform] });
    expect(flips).toHaveLength(1);
    expect(flips[0]?.executable).toBe(executable);
    const { FuseV1Options } = realFuses;
    expect(flips[0]?.options).toMatchObject({
      resetAdHocDarwinSignature: platform === 'darwin',
      [FuseV1Options.RunAsNode as number]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable as number]: false,
      [FuseV1Options.EnableNodeCliInspectArguments as number]: false,
      [FuseV1Options.EnableCookieEncryption as number]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation as number]: true,
      [FuseV1Options.OnlyLoadAppFromAsar as number]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges as number]: false,
    });
  });

  it('refuses a platform it does not know instead of flipping nothing', async () => {
    await expect(afterPack()({ electronPlatformName: 'aix', appOutDir: '/out', packager: packagers.linux })).rejects.toThrow(/aix/);
    expect(flips).toHaveLength(0);
  });
});
