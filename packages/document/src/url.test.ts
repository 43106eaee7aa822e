import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CorpusKitError } from './errors.js';
import { canonicalizeUrl, fileDocumentId, hostOf, isDocumentId, tryCanonicalizeUrl } from './url.js';

describe('canonicalizeUrl', () => {
  it('lower-cases scheme and host, drops fragment, default port and trailing slash', () => {
    expect(canonicalizeUrl('HTTPS://WWW.Example.COM:443/News/Story/#comments')).toBe(
      'https://www.example.com/News/Story',
    );
    expect(canonicalizeUrl('http://example.com:80/')).toBe('http://example.com');
    expect(canonicalizeUrl('http://example.com:8080/a')).toBe('http://example.com:8080/a');
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(
      canonicalizeUrl(
        'https://example.com/a?utm_source=x&b=2&UTM_Medium=y&fbclid=1&a=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5&ref_src=6&msclkid=7&dclid=8',
      ),
    ).toBe('https://example.com/a?a=1&b=2');
    expect(canonicalizeUrl('https://example.com/a?utm_campaign=x')).toBe('https://example.com/a');
  });

  it('removes the news tracking parameters', () => {
    const tracking = [
      'smid=nytcore-ios-share',
      'at_medium=RSS',
      'at_campaign=KARANGA',
      'ns_source=twitter',
      'ns_campaign=bbc_news',
      'xtor=RSS-1',
      'ocid=msedgntp',
      'gbraid=0AAAAA',
      'wbraid=CjkKCQ',
      'srsltid=AfmBOo',
      '_ga=2.1234',
      '_gl=1*abc',
      's_cid=abc',
      'cmpid=org=ngo',
      'icid=top',
    ];
    expect(canonicalizeUrl(`https://news.example/story?id=7&${tracking.join('&')}`)).toBe(
      'https://news.example/story?id=7',
    );
  });

  it('keeps the remaining parameters byte for byte, never decoded and re-encoded', () => {
    expect(canonicalizeUrl('https://example.com/search?q=a%20b&tag=caf%C3%A9&x=%7E&y=a+b&z=%2F')).toBe(
      'https://example.com/search?q=a%20b&tag=caf%C3%A9&x=%7E&y=a+b&z=%2F',
    );
    expect(canonicalizeUrl('https://example.com/?b=1&a=%41&utm_source=x&flag')).toBe(
      'https://example.com?a=%41&b=1&flag',
    );
    expect(canonicalizeUrl('https://example.com/a?&&p=1&')).toBe('https://example.com/a?p=1');
  });

  it('keeps parameters that select content, and their order for equal keys', () => {
    expect(canonicalizeUrl('https://example.com/?p=123&id=b&id=a')).toBe('https://example.com?id=b&id=a&p=123');
  });

  it('drops credentials and encodes international hosts as punycode', () => {
    expect(canonicalizeUrl('https://user:pw@bücher.example/x')).toBe('https://xn--bcher-kva.example/x');
  });

  it('refuses what is not an http(s) URL', () => {
    expect(() => canonicalizeUrl('not a url')).toThrow(CorpusKitError);
    expect(() => canonicalizeUrl('javascript:alert(1)')).toThrow(/http/);
    expect(tryCanonicalizeUrl('ftp://example.com/file')).toBeNull();
    expect(tryCanonicalizeUrl(undefined)).toBeNull();
  });

  it('is idempotent (property)', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (url) => {
        const once = canonicalizeUrl(url);
        expect(canonicalizeUrl(once)).toBe(once);
        expect(once).not.toContain('#');
        expect(isDocumentId(once)).toBe(true);
      }),
    );
  });
});

describe('file ids', () => {
  it('makes relative, forward-slash ids', () => {
    expect(fileDocumentId('pages\\a.html')).toBe('file:pages/a.html');
    expect(fileDocumentId('./a.html')).toBe('file:a.html');
  });

  it('refuses absolute paths and paths leaving the folder', () => {
    expect(() => fileDocumentId('/etc/passwd')).toThrow(CorpusKitError);
    expect(() => fileDocumentId('C:\\x.html')).toThrow(CorpusKitError);
    expect(() => fileDocumentId('../x.html')).toThrow(CorpusKitError);
  });

  it('escapes control characters in names, deterministically and without collisions', () => {
    expect(fileDocumentId('in/b\tc.html')).toBe('file:in/b%09c.html');
    expect(fileDocumentId('a\nb\r\u001b[31m\u007f\u0085.html')).toBe('file:a%0Ab%0D%1B[31m%7F%C2%85.html');
    expect(fileDocumentId('a%09.html')).toBe('file:a%2509.html');
    expect(fileDocumentId('100%.html')).toBe('file:100%.html');
    expect(fileDocumentId('élan.html')).toBe('file:élan.html');
    for (const name of ['b\tc.html', 'a\u0000.html', 'a%0A.html', 'x\u009b.html']) {
      expect(isDocumentId(fileDocumentId(name))).toBe(true);
    }
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1 }), fc.string({ unit: 'binary', minLength: 1 }), (a, b) => {
        fc.pre(a !== b && !/[\\/]|^\.\.?$/.test(a) && !/[\\/]|^\.\.?$/.test(b));
        const [x, y] = [fileDocumentId(a), fileDocumentId(b)];
        expect(x).not.toBe(y);
        expect(isDocumentId(x)).toBe(true);
      }),
    );
  });

  it('validates ids, refusing path tricks', () => {
    expect(isDocumentId('file:a/b.html')).toBe(true);
    expect(isDocumentId('file:../../etc/passwd')).toBe(false);
    expect(isDocumentId('https://example.com/a/')).toBe(false);
    expect(isDocumentId('https://example.com/a\n')).toBe(false);
    expect(isDocumentId('file:a\tb.html')).toBe(false);
    expect(isDocumentId('file:/etc/passwd')).toBe(false);
    expect(isDocumentId('file:a/../../b')).toBe(false);
  });

  it('finds the host of URL ids only', () => {
    expect(hostOf('https://news.example.com/a')).toBe('news.example.com');
    expect(hostOf('file:a.html')).toBeNull();
  });

  it('reads the scheme in any case, as URLs do', () => {
    expect(hostOf('HTTPS://News.Example.com/a')).toBe('news.example.com');
    expect(hostOf('Http://example.org')).toBe('example.org');
    expect(hostOf('ftp://example.org/a')).toBeNull();
  });
});
