// `navigation/line` on page numbers: a pager ("1 2 3 … 10 Next", each number a link) goes as one;
// a telephone number is no pager (a `tel:` link, one link holding several groups of digits, digits
// grouped as a phone number groups them): linked alone on its line it goes as a header's number,
// in a sentence it stays; a card's count link ("(104)" reviews,
// "+6" colours) goes as a count.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { ENGINES } from './dom.js';

const rule = 'navigation/line';

const PROSE = [
  'The workshop mends bicycles of every age, from a child’s first bike to a touring frame, and keeps spare parts for the older makes that shops no longer stock.',
  'A repair is priced before the work starts, and a bike left in the morning is ready by the evening on most days of the week, wheels trued and brakes set.',
  'Members of the club pay half the price of a service and may use the stands and tools on Saturday mornings, when a mechanic is there to help.',
];

const PHONES = ['+44 1234 567890', '(800) 222-4700', '212-444-6615', '0800 123 456', '800 349 3839'];
// National numbers with a trunk "0": an area code, then a group longer than four digits.
const NATIONAL_PHONES = ['01632 960123', '07700 900123', '030 12345678', '0161-4960000'];
// Groups that happen to rise, as half of the numbers of North America do: the link says what it is.
const TEL_LINKS: Array<[string, string]> = [
  ['tel:+12125550147', '212 555 0147'],
  ['tel:18009324455', '1 800 932 4455'],
  ['/contact', '1 800 555 0199'],
];

function page(): string {
  return `<!doctype html><html lang="en"><head><title>Bicycle repairs</title></head><body>
<main><h1>Bicycle repairs</h1>
<p>${PROSE[0]}</p>
${PHONES.map((phone) => `<p><a href="/contact">${phone}</a></p>`).join('\n')}
${TEL_LINKS.map(([href, phone]) => `<p><a href="${href}">${phone}</a></p>`).join('\n')}
<p>${PROSE[1]}</p>
<p>Call <a href="tel:+441234567890">+44 1234 567890</a> to book a repair for the same day.</p>
<div class="card"><p>Touring frame service, all parts and labour included</p><p><a href="/reviews">(104)</a></p><p><a href="/colours">+6</a></p></div>
<p>${PROSE[2]}</p>
<div class="pager"><a href="?page=1">1</a> <a href="?page=2">2</a> <a href="?page=3">3</a> … <a href="?page=10">10</a> <a href="?page=2">Next</a></div>
</main></body></html>`;
}

describe('page numbers and telephone numbers alone on a line', () => {
  it('a pager, a count link and a lone telephone link go each by its own reason; a phone in a sentence stays, on both engines', async () => {
    for (const engine of ENGINES) {
      const document = await clean(page(), { url: 'https://bikes.example/repairs', engine, pageType: 'service' });
      for (const text of PROSE) expect(document.text).toContain(text);
      expect(document.text).toContain('Call +44 1234 567890 to book a repair for the same day.');
      const removed = document.removed.filter((removal) => removal.rule === rule);
      const reasonOf = (text: string) => removed.find((removal) => removal.text.trim() === text)?.reason;
      expect(reasonOf('(104)'), engine).toMatch(/count/);
      expect(reasonOf('+6'), engine).toMatch(/count/);
      expect(removed.find((removal) => /^1 2 3/.test(removal.text.trim()))?.reason, engine).toBe('page-number links');
      for (const phone of [...PHONES, ...TEL_LINKS.map(([, text]) => text)]) {
        expect(document.text, `${engine}: ${phone}`).not.toContain(`\n${phone}\n`);
        expect(reasonOf(phone), `${engine}: ${phone}`).toMatch(/^a telephone number/);
      }
    }
  });
});

// Linked runs of seven digits or more that are no telephone number: a year range, a date, an ISBN.
const NOT_PHONES = ['1914-1918', '1939 - 1945', '2025-11-01', '978-0-306-40615-7', '979-10-90636-07-1', '1234567'];

describe('a linked run of digits alone on its line is called a telephone number only when shaped as one', () => {
  it('year ranges, a date and ISBNs go as page-number links, phones (national ones with a trunk 0 too) as telephone numbers, on both engines', async () => {
    const html = `<!doctype html><html lang="en"><head><title>War memorial</title></head><body>
<main><h1>War memorial</h1>
<p>${PROSE[0]}</p>
<ul>${NOT_PHONES.map((text, k) => `<li><a href="/archive/${k}">${text}</a></li>`).join('')}</ul>
<p>${PROSE[1]}</p>
${[...PHONES, ...NATIONAL_PHONES].map((phone) => `<p><a href="/contact">${phone}</a></p>`).join('\n')}
<p>${PROSE[2]}</p>
</main></body></html>`;
    for (const engine of ENGINES) {
      const document = await clean(html, { url: 'https://memorial.example/history', engine, pageType: 'service' });
      const removed = document.removed.filter((removal) => removal.rule === rule);
      const reasonOf = (text: string) => removed.find((removal) => removal.text.trim() === text)?.reason;
      for (const text of NOT_PHONES) {
        expect(document.text, `${engine}: ${text}`).not.toContain(text);
        expect(reasonOf(text), `${engine}: ${text}`).toBe('page-number links');
      }
      for (const phone of [...PHONES, ...NATIONAL_PHONES]) {
        expect(document.text, `${engine}: ${phone}`).not.toContain(phone);
        expect(reasonOf(phone), `${engine}: ${phone}`).toMatch(/^a telephone number/);
      }
    }
  });
});
