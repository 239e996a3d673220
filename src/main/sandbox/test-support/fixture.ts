import { Api } from 'tls-sig-api-v2';
import type { Clock } from '../../app/clock';
import { type SandboxOptions, startTrtcSandbox, type TrtcSandbox } from '../index';
import type { ClientSetup } from './sdk-client';

export const credential = { secretId: 'AKIDsandboxTestId0001', secretKey: 'sandbox-test-secret-key-0001' };
export const app = { sdkAppId: 1400000001, sdkSecretKey: 'sandbox-test-sdk-secret-key-0001' };
export const otherApp = { sdkAppId: 1400000002, sdkSecretKey: 'sandbox-test-sdk-secret-key-0002' };
export const clientSetup: ClientSetup = { ...credential };

/** A clock a test moves by hand. */
export class FakeClock implements Clock {
  constructor(private at = Date.UTC(2026, 0, 1)) {}
  now(): number {
    return this.at;
  }
  advance(ms: number): void {
    this.at += ms;
  }
}

export function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TrtcSandbox> {
  return startTrtcSandbox({ credentials: [credential], apps: [app, otherApp], ...options });
}

/** A valid StartStreamIngest request for `app`, with tickets from tls-sig-api-v2. */
export function startRequest(overrides: Record<string, unknown> = {}) {
  return {
    SdkAppId: app.sdkAppId,
    RoomId: '12345',
    RoomIdType: 1,
    UserId: 'robot_1',
    UserSig: new Api(app.sdkAppId, app.sdkSecretKey).genUserSig('robot_1', 300),
    StreamUrl: 'https://media.example.com/clip.mp4#duration=120',
    ...overrides,
  };
}
