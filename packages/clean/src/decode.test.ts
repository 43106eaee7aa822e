import { seededInts } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { charsetOfContentType, decodeBytes, isNonAsciiUtf8, scanUtf8 } from './decode.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const latin1 = (text: string) => Uint8Array.from(Buffer.from(text, 'latin1'));

describe('decodeBytes', () => {
  it('takes a BOM first, over the HTTP charset and <meta>', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('<meta charset="windows-1252"><p>café</p>')]);
    const decoded = decodeBytes(bytes, 'text/html; charset=shift_jis');
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'bom' });
    expect(decoded.text).toBe('<meta charset="windows-1252"><p>café</p>');
  });

  it('decodes UTF-16 markup without a BOM, over a wrong HTTP charset, with a warning', () => {
    const le = Buffer.from('<html><head><title>Grüße</title></head><p>Grüße</p></html>', 'utf16le');
    expect(decodeBytes(new Uint8Array(le))).toMatchObject({
      encoding: 'utf-16le',
      encodingSource: 'sniff',
      text: '<html><head><title>Grüße</title></head><p>Grüße</p></html>',
      warnings: ['the bytes are UTF-16LE without a byte-order mark; decoded as utf-16le'],
    });
    const be = decodeBytes(new Uint8Array(Buffer.from(le).swap16()), 'text/html; charset=iso-8859-1');
    expect(be).toMatchObject({
      encoding: 'utf-16be',
      text: '<html><head><title>Grüße</title></head><p>Grüße</p></html>',
    });
    expect(be.warnings[0]).toMatch(/UTF-16BE without a byte-order mark \(the http charset windows-1252 is ignored\)/);
  });

  it("takes the caller's UTF-16 verdict (inspectBytes) instead of sniffing the bytes again", () => {
    const html = '<html><head><title>Grüße</title></head><p>Grüße</p></html>';
    const le = new Uint8Array(Buffer.from(html, 'utf16le'));
    expect(decodeBytes(le, null, 'utf-16le')).toMatchObject({ encoding: 'utf-16le', text: html });
    // A verdict of "not UTF-16" is taken as given: the bytes are not sniffed a second time.
    expect(decodeBytes(le, null, null).encoding).not.toMatch(/^utf-16/);
    expect(decodeBytes(utf8(html), null, null)).toMatchObject({ encoding: 'utf-8', text: html });
  });

  it('reads BOM-less UTF-16 in the byte order of its bytes when the HTTP charset names the other one', () => {
    const html = '<html><p>Grüße</p></html>';
    const le = new Uint8Array(Buffer.from(html, 'utf16le'));
    const wrongOrder = decodeBytes(le, 'text/html; charset=utf-16be');
    expect(wrongOrder).toMatchObject({ encoding: 'utf-16le', encodingSource: 'sniff', text: html });
    expect(wrongOrder.warnings[0]).toMatch(
      /UTF-16LE without a byte-order mark \(the http charset utf-16be is ignored\)/,
    );
    expect(decodeBytes(le, 'text/html; charset=utf-16le')).toMatchObject({
      encoding: 'utf-16le',
      encodingSource: 'http',
      text: html,
      warnings: [],
    });
  });

  it('drops stray NUL bytes with a warning giving their count', () => {
    const decoded = decodeBytes(utf8('<p>caf\0é and\0 more</p>'));
    expect(decoded).toMatchObject({
      encoding: 'utf-8',
      text: '<p>café and more</p>',
      warnings: ['2 NUL characters dropped'],
    });
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

describe('pages without a declaration', () => {
  it('decodes UTF-8 with one stray invalid byte as UTF-8, with a warning giving the count', () => {
    const bytes = new Uint8Array([
      ...utf8('<title>Müller</title><p>Grüße aus Köln, “quoted” – naïve café '),
      0xe9,
      ...utf8(' und mehr Text über Zürich</p>'),
    ]);
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding: 'utf-8', encodingSource: 'sniff' });
    expect(decoded.text).toContain('Grüße aus Köln, “quoted” – naïve café \uFFFD und mehr Text über Zürich');
    expect(decoded.warnings).toContain('1 invalid UTF-8 byte sequence replaced by U+FFFD');
  });

  it('counts errors as the WHATWG decoder does', () => {
    expect(scanUtf8(utf8('é€😀'))).toEqual({ multibyte: 3, invalid: 0 });
    // A truncated 3-byte sequence is one error; a lone continuation byte is one error each.
    expect(scanUtf8(new Uint8Array([0xe2, 0x82, 0x41, 0x80, 0x80]))).toEqual({ multibyte: 0, invalid: 3 });
    // Surrogates (ED A0 80) and overlongs (C0 80) are errors byte by byte.
    expect(scanUtf8(new Uint8Array([0xed, 0xa0, 0x80, 0xc0, 0x80]))).toEqual({ multibyte: 0, invalid: 5 });
    const bad = new Uint8Array([0xe2, 0x82, 0x41, 0x80, 0xed, 0xa0, 0x80, 0xf0, 0x9f, 0x98]);
    const text = new TextDecoder().decode(bad);
    expect(scanUtf8(bad).invalid).toBe([...text].filter((c) => c === '\uFFFD').length);
  });

  it('takes bytes as well-formed non-ASCII UTF-8 exactly when the scan finds no error and a multi-byte sequence', () => {
    // Byte strings built from the edges of the decoder's ranges: leads, continuations, overlongs,
    // surrogates and code points past U+10FFFF.
    const edges = [
      0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc2, 0xdf, 0xe0, 0xe1, 0xed, 0xee, 0xef, 0xf0,
      0xf1, 0xf4, 0xf5, 0xff,
    ];
    const next = seededInts(11);
    let wellFormed = 0;
    for (let i = 0; i < 50_000; i++) {
      const bytes = new Uint8Array(1 + next(6)).map(() => edges[next(edges.length)]!);
      const scan = scanUtf8(bytes);
      expect(isNonAsciiUtf8(bytes), bytes.join(' ')).toBe(scan.invalid === 0 && scan.multibyte > 0);
      if (scan.invalid === 0 && scan.multibyte > 0) wellFormed++;
    }
    expect(wellFormed).toBeGreaterThan(100);
  });

  it('still reads legacy text with no UTF-8 in it as windows-1252', () => {
    const decoded = decodeBytes(latin1('<p>caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</p>'));
    expect(decoded).toMatchObject({ encoding: 'windows-1252', encodingSource: 'default', warnings: [] });
    expect(decoded.text).toBe('<p>café crème brûlée</p>');
  });
});

