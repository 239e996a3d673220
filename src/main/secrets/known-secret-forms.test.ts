import { describe, expect, it } from 'vitest';
import { formsOf, RecentSecrets, SecretForms } from './known-secret-forms';

// Shaped like a UserSig: TLS v2 base64 with `+/=` spelled `*-_`, 150+ characters.
const ticket = `eJwtzEELgjAYBuC${'Aa1B2c3D4e5F6g7H8i9J0k*Lm-No_Pq'.repeat(5)}Rs`;
const body = JSON.stringify({
  SdkAppId: 1400000001,
  RoomId: '1234',
  UserId: 'robot_1',
  UserSig: ticket,
  StreamUrl: 'https://m.example/a.mp4',
});

/** Whether `text` still holds the ticket in any form the whole-run scan looks for, line breaks ignored. */
function holdsTicket(text: string): boolean {
  const flat = text.replace(/\r|\n|\\r|\\n/g, '');
  const bytes = Buffer.from(ticket);
  for (let shift = 0; shift < 3; shift++) {
    const whole = bytes.subarray(shift, shift + Math.floor((bytes.length - shift) / 3) * 3);
    if (flat.includes(whole.toString('base64')) || flat.includes(whole.toString('base64url'))) return true;
  }
  return flat.includes(ticket);
}

describe('SecretForms', () => {
  const forms = new SecretForms([ticket]);

  it('redacts the ticket as it is, inside JSON and in a URL', () => {
    expect(forms.redact(`UserSig=${ticket}&x=1`)).toBe('UserSig=[redacted]&x=1');
    expect(holdsTicket(forms.redact(body))).toBe(false);
    expect(forms.redact(JSON.stringify({ text: body }))).not.toContain(ticket);
  });

  it('redacts an echo of the body in base64 and base64url, at every offset', () => {
    for (const prefix of ['', 'a', 'ab']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const echo = Buffer.from(prefix + body).toString(encoding);
        expect(holdsTicket(echo)).toBe(true);
        const out = forms.redact(`bad request: ${echo} (end)`);
        expect(holdsTicket(out), `${encoding}, offset ${prefix.length}`).toBe(false);
        expect(out).toMatch(/^bad request: .*\[redacted\].* \(end\)$/s);
      }
    }
  });

  it('redacts base64 wrapped in lines: LF, CRLF, and JSON-escaped line breaks', () => {
    const wrapped = (
      Buffer.from(body)
        .toString('base64')
        .match(/.{1,64}/g) ?? []
    ).join('\n');
    for (const text of [wrapped, wrapped.replace(/\n/g, '\r\n'), JSON.stringify({ message: wrapped })]) {
      expect(holdsTicket(text)).toBe(true);
      expect(holdsTicket(forms.redact(text))).toBe(false);
    }
    // What is outside the ticket stays as it was, line breaks included.
    const kept = forms.redact(`first line\n${wrapped}\nlast line`);
    expect(kept.startsWith('first line\n')).toBe(true);
    expect(kept.endsWith('\nlast line')).toBe(true);
  });

  it('redacts deep values and leaves everything else alone', () => {
    const echo = Buffer.from(body).toString('base64');
    const value = { TaskId: 'task-1', Echo: echo, list: [echo, 3, null], nested: { ok: true } };
    const out = forms.redactDeep(value);
    expect(out).toMatchObject({ TaskId: 'task-1', list: [expect.any(String), 3, null], nested: { ok: true } });
    expect(holdsTicket(JSON.stringify(out))).toBe(false);
    expect(value.Echo).toBe(echo);
    const plain = 'A long line of ordinary text with base64-looking words QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo= in it.';
    expect(forms.redact(plain)).toBe(plain);
  });

  it('finds nothing when it knows nothing', () => {
    const echo = Buffer.from(body).toString('base64');
    expect(new SecretForms().redact(echo)).toBe(echo);
    expect(formsOf(ticket).length).toBeGreaterThanOrEqual(4);
  });
});

describe('RecentSecrets', () => {
  it('forgets the oldest secrets past its bound', () => {
    const recent = new RecentSecrets(2);
    const second = `${ticket}B`;
    const third = `${ticket}CD`;
    recent.remember(ticket);
    recent.remember(second);
    recent.remember(third);
    expect(recent.forms.redact(ticket)).toBe(ticket);
    expect(recent.forms.redact(third)).toBe('[redacted]');
    expect(recent.forms.redact(second)).toBe('[redacted]');
  });
});
