/**
 * detectLanguage computes franc's answer from franc's data through an index of which languages
 * list each trigram (language.ts). It must give franc's language on every text: here the golden
 * fixtures' expected texts cut at many lengths, texts in other scripts and languages, and texts
 * with no letters.
 */

import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { franc } from 'franc';
import { describe, expect, it } from 'vitest';

import { detectLanguage, languageOfCode } from './language.js';

const FIXTURES = fileURLToPath(new URL('../test/fixtures/', import.meta.url));

/** franc's answer as the cleaner used to ask for it (franc on the first 4,000 characters). */
function francAnswer(text: string): string | null {
  if (text.length < 80) return null;
  return languageOfCode(franc(text.slice(0, 4000), { minLength: 80 }));
}

const SAMPLES = [
  'Die Bundesregierung hat am Mittwoch einen Gesetzentwurf beschlossen, der die Förderung von Wärmepumpen neu regelt und Hausbesitzern mehr Zeit gibt.',
  'Le gouvernement a présenté mercredi un projet de loi qui modifie les aides à la rénovation énergétique des logements et prolonge les délais pour les propriétaires.',
  'El Gobierno aprobó el miércoles un proyecto de ley que cambia las ayudas a la rehabilitación energética de las viviendas y amplía los plazos para los propietarios.',
  'Il governo ha approvato mercoledì un disegno di legge che modifica gli aiuti per la ristrutturazione energetica delle abitazioni e proroga le scadenze per i proprietari.',
  'Правительство в среду одобрило законопроект, который меняет порядок поддержки энергетической модернизации жилья и продлевает сроки для владельцев домов.',
  'Уряд у середу схвалив законопроєкт, який змінює порядок підтримки енергетичної модернізації житла та подовжує строки для власників будинків і квартир.',
  'وافقت الحكومة يوم الأربعاء على مشروع قانون يغير دعم التجديد الحراري للمنازل ويمدد المهل الممنوحة لأصحاب العقارات في جميع أنحاء البلاد هذا العام.',
  '政府は水曜日、住宅の省エネ改修への支援を見直し、所有者の期限を延長する法案を閣議決定した。関係者によると、来年度から新しい制度が始まる見通しだ。',
  '政府周三批准了一项法案，修改了对住房节能改造的补贴，并延长了业主的期限。据有关人士透露，新制度预计将于明年开始实施，覆盖全国各地的住宅。',
  'सरकार ने बुधवार को एक विधेयक को मंजूरी दी जो घरों के ऊर्जा नवीनीकरण के लिए सहायता को बदलता है और मालिकों के लिए समय सीमा बढ़ाता है।',
  'הממשלה אישרה ביום רביעי הצעת חוק שמשנה את הסיוע לשיפוץ אנרגטי של דירות ומאריכה את המועדים לבעלי הנכסים בכל רחבי הארץ השנה.',
  'Ο κυβέρνηση ενέκρινε την Τετάρτη νομοσχέδιο που αλλάζει τη στήριξη για την ενεργειακή αναβάθμιση των κατοικιών και παρατείνει τις προθεσμίες.',
  '1234567890 2024-05-02 12:30 +++ --- 98765 43210 !!! ??? 55555 66666 77777 88888 99999 00000 11111 22222 33333 44444',
  'the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the the',
];

describe('detectLanguage', () => {
  it("gives franc's language on the fixtures' texts cut at many lengths", () => {
    let compared = 0;
    for (const name of readdirSync(FIXTURES)) {
      const text = readFileSync(`${FIXTURES}${name}/expected.txt`, 'utf8');
      for (let start = 0; start < text.length; start += 401) {
        for (const length of [80, 150, 400, 1000, 2048, 2049]) {
          const slice = text.slice(start, start + length);
          expect(detectLanguage(slice), `${name} at ${start}, ${length}`).toBe(francAnswer(slice));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(400);
  });

  it("gives franc's language in other scripts and on text without letters", () => {
    for (const sample of SAMPLES) {
      for (const text of [sample, `${sample} ${sample}`, sample.slice(0, 80), sample.toUpperCase()]) {
        expect(detectLanguage(text), text).toBe(francAnswer(text));
      }
    }
  });

  it("gives franc's language on text mixing scripts, astral characters and lone surrogates", () => {
    // A fixed pseudo-random mix, so that the script with the most characters changes from text to
    // text and ties happen: Latin, Cyrillic, Greek, BMP and astral Han, Hiragana, Arabic, digits,
    // punctuation, and surrogates without their pair.
    const pieces = [
      'der ',
      'und ',
      'не ',
      'это ',
      'και ',
      '中国',
      '\u{20021}\u{2A6D6}',
      'です',
      'في ',
      '42 ',
      '!? ',
      '\ud840',
      '\udc00 ',
      'é',
    ];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    let compared = 0;
    for (let n = 0; n < 300; n++) {
      let text = '';
      const length = 80 + Math.floor(random() * 2100);
      while (text.length < length) text += pieces[Math.floor(random() * pieces.length)];
      expect(detectLanguage(text), text).toBe(francAnswer(text));
      compared++;
    }
    expect(compared).toBe(300);
  });
});
