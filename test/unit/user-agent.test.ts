import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeUserAgent } from '@acct/core';

const UA = {
  chromeWindows: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/136.0.0.0 Safari/537.36',
  safariMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.4 Safari/605.1.15',
  safariFrozenMac: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  iphoneApp: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148',
  iphoneSafari: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  iphoneChrome: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
  ipad: 'Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  firefoxLinux: 'Mozilla/5.0 (X11; Linux x86_64; rv:138.0) Gecko/20100101 Firefox/138.0',
  firefoxUbuntu: 'Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0',
  edge: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.67',
  opera: 'Mozilla/5.0 (Windows NT 6.1; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0',
  yandex: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 YaBrowser/24.6.0.0 Safari/537.36',
  samsung: 'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
  chromeAndroid: 'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36',
  chromeOs: 'Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36',
  ie11: 'Mozilla/5.0 (Windows NT 6.3; Trident/7.0; rv:11.0) like Gecko',
  curl: 'curl/8.5.0',
  python: 'python-requests/2.32.3',
  terraform: 'Terraform/1.8.5 (+https://www.terraform.io) terraform-provider-example/2.1.0',
};

describe('summarizeUserAgent', () => {
  const cases: [keyof typeof UA, string | undefined, string | undefined, string | undefined, boolean][] = [
    ['chromeWindows', 'Chrome', '136', 'Windows 10/11', false],
    ['safariMac', 'Safari', '18', 'macOS 14.5', false],
    ['safariFrozenMac', 'Safari', '17', 'macOS', false],
    ['iphoneApp', undefined, undefined, 'iOS 18.4', true],
    ['iphoneSafari', 'Safari', '17', 'iOS 17.5', true],
    ['iphoneChrome', 'Chrome', '126', 'iOS 17.5', true],
    ['ipad', 'Safari', '16', 'iPadOS 16.6', true],
    ['firefoxLinux', 'Firefox', '138', 'Linux', false],
    ['firefoxUbuntu', 'Firefox', '127', 'Ubuntu', false],
    ['edge', 'Edge', '125', 'Windows 10/11', false],
    ['opera', 'Opera', '106', 'Windows 7', false],
    ['yandex', 'Yandex Browser', '24', 'Windows 10/11', false],
    ['samsung', 'Samsung Internet', '25', 'Android 14', true],
    ['chromeAndroid', 'Chrome', '126', 'Android 10', true],
    ['chromeOs', 'Chrome', '124', 'ChromeOS', false],
    ['ie11', 'Internet Explorer', '11', 'Windows 8.1', false],
    ['curl', 'curl', '8', undefined, false],
    ['python', 'Python', '2', undefined, false],
    ['terraform', 'Terraform', '1', undefined, false],
  ];
  for (const [key, browser, version, os, mobile] of cases) {
    it(`${key}: ${browser ?? '?'} ${version ?? ''} on ${os ?? '?'}`, () => {
      const s = summarizeUserAgent(UA[key]);
      assert.equal(s.browser, browser);
      assert.equal(s.version, version);
      assert.equal(s.os, os);
      assert.equal(s.mobile, mobile);
    });
  }

  it('says nothing rather than guessing for empty, odd or hostile input', () => {
    for (const v of ['', '   ', 'Mozilla/5.0', '<script>alert(1)</script>', 42, null, undefined]) {
      const s = summarizeUserAgent(v);
      assert.equal(s.browser, undefined);
      assert.equal(s.os, undefined);
      assert.equal(s.mobile, false);
    }
  });

  it('stays fast on a huge header (no catastrophic backtracking)', () => {
    const huge = `Mozilla/5.0 (${'Windows '.repeat(50_000)}) ${'Chrome/1 '.repeat(10_000)}`;
    const start = performance.now();
    const s = summarizeUserAgent(huge);
    assert.ok(performance.now() - start < 50);
    assert.equal(s.os, 'Windows');
  });
});
