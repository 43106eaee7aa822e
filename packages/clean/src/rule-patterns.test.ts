import { describe, expect, it } from 'vitest';

import { COOKIE_PAGE_TITLE } from './rule-patterns.js';

describe('COOKIE_PAGE_TITLE: a title part that is the whole name of a cookie or privacy policy', () => {
  it.each([
    'Cookie Policy',
    'Privacy notice – Harbour Museum',
    'Acme Shop | Cookie Policy',
    'Acme Shop - Privacy and cookies',
    'Datenschutzerklärung',
    'Politique de confidentialité · Le Riverain',
    'Informativa sulla privacy',
  ])('names a policy: %s', (title) => {
    expect(COOKIE_PAGE_TITLE.test(title)).toBe(true);
  });

  it.each([
    'Privacy policy changes at messaging app spark exodus',
    'Politique : amende record pour les cookies du moteur de recherche',
    'Cookie settings are a mess, says regulator – Riverside Post',
    'Retailer fined over privacy failings',
  ])('takes a story for no policy: %s', (title) => {
    expect(COOKIE_PAGE_TITLE.test(title)).toBe(false);
  });
});
