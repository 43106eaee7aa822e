// The thread of a forum page whose opening post (or question) has another shape than its
// replies and holds more than half as much prose as they do: the container of both, not nothing.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { mainThread } from './page-type-rules.js';

const sentence = (i: number, topic: string) =>
  `<p>Answer ${i} on ${topic}: check the lease first, then write to the office, and keep a copy of every letter you send them about the repairs.</p>`;

const answer = (i: number) => `
  <div class="answer" id="answer-${i}"><div class="votes">${i * 3}</div>
  <div class="answer-body">${sentence(i, 'the pump')}${sentence(i, 'the landlord')}</div>
  <div class="user"><a href="/users/${i}">helper${i}</a> answered May ${i}</div></div>`;

const QUESTION_THREAD = `<!doctype html><html><head><title>Who pays for the pump?</title></head><body>
<header><nav><a href="/">Home</a> <a href="/questions">Questions</a></nav></header>
<div class="content"><div class="question-page">
<div class="question"><h1>Who pays for the pump?</h1>
<div class="question-body"><p>The pump in our building failed for the third time this winter. The landlord says a new one is on order, but nothing happens and the flats on the top floors have no water pressure in the evenings.</p>
<p>Can we ask the housing office to step in, or should we call a plumber ourselves and send the bill on? Has anyone done this before and what did the office say?</p>
<p>The office told one neighbour to wait four weeks; another was told to write a letter, and a third got no answer at all. Meanwhile the old pump runs loud all night.</p>
<p>We are twelve households and most of us have lived here for years; the lease says repairs are the owner's duty but not how fast they have to be done.</p></div></div>
<div id="answers"><h2>4 Answers</h2>${[1, 2, 3, 4].map(answer).join('')}</div>
</div></div>
<footer><p>Site terms and the contact address of the team.</p></footer></body></html>`;

describe('thread root of a question and its answers', () => {
  for (const engine of ['linkedom', 'jsdom'] as const) {
    it(`takes the container of the question and the answers (${engine})`, async () => {
      const page = await parseHtml(QUESTION_THREAD, engine, null, []);
      try {
        expect(mainThread(page.document.body)?.getAttribute('class')).toBe('question-page');
      } finally {
        page.close();
      }
    });

    it(`keeps the question and every answer when cleaned as a forum (${engine})`, async () => {
      const doc = await clean(QUESTION_THREAD, { url: 'https://ask.example.org/q/7', engine, pageType: 'forum' });
      expect(doc.text).toContain('failed for the third time this winter');
      expect(doc.text).toContain("the lease says repairs are the owner's duty");
      for (const i of [1, 2, 3, 4]) expect(doc.text).toContain(`Answer ${i} on the landlord`);
      expect(doc.text).not.toContain('Site terms');
      expect(doc.removed.some((r) => r.reason === "outside the page's thread" && r.text.includes('Site terms'))).toBe(
        true,
      );
    });
  }
});
