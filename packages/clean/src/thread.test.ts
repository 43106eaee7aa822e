// The posts of a thread found by their shape (thread.ts): look-alike siblings that are dated or
// signed, even when forum software gives each post its own class tokens; hidden pop-overs and
// preference centres are not the thread, however much text they hold.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';
import { parseHtml } from './dom.js';
import { TextStats } from './features/dom-walk.js';
import { mainThread } from './page-type-rules.js';
import { hiddenElements, threadPosts } from './thread.js';

const reply = (i: number, rank: string) => `
  <div class="post post-${i} rank-${rank}${i === 2 ? ' stickied' : ''}" id="p${i}">
    <div class="author"><a href="/members/user${i}">user${i}</a> <time datetime="2024-05-0${i}">May ${i}, 2024</time></div>
    <div class="body"><p>Reply ${i}: the old valve on the boiler sticks when the water is hard, so descale it first and then bleed the radiators from the top floor down.</p>
    <p>It took me an afternoon and a bucket, and the noise stopped the same evening.</p></div>
  </div>`;

const purpose = (i: number) => `
  <div class="purpose-row"><h4>Purpose ${i}</h4>
  <p>Information about your activity on this service (such as forms you submit and content you look at) can be stored and combined with other information about you, purpose number ${i}, to build or improve a profile.</p>
  <p>Partners can use this purpose and you can object to it at any time in the settings.</p></div>`;

const THREAD = `<!doctype html><html><head><title>Boiler valve sticks</title></head><body>
<header><a href="/">Home</a></header>
<div id="preferences" popover><h3>Your privacy</h3>${[1, 2, 3, 4, 5, 6, 7, 8].map(purpose).join('')}</div>
<main><h1>Boiler valve sticks</h1>
<div class="thread">
  <div class="post post-0 rank-admin first" id="p0">
    <div class="author"><a href="/members/owner">owner</a> <time datetime="2024-05-01">May 1, 2024</time></div>
    <div class="body">${Array.from({ length: 12 }, (_, i) => `<p>Line ${i} of the question: our boiler's valve sticks every morning and the radiators upstairs stay cold until noon, whatever the thermostat says.</p>`).join('')}</div>
  </div>
  ${reply(1, 'member')}${reply(2, 'moderator')}${reply(3, 'member')}
</div></main>
<footer><p>Forum rules and the contact address.</p></footer></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('thread posts by their shape (%s)', (engine) => {
  it('groups posts whose class tokens differ per post, and skips the hidden pop-over', async () => {
    const page = await parseHtml(THREAD, engine, null, []);
    try {
      const stats = new TextStats();
      const posts = threadPosts(page.document.body, stats);
      expect(posts?.parent.getAttribute('class')).toBe('thread');
      expect(posts?.items.map((item) => item.id)).toEqual(['p0', 'p1', 'p2', 'p3']);
      expect(hiddenElements(page.document.body).map((el) => el.id)).toEqual(['preferences']);
      // The opening post holds most of the thread's text: still a thread, its posts are dated.
      expect(mainThread(page.document.body)?.getAttribute('class')).toBe('thread');
    } finally {
      page.close();
    }
  });

  it('keeps every post and none of the pop-over when cleaned as a forum', async () => {
    const doc = await clean(THREAD, { url: 'https://forum.example.org/t/valve/9', engine, pageType: 'forum' });
    expect(doc.text).toContain('Line 11 of the question');
    for (const i of [1, 2, 3]) expect(doc.text).toContain(`Reply ${i}: the old valve`);
    expect(doc.text).not.toContain('Purpose 3');
    expect(doc.text).not.toContain('Forum rules');
  });

  it('finds no thread in look-alike boxes that carry no date or author', async () => {
    const boxes = THREAD.replace(/<div class="author">.*?<\/div>/g, '').replace(/<time[^>]*>.*?<\/time>/g, '');
    const page = await parseHtml(boxes, engine, null, []);
    try {
      expect(threadPosts(page.document.body, new TextStats())).toBeNull();
    } finally {
      page.close();
    }
  });
});

const post = (i: number, body: string) => `
  <div class="post" id="q${i}"><div class="author"><a href="/members/m${i}">m${i}</a> <time datetime="2024-06-0${i}">June ${i}, 2024</time></div>
  <div class="body">${body}<span class="controls">Reply with quote</span></div></div>`;
const FIRST =
  'The allotment committee wants every plot holder to clear the paths by the end of the month, or the council will do it and send the bill.';

