// Preloaded into electronegativity. The tool asks the internet for translation updates and Electron's
// release list through `got`; offline, got throws from timers ("getaddrinfo ENOTFOUND", "onCancel
// handler was attached after the promise settled"), killing the scan at a random moment, sometimes
// before it writes its report. Errors raised inside got are ignored; any other still ends the process.
process.on('uncaughtException', (error) => {
  const fromGot = error?.name === 'RequestError' || /[\\/]node_modules[\\/](got|p-cancelable)[\\/]/.test(String(error?.stack));
  if (fromGot) return;
  console.error(error);
  process.exit(1);
});
process.on('unhandledRejection', (reason) => {
  if (reason?.name === 'RequestError' || /[\\/]node_modules[\\/]got[\\/]/.test(String(reason?.stack))) return;
  console.error(reason);
  process.exit(1);
});
