// Post chrome by the thread's template (forum-posts.ts): what the walk finds around the body of
// the long posts is taken from the short ones too, the author's name and the post's date stay,
// a profile list beside the body is chrome, a preview of the post replied to goes, and a comment
// with replies nested under it keeps its own text.
import { describe, expect, it } from 'vitest';

import { clean } from './clean.js';

const card = (i: number) => `
    <div class="user-cell"><div class="avatar"><a href="/members/m${i}/">M</a></div>
      <h4 class="name"><a class="username" href="/members/m${i}/">member${i}</a></h4>
      <div class="extras"><dl><dt>Joined</dt><dd>Mar 3, 2019</dd></dl><dl><dt>Messages</dt><dd>${400 + i}</dd></dl>
      <dl><dt>Member type</dt><dd>Allotment holder</dd></dl><dl><dt>Home country</dt><dd>Wales</dd></dl></div>
    </div>`;

const message = (i: number, body: string) => `
  <article class="message" id="post-${i}"><div class="message-inner">${card(i)}
    <div class="main-cell"><header class="attribution"><time datetime="2024-06-0${i}">Jun ${i}, 2024</time></header>
      <div class="content">${body}</div></div>
  </div></article>`;

const SENTENCES = [
  'The lower field floods every winter because the ditch along the hedge has silted up.',
  'The council will not dig it out unless the committee asks in writing, and nobody has.',
  'Last year the water stood on plots nine to twelve until the middle of April.',
  'My leeks survived it, but the garlic rotted in the ground and the onions bolted.',
  'A drain along the path would cost less than the seed we lose every spring.',
  'The farmer next door cleared his side in an afternoon with a small digger.',
  'If each of us gives ten pounds we could hire the same digger for a day.',
  'I have written to the parish clerk twice and heard nothing back at all.',
  'The water board says the ditch is ours, the council says it belongs to the farm.',
  'We could dig the worst stretch by hand on a Saturday if enough people come.',
  'Bring spades and boots; the silt is heavy and the bank is slippery.',
  'Whatever we do, it has to be done before the leaves fall and block it again.',
];

const LONG = (i: number) =>
  SENTENCES.slice((i - 1) * 3, i * 3)
    .map((s, k) => `<p>Post ${i}, paragraph ${k}: ${s}</p>`)
    .join('');

const TEMPLATE = `<!doctype html><html><head><title>The lower field floods</title></head><body><main><h1>The lower field floods</h1>
<div class="thread">
${message(1, LONG(1))}${message(2, LONG(2))}${message(3, '<p>Count me in for the letter.</p>')}${message(4, LONG(4))}
</div></main></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post chrome by the thread template (%s)', (engine) => {
  it("drops a short reply's author card as in the long posts, keeps its text, its author and its date", async () => {
    const doc = await clean(TEMPLATE, { url: 'https://forum.example.org/t/floods/4', engine, pageType: 'forum' });
    expect(doc.text).toContain('Count me in for the letter.');
    expect(doc.text).toContain('Post 4, paragraph 2');
    expect(doc.text).not.toContain('Allotment holder');
    expect(doc.text).not.toContain('Home country');
    expect(doc.text).toContain('Jun 3, 2024');
    // The card and the header go around the author's name and the post's date (a line that is
    // only a date at the top or bottom of the text is the date rule's to remove).
    const chrome = doc.removed.filter((r) => r.rule === 'boilerplate/post-chrome');
    expect(chrome.some((r) => r.text.includes('Allotment holder'))).toBe(true);
    for (const i of [1, 2, 3, 4]) {
      expect(doc.text).toContain(`member${i}`);
      expect(chrome.some((r) => r.text.includes(`member${i}`) || r.text.includes(`Jun ${i}, 2024`))).toBe(false);
    }
  });
});

const PLACES = ['Lower field', 'Upper field', 'By the gate'];

const PHPBB = (i: number, body: string) => `
  <div class="post" id="p${i}"><div class="inner">
    <dl class="postprofile"><dt><a class="username" href="/memberlist.php?mode=viewprofile&amp;u=${i}">holder${i}</a></dt>
      <dd><strong>Posts:</strong> ${20 + i}</dd><dd><strong>Joined:</strong> 5. Nov 201${i}</dd><dd><strong>Location:</strong> ${PLACES[i - 1]}</dd></dl>
    <div class="postbody"><h3>Re: Seed swap</h3><p class="author">by holder${i} » 11. Sep 2024</p><div class="content">${body}</div></div>
  </div></div>`;

const PROFILE_LISTS = `<!doctype html><html><head><title>Seed swap</title></head><body><div id="page-body"><h1>Seed swap</h1>
${PHPBB(1, 'I have runner bean and leek seed from last year to swap for anything that does well in heavy clay soil.')}
${PHPBB(2, 'Parsnips did well for me in clay once I dug the bed deep, and I can bring a packet to the shed.')}
${PHPBB(3, 'Broad beans love clay; mine came through the winter without any cover at all last year.')}
</div></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post chrome: a profile list beside the body (%s)', (engine) => {
  it("drops the author's list of short lines, keeps the post", async () => {
    const doc = await clean(PROFILE_LISTS, {
      url: 'https://forum.example.org/viewtopic.php?t=5',
      engine,
      pageType: 'forum',
    });
    expect(doc.text).toContain('Broad beans love clay');
    expect(doc.text).toContain('Parsnips did well for me in clay');
    expect(doc.text).not.toContain('Location:');
    expect(doc.text).not.toContain('Joined:');
    expect(doc.text).toContain('holder3');
  });
});

