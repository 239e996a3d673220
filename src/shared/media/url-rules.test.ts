import { describe, expect, it } from 'vitest';
import { acceptedSchemes, checkMediaUrl, maxMediaUrlLength } from './url-rules';

describe('checkMediaUrl: the one table of accepted media URLs', () => {
  it.each([
    ['https://cdn.example.com/clip.mp4', 'https:'],
    ['http://127.0.0.1:8080/live/index.m3u8', 'http:'],
    ['HTTPS://CDN.Example.com/a.flv?sign=AbC&t=1', 'https:'],
    ['rtmp://live.example.com/app/stream', 'rtmp:'],
    ['rtmps://live.example.com:443/app/stream?key=1', 'rtmps:'],
    ['  https://cdn.example.com/padded.mp4 \n', 'https:'],
  ])('accepts %s', (raw, protocol) => {
    const check = checkMediaUrl(raw);
    expect(check.ok).toBe(true);
    if (check.ok) expect(check.scheme.protocol).toBe(protocol);
  });

  it('lists exactly the schemes TRTC pulls', () => {
    expect(acceptedSchemes.map((scheme) => scheme.protocol)).toEqual(['http:', 'https:', 'rtmp:', 'rtmps:']);
  });

  it.each([
    ['javascript:alert(1)', 'scheme', 'javascript'],
    ['JavaScript:alert(document.cookie)', 'scheme', 'javascript'],
    ['file:///etc/passwd', 'scheme', 'file'],
    ['data:video/mp4;base64,AAAA', 'scheme', 'data'],
    ['vbscript:msgbox', 'scheme', 'vbscript'],
    ['blob:https://example.com/uuid', 'scheme', 'blob'],
    ['ftp://example.com/clip.mp4', 'scheme', 'ftp'],
    ['srt://example.com:9000', 'scheme', 'srt'],
  ])('refuses the scheme of %s', (raw, problem, scheme) => {
    expect(checkMediaUrl(raw)).toEqual({ ok: false, problem, scheme });
  });

  it.each([
    ['', 'empty'],
    ['   ', 'empty'],
    ['https://cdn.example.com/a b.mp4', 'whitespace'],
    ['https://cdn.example.com/a\tb.mp4', 'whitespace'],
    ['https://cdn.example.com/a.mp4\r\nX-Injected: 1', 'whitespace'],
    ['https://cdn.exa\nmple.com/a.mp4', 'whitespace'],
    ['https://cdn.example.com/a\u0000.mp4', 'controlCharacter'],
    ['https://cdn.example.com/a\u001b.mp4', 'controlCharacter'],
    ['https://user:secret@cdn.example.com/a.mp4', 'credentials'],
    ['https://user@cdn.example.com/a.mp4', 'credentials'],
    ['rtmp://user:pw@live.example.com/app/key', 'credentials'],
    ['https://@cdn.example.com/a.mp4', 'credentials'],
    ['not a url', 'whitespace'],
    ['cdn.example.com/a.mp4', 'notAUrl'],
    ['https://', 'notAUrl'],
    ['rtmp:///app/stream', 'noHost'],
  ])('refuses %j as %s', (raw, problem) => {
    const check = checkMediaUrl(raw);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problem).toBe(problem);
  });

  it('refuses a URL over the maximum length', () => {
    expect(checkMediaUrl(`https://cdn.example.com/${'a'.repeat(maxMediaUrlLength)}`)).toEqual({ ok: false, problem: 'tooLong' });
  });

  it('accepts a URL of exactly the maximum length', () => {
    const base = 'https://cdn.example.com/';
    expect(checkMediaUrl(base + 'a'.repeat(maxMediaUrlLength - base.length)).ok).toBe(true);
  });

  it('normalises case of scheme and host, default ports and fragments, but keeps path and query', () => {
    const a = checkMediaUrl('HTTPS://CDN.Example.COM:443/Path/A.mp4?b=2&a=1#t=10');
    const b = checkMediaUrl('https://cdn.example.com/Path/A.mp4?b=2&a=1');
    const c = checkMediaUrl('https://cdn.example.com/path/a.mp4?b=2&a=1');
    const d = checkMediaUrl('rtmp://Live.Example.com:1935/app/key');
    const e = checkMediaUrl('rtmp://live.example.com/app/key');
    if (!a.ok || !b.ok || !c.ok || !d.ok || !e.ok) throw new Error('expected valid URLs');
    expect(a.normalised).toBe(b.normalised);
    expect(c.normalised).not.toBe(b.normalised);
    expect(d.normalised).toBe(e.normalised);
  });
});