const QUOTING = `<!doctype html><html><head><title>Allotment paths</title></head><body><main><h1>Allotment paths</h1><div class="thread">
${post(1, `<p>${FIRST}</p><p>Does anyone know whether that covers the shared compost corner as well?</p>`)}
${post(2, `<blockquote>m1 said: ${FIRST}</blockquote><p>Only the paths, the compost corner is the committee's own job, it says so in the tenancy rules.</p>`)}
${post(3, `<blockquote>m7 said: Last spring the council cleared the paths of the lower field and sent each holder a bill of forty pounds.</blockquote><p>So it is worth doing it ourselves before the end of the month, then.</p>`)}
${post(4, `<p>I will bring a strimmer on Saturday morning for anyone who wants to borrow it.</p>`)}
</div></main></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post chrome: repeated lines and quotes (%s)', (engine) => {
  it('drops the line every post repeats and the quote of a post above, keeps the posts and a quote from elsewhere', async () => {
    const doc = await clean(QUOTING, { url: 'https://forum.example.org/t/paths/3', engine, pageType: 'forum' });
    expect(doc.text).not.toContain('Reply with quote');
    expect(doc.text.split(FIRST).length - 1).toBe(1);
    expect(doc.text).toContain('sent each holder a bill of forty pounds');
    expect(doc.text).toContain('I will bring a strimmer');
    // The repeated control line goes as post chrome (the thread's template finds it beside the
    // one-paragraph post's body, the repeated-line test in the others).
    expect(
      doc.removed.filter((r) => r.text === 'Reply with quote').every((r) => r.rule === 'boilerplate/post-chrome'),
    ).toBe(true);
    expect(
      doc.removed.some(
        (r) => r.rule === 'boilerplate/post-chrome' && r.reason.endsWith('a quote of an earlier post on the page'),
      ),
    ).toBe(true);
  });
});

const AMONG = QUOTING.replace(
  `${post(2, '')}`.slice(0, 30),
  `<div class="overview"><span>Replies 3</span> <span>Views 1.2k</span> <span>Top posters</span></div>${`${post(2, '')}`.slice(0, 30)}`,
).replace(
  '</div></main>',
  `<div class="answer accepted"><a href="/members/m9">m9</a> <span>June 9, 2024</span><p>The committee has put the rule on the notice board by the gate as well.</p></div><div class="reply-box"><a href="/login">Log in to reply</a></div></div></main>`,
);

describe.each(['linkedom', 'jsdom'] as const)('post chrome: what sits among the posts (%s)', (engine) => {
  it('drops the overview box and the reply box, keeps a dated and signed reply in another shape', async () => {
    const doc = await clean(AMONG, { url: 'https://forum.example.org/t/paths/3', engine, pageType: 'forum' });
    expect(doc.text).toContain('I will bring a strimmer');
    expect(doc.text).toContain('put the rule on the notice board');
    expect(doc.text).not.toContain('Views 1.2k');
    expect(doc.text).not.toContain('Log in to reply');
    const among = doc.removed.filter((r) => r.reason.endsWith('not a post, among the posts'));
    expect(among.map((r) => r.text).sort()).toEqual(['Log in to reply', 'Replies 3 Views 1.2k Top posters']);
  });

  it('keeps a reply in another shape with as much text as a typical post, though nothing dates or signs it', async () => {
    const reply =
      "Le comité a aussi affiché la règle au portail, et la mairie enverra la facture à chaque parcelle dont l'allée n'est pas dégagée avant la fin du mois : mieux vaut s'y mettre ce week-end, j'apporte une débroussailleuse. Les outils du local restent à disposition de tous, la clé est chez la trésorière.";
    const page = AMONG.replace(
      '<div class="reply-box">',
      `<div class="reponse"><span>9 juin 2024</span><p>${reply}</p></div><div class="reply-box">`,
    );
    const doc = await clean(page, { url: 'https://forum.example.org/t/paths/3', engine, pageType: 'forum' });
    expect(doc.text).toContain(reply);
    const among = doc.removed.filter((r) => r.reason.endsWith('not a post, among the posts'));
    expect(among.map((r) => r.text).sort()).toEqual(['Log in to reply', 'Replies 3 Views 1.2k Top posters']);
  });
});

const SIGNED = QUOTING.replace(
  /<span class="controls">/g,
  '<div class="signature">Allotment 14b, lower field. Beans, leeks and far too many courgettes.</div><span class="controls">',
);

describe.each(['linkedom', 'jsdom'] as const)('post chrome: signatures (%s)', (engine) => {
  it("drops each post's signature block and keeps the post", async () => {
    const doc = await clean(SIGNED, { url: 'https://forum.example.org/t/paths/3', engine, pageType: 'forum' });
    expect(doc.text).toContain('I will bring a strimmer');
    expect(doc.text).not.toContain('far too many courgettes');
    expect(doc.removed.filter((r) => r.reason.endsWith('a signature'))).toHaveLength(4);
  });
});