describe('a <meta charset> past the first 1024 bytes (the parser changes the encoding)', () => {
  const padding = `<!-- ${'x'.repeat(1100)} -->`;

  it('is honoured when nothing else declared the encoding', () => {
    const bytes = latin1(
      `<html><head><title>T</title>${padding}<meta charset="iso-8859-7"></head><p>\u00e1\u00e2\u00e3</p>`,
    );
    const decoded = decodeBytes(bytes);
    expect(decoded).toMatchObject({ encoding: 'iso-8859-7', encodingSource: 'meta' });
    expect(decoded.text).toContain('<p>αβγ</p>');
    const equiv = decodeBytes(
      latin1(
        `<html><head>${padding}<meta http-equiv="content-type" content="text/html; charset=koi8-r"></head><p>\u00c1</p>`,
      ),
    );
    expect(equiv).toMatchObject({ encoding: 'koi8-r', encodingSource: 'meta' });
  });

  it('is not seen inside a comment or a script, and loses to an HTTP charset', () => {
    const inComment = latin1(`<html><head>${padding}<!-- <meta charset="iso-8859-7"> --></head><p>\u00e1</p>`);
    expect(decodeBytes(inComment).encoding).toBe('windows-1252');
    const inScript = latin1(`<html><head>${padding}<script>x = '<meta charset="iso-8859-7">'</script><p>\u00e1</p>`);
    expect(decodeBytes(inScript).encoding).toBe('windows-1252');
    const late = latin1(`<html><head>${padding}<meta charset="iso-8859-7"></head><p>\u00e1</p>`);
    expect(decodeBytes(late, 'text/html; charset=windows-1251')).toMatchObject({ encoding: 'windows-1251' });
  });

  it('maps a UTF-16 label to UTF-8, and a page whose bytes are UTF-8 stays UTF-8', () => {
    const utf16 = decodeBytes(utf8(`<html><head>${padding}<meta charset="utf-16le"></head><p>é</p>`));
    expect(utf16).toMatchObject({ encoding: 'utf-8' });
    const mislabelled = decodeBytes(utf8(`<html><head>${padding}<meta charset="iso-8859-1"></head><p>é</p>`));
    expect(mislabelled).toMatchObject({ encoding: 'utf-8', encodingSource: 'sniff' });
  });
});
