import { describe, expect, it } from 'vitest';

import { isMhtml, unpackMhtml } from './mhtml.js';

const boundary = '----MultipartBoundary--abc----';
const bytes = (text: string) => new TextEncoder().encode(text);

function archive(parts: string[], extraHeaders = ''): string {
  return [
    'From: <Saved by Blink>',
    'Snapshot-Content-Location: https://example.com/news/a',
    'Date: Tue, 1 Dec 2026 10:00:00 -0000',
    'MIME-Version: 1.0',
    `Content-Type: multipart/related;\r\n\ttype="text/html";\r\n\tboundary="${boundary}"${extraHeaders}`,
    '',
    '',
    ...parts.map((part) => `--${boundary}\r\n${part}`),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

describe('MHTML', () => {
  it('recognises an MHTML file by its header block, not a page that mentions multipart/related', () => {
    expect(isMhtml(bytes(archive([])))).toBe(true);
    expect(isMhtml(bytes('<html><body>Content-Type: multipart/related</body></html>'))).toBe(false);
  });

  it('takes the root HTML part (quoted-printable, its charset) and its URL and date; frames and images are ignored', async () => {
    const page = await unpackMhtml(
      bytes(
        archive([
          'Content-Type: text/html; charset=windows-1252\r\nContent-Transfer-Encoding: quoted-printable\r\nContent-Location: https://example.com/news/a\r\n\r\n<html><head><title>Caf=E9</title></head><body><p class=3D"x">Hello w=\r\norld</p></body></html>',
          'Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\nContent-Location: cid:frame-2\r\n\r\nPGh0bWw+PGJvZHk+aWZyYW1lPC9ib2R5PjwvaHRtbD4=',
          'Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-Location: https://example.com/x.png\r\n\r\niVBORw0KGgo=',
        ]),
      ),
      'a.mhtml',
    );
    expect(new TextDecoder().decode(page.html).trimEnd()).toBe(
      '<html><head><title>Café</title></head><body><p class="x">Hello world</p></body></html>',
    );
    expect(page).toMatchObject({ url: 'https://example.com/news/a', savedAt: '2026-12-01T10:00:00.000Z' });
  });

  it('decodes a base64 root part', async () => {
    const html = Buffer.from('<html><body><p>Base64 page</p></body></html>').toString('base64');
    const page = await unpackMhtml(
      bytes(archive([`Content-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n${html}`])),
      'b.mht',
    );
    expect(new TextDecoder().decode(page.html)).toContain('<p>Base64 page</p>');
  });

  it('says clearly when there is no page in it', async () => {
    await expect(
      unpackMhtml(
        bytes(archive(['Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo='])),
        'c.mhtml',
      ),
    ).rejects.toMatchObject({
      code: 'ingest.bad-mhtml',
      subject: 'c.mhtml',
      message: expect.stringMatching(/no text\/html part/),
    });
  });
});
