/**
 * `npm run sandbox -- --port N --config FILE [--control-token T]`: the TRTC sandbox on its own.
 * Prints exactly one line on stdout when ready, `sandbox listening PORT`; the control token (random
 * unless given) goes to stderr.
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { startTrtcSandbox } from './index';
import { readSandboxConfig } from './sandbox-config';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      config: { type: 'string' },
      'control-token': { type: 'string' },
    },
    strict: true,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be 0..65535, got ${values.port}`);
  if (!values.config) throw new Error('--config FILE is required (JSON with credentials and apps)');
  const config = await readSandboxConfig(values.config);
  const controlToken = values['control-token'] ?? randomBytes(24).toString('base64url');

  const sandbox = await startTrtcSandbox({ ...config, port, controlToken });
  process.stdout.write(`sandbox listening ${sandbox.port}\n`);
  if (!values['control-token']) process.stderr.write(`control token: ${controlToken}\n`);
  process.stderr.write(`fault control: POST http://127.0.0.1:${sandbox.port}/__sandbox/faults with Authorization: Bearer <token>\n`);

  const stop = async () => {
    await sandbox.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