const OPENING =
  'The water board will cut the supply to the allotments from the first of November, so drain the butts and lag the standpipes before then.';

const reply = (i: number, parent: string, body: string) => `
  <li class="post-item" id="r${i}">
    ${parent === '' ? '' : `<div class="parent-preview"><a href="/user/m1">m1</a><div class="clamp"><p>${parent}</p></div></div>`}
    <div class="post-container"><div class="byline"><a href="/user/m${i}">m${i}</a> <time datetime="2024-10-0${i}">Oct ${i}, 2024</time></div>
      <div class="content"><p>${body}</p></div></div>
  </li>`;

const PREVIEWS = `<!doctype html><html><head><title>Water off in November</title></head><body><main><h1>Water off in November</h1>
<ul class="posts">
${reply(1, '', OPENING)}
${reply(2, OPENING, 'Does that include the trough by the gate, or only the standpipes on the upper field?')}
${reply(3, OPENING, 'Thanks for the warning, I will drain mine this weekend and bring the butts into the shed.')}
${reply(4, '', 'The trough by the gate is on the same main, so it goes off as well.')}
</ul></main></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post chrome: previews of the post replied to (%s)', (engine) => {
  it('drops a copy of the opening post shown above a reply, keeps the replies and the opening post once', async () => {
    const doc = await clean(PREVIEWS, { url: 'https://forum.example.org/topic/12/water', engine, pageType: 'forum' });
    expect(doc.text.split(OPENING).length - 1).toBe(1);
    expect(doc.text).toContain('Does that include the trough by the gate');
    expect(doc.text).toContain('I will drain mine this weekend');
    expect(doc.removed.some((r) => r.reason.endsWith('a quote of an earlier post on the page'))).toBe(true);
  });

  it('keeps a reply around its quote of a post above', async () => {
    const page = PREVIEWS.replace(
      '<p>Thanks for the warning,',
      `<span class="quote">m1 wrote: ${OPENING}</span> <span>Thanks for the warning,`,
    ).replace('into the shed.</p>', 'into the shed.</span></p>');
    const doc = await clean(page, { url: 'https://forum.example.org/topic/12/water', engine, pageType: 'forum' });
    expect(doc.text).toContain('I will drain mine this weekend');
  });
});

const comment = (id: string, who: string, text: string, replies = '') => `
  <li class="subtree"><div class="comment" id="c-${id}"><div class="voters"><a class="up" href="#">${id.length + 3}</a></div>
    <div class="details"><div class="byline"><a href="/u/${who}">${who}</a> <time datetime="2024-07-01">1 year ago</time></div>
    <div class="comment-text"><p>${text}</p></div></div></div>
    ${replies === '' ? '' : `<ol class="comments">${replies}</ol>`}
  </li>`;

const TREE = `<!doctype html><html><head><title>Raised beds</title></head><body><main><h1>Raised beds</h1>
<ol class="comments">
${comment('a', 'ann', 'Raised beds drain far better on clay, and the soil warms up two weeks earlier in spring.', comment('b', 'bob', 'Which timber did you use? Mine rotted within three seasons even with the treated planks.', comment('c', 'cat', 'Larch lasts longest for me, untreated, and it weathers to a nice silver grey.') + comment('d', 'dan', 'Scaffold boards are cheap and last about five years if you keep them off the ground.')))}
${comment('e', 'eve', 'I gave up on raised beds; the slugs loved the gaps between the boards more than I did.')}
${comment('f', 'fay', 'We line the inside of ours with copper tape, and the slugs stay out of the lettuce now.')}
</ol></main></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post chrome: a comment tree (%s)', (engine) => {
  it('keeps the text of a comment with replies under it', async () => {
    const doc = await clean(TREE, { url: 'https://forum.example.org/s/beds', engine, pageType: 'forum' });
    for (const text of [
      'Raised beds drain far better',
      'Which timber did you use',
      'Larch lasts longest',
      'copper tape',
    ])
      expect(doc.text).toContain(text);
  });
});

