// Flips Electron's fuses in every packaged binary: no running as plain Node, no NODE_OPTIONS or
// --inspect, cookies encrypted, the app loaded only from a verified app.asar.
const path = require('node:path');
const { flipFuses, FuseVersion, FuseV1Options } = require('@electron/fuses');

// Only the Linux packager has `executableName`: read it for Linux alone, or macOS and Windows packaging throws.
function executablePath(platform, appOutDir, packager) {
  const name = packager.appInfo.productFilename;
  switch (platform) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${name}.app`, 'Contents', 'MacOS', name);
    case 'win32':
      return path.join(appOutDir, `${name}.exe`);
    case 'linux':
      return path.join(appOutDir, packager.executableName);
    default:
      throw new Error(`after-pack: no Electron binary known for platform ${platform}`);
  }
}

module.exports = async function afterPack(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  await flipFuses(executablePath(electronPlatformName, appOutDir, packager), {
    version: FuseVersion.V1,
    resetAdHocDarwinSignature: electronPlatformName === 'darwin',
    [FuseV1Options.RunAsNode]: false,
    [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
    [FuseV1Options.EnableNodeCliInspectArguments]: false,
    [FuseV1Options.EnableCookieEncryption]: true,
    [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
    [FuseV1Options.OnlyLoadAppFromAsar]: true,
    [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  });
};
