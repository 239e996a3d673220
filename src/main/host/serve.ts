/**
 * `npm run serve -- [--port N] [--data-dir D] [--keychain-service S] [--no-samples]`: the app's services
 * in plain Node and the built page on 127.0.0.1 (`--no-samples`: no sample media and preset on a first start). Prints exactly one line on stdout when ready:
 * `serving http://127.0.0.1:PORT/?token=TOKEN`; everything else goes to stderr.
 */
import '../app/young-generation';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/contract';
import { appIdentity } from '../app/app-identity';
import { createAppServices } from '../app/create-services';
import { defaultDataDir } from '../app/default-data-dir';
import { KeytarSecretStore } from '../secrets/keytar-store';
import { lockDataDir } from '../storage/data-dir-lock';
import { startHttpHost } from './http-host';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      'data-dir': { type: 'string' },
      'keychain-service': { type: 'string', default: appIdentity.keychainService },
      'renderer-dir': { type: 'string' },
      'no-samples': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new AppError('INVALID_INPUT', `--port must be 0..65535, got ${values.port}`);
  const dataDir = resolve(values['data-dir'] ?? defaultDataDir());
  const rendererDir = resolve(values['renderer-dir'] ?? join(dirname(fileURLToPath(import.meta.url)), '../renderer'));

  const unlock = await lockDataDir(dataDir);
  const services = await createAppServices({
    dataDir,
    secrets: new KeytarSecretStore({ service: values['keychain-service'] }),
    transport: 'browser',
    samples: !values['no-samples'],
    warn: (message) => process.stderr.write(`${message}\n`),
  });
  const host = await startHttpHost({ services, rendererDir, port });
  process.stdout.write(`serving ${host.url}\n`);
  process.stderr.write(`data dir: ${dataDir}\n`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await host.close();
    await services.close();
    await unlock();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${describeFailure(error)}\n`);
  process.exit(1);
});

/** One plain sentence for what a user can fix (a taken port, a bad argument); the stack otherwise. */
function describeFailure(error: unknown): string {
  if (error instanceof AppError) return error.message;
  const listen = error as NodeJS.ErrnoException & { port?: number; address?: string };
  if (listen?.code === 'EADDRINUSE')
    return `Port ${listen.port} on ${listen.address ?? '127.0.0.1'} is already in use (another "npm run serve"?): stop that program, or start with --port 0 for any free port.`;
  if (listen?.code === 'EACCES')
    return `Port ${listen.port} needs privileges this user does not have: start with --port 0 for any free port, or a port above 1023.`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
