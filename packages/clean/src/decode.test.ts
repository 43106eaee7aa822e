import { describe, expect, it } from 'vitest';

import { charsetOfContentType, decodeBytes, isNonAsciiUtf8 } from './decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('decodeBytes', () => {
  it('takes a BOM first, over the HTTP charset and <meta>', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252"><p>café</p>')]);
    const decoded = decodeBytes(bytes, 'text/html; charset=shift_jis');
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom' });
    expect(decoded.text).toBe('<meta charset="windows-1252"><p>café</p>');
  });

  it('decodes UTF-16 with a BOM', () => {
    const body = Buffer.from('<p>Grüße</p>', 'utf16le');
    const decoded = decodeBytes(new Uint8Array([0xff, 0xfe, ...body]));
    expect(decoded).toMatchObject({ encoding: 'utf-16le', encodingSource: 'bom', text: '<p>Grüße</p>' });
  });

  it('takes the HTTP charset before the <meta> prescan', () => {
    const decoded = decodeBytes(latin1('<meta charset="utf-8"><p>caf\u00e9</p>'), 'text/html; charset="ISO-8859-1"');
    expect(decoded).toMatchObject({
      encoding: 'windows-1252',
      encodingSource: 'http',
      text: '<meta charset="utf-8"><p>café</p>',
    });
  });

  it('uses the <meta> prescan when there is no BOM or HTTP charset', () => {
    const decoded = decodeBytes(
      latin1(
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-15"></head><p>\u00e9t\u00e9</p>',
      ),
    );
    expect(decoded).toMatchObject({ encoding: 'iso-8859-15', encodingSource: 'meta' });
    expect(decoded.text).toContain('été');
  });

  it('falls back to UTF-8 for well-formed UTF-8, else to windows-1252 (the WHATWG default)', () => {
    expect(decodeBytes(utf8('<p>naïve</p>'))).toMatchObject({
      encoding: 'utf-8',
      encodingSource: 'sniff',
      text: '<p>naïve</p>',
    });
    expect(decodeBytes(latin1('<p>na\u00efve \u0080</p>'))).toMatchObject({
      encoding: 'windows-1252',
      encodingSource: 'default',
      text: '<p>naïve €</p>',
    });
    expect(decodeBytes(utf8('<p>plain ascii</p>'))).toMatchObject({
      encoding: 'windows-1252',
      encodingSource: 'default',
    });
  });

  it('decodes a page labelled with a legacy charset whose bytes are UTF-8 as UTF-8, with a warning', () => {
    const decoded = decodeBytes(utf8('<meta charset="iso-8859-1"><p>Müller sagt „ja“</p>'));
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.text).toContain('Müller sagt „ja“');
    expect(decoded.warnings.join(' ')).toContain('declares windows-1252');
  });

  it('decodes a page labelled as a multi-byte legacy charset whose bytes are UTF-8 as UTF-8', () => {
    const decoded = decodeBytes(utf8('<meta charset="gb2312"><p>人工智能迈上新台阶</p>'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'sniff' });
    expect(decoded.text).toContain('人工智能迈上新台阶');
  });

  it('ignores an unknown HTTP charset with a warning, and replaces invalid UTF-8', () => {
    const decoded = decodeBytes(
      new Uint8Array([...utf8('<meta charset="utf-8"><p>bad '), 0xff, 0xfe, ...utf8(' bytes</p>')]),
      'text/html; charset=klingon',
    );
    expect(decoded.encodingSource).toBe('meta');
    expect(decoded.text).toContain('bad \uFFFD\uFFFD bytes');
    expect(decoded.warnings.join(' ')).toContain("unknown charset 'klingon'");
    expect(decoded.warnings.join(' ')).toContain('U+FFFD');
  });
});

describe('helpers', () => {
  it('reads the charset parameter of a Content-Type', () => {
    expect(charsetOfContentType('text/html; charset=UTF-8')).toBe('UTF-8');
    expect(charsetOfContentType('text/html;charset="koi8-r"')).toBe('koi8-r');
    expect(charsetOfContentType('text/html')).toBeNull();
  });

  it('recognises well-formed non-ASCII UTF-8', () => {
    expect(isNonAsciiUtf8(utf8('é'))).toBe(true);
    expect(isNonAsciiUtf8(utf8('e'))).toBe(false);
    expect(isNonAsciiUtf8(new Uint8Array([0xc3]))).toBe(false);
    expect(isNonAsciiUtf8(new Uint8Array([0xe9, 0x20]))).toBe(false);
  });
});
