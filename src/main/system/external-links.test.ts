import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from './external-links';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://console.cloud.tencent.com/cam/capi',
    'https://console.tencentcloud.com/trtc/app',
    'https://www.tencentcloud.com/document/product/647',
  ])('allows %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://console.cloud.tencent.com/',
    'https://console.cloud.tencent.com.evil.example/',
    'https://user:pass@console.cloud.tencent.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'smb://host/share',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
