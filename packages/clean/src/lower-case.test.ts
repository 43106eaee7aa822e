import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { lowerCase } from './lower-case.js';

describe('lowerCase', () => {
  it('gives what toLowerCase gives, for ASCII and for other scripts', () => {
    const texts = [
      '',
      'div',
      'DIV',
      'foreignObject',
      'h1',
      'my-widget',
      'x_y.z',
      'İstanbul',
      'STRASSE ß',
      'KELVIN \u212A',
      'ÉTÉ',
      'Ωmega',
    ];
    for (const text of texts) expect(lowerCase(text)).toBe(text.toLowerCase());
  });

  it('lowers the names of elements a script made in upper case, on both engines', async () => {
    for (const engine of ['linkedom', 'jsdom'] as const) {
      const page = await parseHtml('<!doctype html><html><body><p>a</p></body></html>', engine, null, []);
      try {
        const made = page.document.createElement('DIV');
        const svg = page.document.createElementNS('http://www.w3.org/2000/svg', 'clipPath');
        expect([lowerCase(made.localName), lowerCase(svg.localName)]).toEqual(['div', 'clippath']);
        expect(lowerCase(page.document.querySelector('p')!.localName)).toBe('p');
      } finally {
        page.close();
      }
    }
  });
});