/** Posts whose author line, profile line and body are plain `<div>`s of one shape. */
const PLAIN_POSTS = `<!doctype html><html><head><title>Floods</title></head><body><main><h1>Floods</h1><div class="thread">${SENTENCES.slice(
  0,
  4,
)
  .map(
    (s, i) =>
      `<div class="post" id="p${i + 1}"><div><a href="/members/u${i + 1}/">user${i + 1}</a></div><div>Posts: ${41 + i}</div><div>${s}</div></div>`,
  )
  .join('')}</div></main></body></html>`;

const WATER_POST =
  'The water board will cut the supply to the allotments from the first of November, so drain the butts and lag the standpipes before then.';

/** A reply whose text sits one wrapper below the post, beside a preview of the opening post. */
const WRAPPED_REPLY = `<!doctype html><html><head><title>Water</title></head><body><main><h1>Water</h1><div class="thread">${[
  `<p>${WATER_POST}</p>`,
  '<p>Does that include the trough by the gate, or only the standpipes on the upper field near the shed?</p>',
  `<div class="bbquote">user1 wrote: ${WATER_POST}</div><p>Thanks, noted.</p>`,
  '<p>The trough by the gate is on the same main, so it goes off as well, I asked them last year.</p>',
]
  .map(
    (body, i) =>
      `<article class="post" id="p${i + 1}"><div class="card"><a href="/members/u${i + 1}/">user${i + 1}</a> <span>Posts: ${41 + i}</span></div><div class="wrap"><div class="body">${body}</div><div class="tools"><a href="#">Reply</a></div></div></article>`,
  )
  .join('')}</div></main></body></html>`;

describe.each(['linkedom', 'jsdom'] as const)('post bodies the template never takes (%s)', (engine) => {
  it('keeps every body when the body and the chrome beside it are elements of one shape', async () => {
    const doc = await clean(PLAIN_POSTS, { url: 'https://forum.example.org/t/floods/1', engine, pageType: 'forum' });
    for (const sentence of SENTENCES.slice(0, 4)) expect(doc.text).toContain(sentence);
  });

  it('keeps a reply written one wrapper below the post beside a preview of an earlier post', async () => {
    const doc = await clean(WRAPPED_REPLY, { url: 'https://forum.example.org/t/water/1', engine, pageType: 'forum' });
    expect(doc.text).toContain('Thanks, noted.');
    expect(doc.text).toContain('Does that include the trough by the gate');
  });
});
