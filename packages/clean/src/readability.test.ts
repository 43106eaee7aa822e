import { Readability } from '@mozilla/readability';
import { seededInts } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { parseHtml } from './dom.js';
import { PageReadability, hasText, innerTextLength } from './readability.js';
import type { TextSpan } from './readability.js';

const PARAGRAPH =
  'The harbour board met on Tuesday evening to decide what to do with the old ferry pier, which has been closed since the storm in March. ';

/** A page with a byline among other candidates and containers that hold only white space or breaks. */
function articlePage(): string {
  return `<!doctype html><html><head><title>Pier</title></head><body>
    <div class="header"><a href="/">Home</a></div>
    <div class="author-box"><div class="author-bio">${'Writes about the coast and its towns. '.repeat(4)}</div></div>
    <div class="main">
      <h1>What next for the pier</h1>
      <p class="byline">By Mara Lind</p>
      <div class="spacer"> \u00a0 <!-- a comment with words --> </div>
      <div class="breaks"><br><br><hr></div>
      <div class="nested-empty"><span> </span><b><i>\n</i></b></div>
      <div class="story">
        <p>${PARAGRAPH.repeat(3)}</p>
        <div class="breaks-and-text"><br>Repairs would cost more than a new pier.<br></div>
        <p>${PARAGRAPH.repeat(2)}</p>
        <span rel="author">Harbour desk</span>
        <p>${PARAGRAPH.repeat(2)}</p>
      </div>
    </div>
  </body></html>`;
}

describe.each(['linkedom', 'jsdom'] as const)('PageReadability on %s', (engine) => {
  it("gives Readability's own article, byline and text", async () => {
    const options = { keepClasses: true, charThreshold: 400, serializer: (node: Node) => node as Element };
    const stockPage = await parseHtml(articlePage(), engine, null, []);
    const ourPage = await parseHtml(articlePage(), engine, null, []);
    const stock = new Readability<Element>(stockPage.document, options).parse();
    const ours = new PageReadability(ourPage.document, options).parse();
    expect(stock).not.toBeNull();
    expect(ours?.byline).toBe('By Mara Lind');
    expect(ours?.byline).toBe(stock?.byline);
    expect(ours?.textContent).toBe(stock?.textContent);
    expect(ours?.content?.outerHTML).toBe(stock?.content?.outerHTML);
    // The empty containers were dropped, the one with text between its breaks was kept.
    expect(ours?.content?.outerHTML).not.toContain('spacer');
    expect(ours?.content?.outerHTML).not.toContain('nested-empty');
    expect(ours?.textContent).toContain('Repairs would cost more');
    stockPage.close();
    ourPage.close();
  });

  it("gives Readability's own article when it lists elements by a walk of the tree (linkedom)", async () => {
    // Tag names in both cases (Readability asks for "TD" and "SPAN" in its text density), cells
    // and links inside an <svg> and a <math>, a template's content, fonts, iframes and embeds.
    const html = `<!doctype html><html><head><title>Pier</title><style>p { color: red }</style></head><body>
      <div class="header"><a href="/">Home</a><font>Old <FONT>marquee</FONT></font></div>
      <div class="main"><h1>What next for the pier</h1><h2>Board meeting</h2>
        <p>${PARAGRAPH.repeat(3)}<font color="red">said the chair.</font></p>
        <svg><td>drawn cell</td><a href="/d">drawn link</a><style>svg {}</style></svg>
        <math><td>formula cell</td></math>
        <table><tr><td>Cost</td><td>${PARAGRAPH}</td></tr></table>
        <div class="related"><ul><li><a href="/x">One</a></li><li><a href="/y">Two</a></li></ul></div>
        <p>${PARAGRAPH.repeat(2)}<br><br>Repairs would cost more than a new pier.</p>
        <template><p>Template text</p><script>x()</script></template>
        <iframe src="https://www.youtube.com/embed/x"></iframe><embed src="/e.swf"><object data="/o"></object>
        <form><input name="q"><button>Go</button></form>
        <noscript><p>Enable scripts</p></noscript><script>y()</script>
        <p>${PARAGRAPH.repeat(2)}<img src="/pier.jpg"><span>Photo: harbour desk</span></p>
      </div></body></html>`;
    const options = { keepClasses: true, charThreshold: 400, serializer: (node: Node) => node as Element };
    const stockPage = await parseHtml(html, engine, null, []);
    const ourPage = await parseHtml(html, engine, null, []);
    const stock = new Readability<Element>(stockPage.document, options).parse();
    const walked = new PageReadability(ourPage.document, options, { walkTags: engine === 'linkedom' });
    const lists = walked as unknown as { _getAllNodesWithTag(node: ParentNode, tags: string[]): ArrayLike<Element> };
    // The lists themselves, before the parse changes the page: the engine's selector matching's.
    for (const tags of [
      ['td'],
      ['SPAN', 'LI', 'TD', 'DIV', 'P'],
      ['a'],
      ['style'],
      ['font'],
      ['script', 'noscript'],
      ['h1', 'h2'],
    ]) {
      expect(Array.from(lists._getAllNodesWithTag(ourPage.document, tags))).toEqual(
        Array.from(ourPage.document.querySelectorAll(tags.join(','))),
      );
    }
    const ours = walked.parse();
    expect(ours?.textContent).toContain('Repairs would cost more');
    expect(ours?.textContent).toBe(stock?.textContent);
    expect(ours?.content?.outerHTML).toBe(stock?.content?.outerHTML);
    expect(ourPage.document.body.innerHTML).toBe(stockPage.document.body.innerHTML);
    stockPage.close();
    ourPage.close();
  });

  it('starts again from the same page when an attempt finds too little text, without serialising it first', async () => {
    // A short page: each of the four attempts (all flags, then one fewer each time) falls under
    // the threshold, so Readability sets the page back from its cache four times and returns the
    // longest attempt.
    const html = `<!doctype html><html><head><title>Short</title></head><body>
      <div class="sidebar"><a href="/a">One &amp; two</a> <span style="color: red">&lt;b&gt;</span></div>
      <div class="comment"><p>First reply, kept only when unlikely candidates stay.</p></div>
      <div id="story" class="story"><p>A short note on the pier. It reopens on Monday.</p><!-- gone --></div>
      <template><p>Template text</p></template>
    </body></html>`;
    const options = { keepClasses: true, charThreshold: 400, serializer: (node: Node) => node as Element };
    const stockPage = await parseHtml(html, engine, null, []);
    const ourPage = await parseHtml(html, engine, null, []);
    const stockBody = stockPage.document.body;
    const ourBody = ourPage.document.body;
    // The stock parser's reads and set-backs of the page's markup, through the engine's accessor.
    let proto: object | null = Object.getPrototypeOf(stockBody);
    let own: PropertyDescriptor | undefined;
    while (proto && !(own = Object.getOwnPropertyDescriptor(proto, 'innerHTML'))) proto = Object.getPrototypeOf(proto);
    let stockSets = 0;
    let markup = '';
    Object.defineProperty(stockBody, 'innerHTML', {
      configurable: true,
      get(this: Element) {
        markup = own!.get!.call(this) as string;
        return markup;
      },
      set(this: Element, value: string) {
        stockSets++;
        own!.set!.call(this, value);
      },
    });
    const stock = new Readability<Element>(stockPage.document, options).parse();
    const ours = new PageReadability(ourPage.document, options, { copyPage: true }).parse();
    expect(stockSets).toBe(4);
    expect(markup).toContain('Template text');
    expect(ours?.textContent).toBe(stock?.textContent);
    expect(ours?.content?.outerHTML).toBe(stock?.content?.outerHTML);
    // The page is left with the engine's own accessor, and with the same markup as the stock run's.
    expect(Object.getOwnPropertyDescriptor(ourBody, 'innerHTML')).toBeUndefined();
    // A subclass hears of every set-back, with the copy or with the markup.
    for (const copyPage of [true, false]) {
      const page = await parseHtml(html, engine, null, []);
      let setBacks = 0;
      const counting = new (class extends PageReadability {
        protected override pageSetBack(): void {
          setBacks++;
        }
      })(page.document, options, { copyPage });
      expect(counting.parse()?.textContent).toBe(stock?.textContent);
      expect(setBacks).toBe(4);
      page.close();
    }
    delete (stockBody as { innerHTML?: string }).innerHTML;
    expect(ourBody.innerHTML).toBe(stockBody.innerHTML);
    stockPage.close();
    ourPage.close();
  });

  it("keeps each page's markup state apart when pages are searched in turn and one inside another", async () => {
    // The page's `innerHTML` during the search is the same accessor for every page, its state
    // kept by the page: each page's first read is answered with a copy of that page (one
    // `cloneNode`), also when a second page is searched while the first one's search runs.
    const html = (word: string) =>
      `<!doctype html><html><head><title>${word}</title></head><body><div class="story"><p>${word} pier notes.</p></div></body></html>`;
    const options = { keepClasses: true, charThreshold: 400, serializer: (node: Node) => node as Element };
    const expected = async (word: string) => {
      const page = await parseHtml(html(word), engine, null, []);
      const text = new Readability<Element>(page.document, options).parse()?.textContent;
      page.close();
      return text;
    };
    const copies = (body: Element) => {
      const counted = { count: 0 };
      const clone = body.cloneNode.bind(body);
      body.cloneNode = (deep?: boolean) => {
        counted.count++;
        return clone(deep);
      };
      return counted;
    };
    const outer = await parseHtml(html('North'), engine, null, []);
    const inner = await parseHtml(html('South'), engine, null, []);
    const outerCopies = copies(outer.document.body);
    const innerCopies = copies(inner.document.body);
    let innerText: string | null | undefined;
    const nesting = new (class extends PageReadability {
      protected override pageSetBack(): void {
        // During the outer page's first set-back, search the inner page from start to end.
        innerText ??= new PageReadability(inner.document, options, { copyPage: true }).parse()?.textContent;
      }
    })(outer.document, options, { copyPage: true });
    expect(nesting.parse()?.textContent).toBe(await expected('North'));
    expect(innerText).toBe(await expected('South'));
    expect(outerCopies.count).toBe(1);
    expect(innerCopies.count).toBe(1);
    for (const page of [outer, inner]) {
      expect(Object.getOwnPropertyDescriptor(page.document.body, 'innerHTML')).toBeUndefined();
    }
    // A third page after them: its own first read is a copy again.
    const later = await parseHtml(html('East'), engine, null, []);
    const laterCopies = copies(later.document.body);
    expect(new PageReadability(later.document, options, { copyPage: true }).parse()?.textContent).toBe(
      await expected('East'),
    );
    expect(laterCopies.count).toBe(1);
    for (const page of [outer, inner, later]) page.close();
  });

  it('finds text as textContent would, white space and comments aside', async () => {
    const page = await parseHtml(
      `<!doctype html><html><body>
        <div id="a"></div>
        <div id="b"> \u00a0\u2003\n\t<!-- words --><span>\u3000</span></div>
        <div id="c"><span></span><b><i> </i></b><em>x</em></div>
        <div id="d"><b><i>\ufeff</i></b></div>
        <div id="e"><br>\u00a0<br></div>
        <div id="f"><template>inside a template</template></div>
        <div id="g"><p><span></span></p><p>late</p></div>
        <div id="h">\u0085</div>
      </body></html>`,
      engine,
      null,
      [],
    );
    const found = [...page.document.querySelectorAll('body > div')].map((div) => [div.id, hasText(div)]);
    const expected = [...page.document.querySelectorAll('body > div')].map((div) => [
      div.id,
      (div.textContent ?? '').trim().length > 0,
    ]);
    expect(found).toEqual(expected);
    expect(Object.fromEntries(found)).toMatchObject({
      a: false,
      b: false,
      c: true,
      d: false,
      e: false,
      g: true,
      h: true,
    });
    page.close();
  });
  it("counts the link density and inner text lengths as Readability's own methods give them", async () => {
    const page = await parseHtml(
      `<!doctype html><html><body>
        <div id="a"></div>
        <div id="b">  lead \u00a0\u2003 text\n\n<a href="#top">back  to top</a> \t<a href="/x">  more </a></div>
        <div id="c"><a href="#">#</a><a>no href</a><!-- a comment --><a href="#s"><b> in </b><i>bold</i></a></div>
        <div id="d"><p>one</p><p> two </p>\ufeff<span>\u3000three\u3000</span><template>t <a href="/t">x</a></template></div>
        <div id="e"><a href="/only">${'link text '.repeat(40)}</a></div>
        <div id="f">\u0085 not white space \u180e here\u200b<br>\r\r<br>end\r\rof\u000b\u000cit </div>
        <div id="g"> \n <span> </span><b>\t</b> </div>
      </body></html>`,
      engine,
      null,
      [],
    );
    const ours = new PageReadability(page.document);
    const stock = Readability.prototype as unknown as {
      _getLinkDensity(element: Element): number;
      _getInnerText(element: Element): string;
    };
    const divs = [...page.document.querySelectorAll('body > div')];
    const elements = [...divs, ...page.document.querySelectorAll('body a')];
    expect(elements.map((element) => innerTextLength(element))).toEqual(
      elements.map((element) => stock._getInnerText.call(ours, element).length),
    );
    const density = divs.map((div) => [div.id, ours._getLinkDensity(div)]);
    expect(density).toEqual(divs.map((div) => [div.id, stock._getLinkDensity.call(ours, div)]));
    // 'lead text back to top more': 26 characters, 'back to top' at 0.3, 'more' at 1.
    expect(Object.fromEntries(density)).toMatchObject({ a: 0, b: (11 * 0.3 + 4) / 26, e: 1, g: 0 });
    page.close();
  });

  it('counts inner text lengths from the spans kept by text, the same text read in other places', async () => {
    // Nested elements with texts of white space and letters in many arrangements, the same texts
    // in many places: with one map of spans for all of them (read in a shuffled order, so most
    // texts are looked up after another element counted them), each element's length is the
    // length of Readability's inner text.
    const next = seededInts(11);
    const pieces = [' ', '  ', '\t', '\n', 'a', 'bc', '\u00a0', '\u3000', '\u0085', 'x y', ' z ', '  w', 'v\n\n', '\r'];
    const text = (): string => Array.from({ length: next(4) }, () => pieces[next(pieces.length)]!).join('');
    const tree = (depth: number): string =>
      Array.from({ length: 1 + next(4) }, () => {
        const tag = ['span', 'div', 'a', 'b'][next(4)]!;
        const inner = depth > 0 && next(3) > 0 ? tree(depth - 1) : '';
        return `${text()}<${tag}>${text()}${inner}${text()}</${tag}>`;
      }).join('') + text();
    const page = await parseHtml(`<!doctype html><html><body>${tree(5)}</body></html>`, engine, null, []);
    const ours = new PageReadability(page.document);
    const stock = Readability.prototype as unknown as { _getInnerText(element: Element): string };
    const elements = [...page.document.querySelectorAll('body, body *')];
    for (let i = elements.length - 1; i > 0; i--) {
      const j = next(i + 1);
      [elements[i], elements[j]] = [elements[j]!, elements[i]!];
    }
    expect(elements.length).toBeGreaterThan(100);
    const spans = new WeakMap<Node, TextSpan>();
    expect(elements.map((element) => innerTextLength(element, spans))).toEqual(
      elements.map((element) => stock._getInnerText.call(ours, element).length),
    );
    page.close();
  });

  it('keeps the spans by text node, counting a node again when its text was set again', async () => {
    const page = await parseHtml(
      '<!doctype html><html><body><div><p>one two</p><p>one two</p></div></body></html>',
      engine,
      null,
      [],
    );
    const div = page.document.querySelector('div')!;
    const spans = new WeakMap<Node, TextSpan>();
    expect(innerTextLength(div, spans)).toBe(14);
    const [first, second] = [...div.querySelectorAll('p')].map((p) => p.firstChild as Text);
    expect(spans.get(first!)).toMatchObject({ data: 'one two', chars: 7 });
    expect(spans.get(second!)).toMatchObject({ data: 'one two', chars: 7 });
    first!.data = '  three ';
    expect(innerTextLength(div, spans)).toBe(13);
    page.close();
  });

  it('reads many long texts of one length in linear time', async () => {
    // V8 hashes a string of more than 16,383 characters by its length: spans kept by the text
    // made every lookup of such texts compare them all (a walk of 1,000 took seconds).
    const prefix = 'the tide came in over the harbour wall again '.repeat(445).slice(0, 20_000);
    const page = await parseHtml('<!doctype html><html><body><div></div></body></html>', engine, null, []);
    const div = page.document.querySelector('div')!;
    for (let i = 0; i < 1000; i++) {
      const paragraph = page.document.createElement('p');
      paragraph.append(page.document.createTextNode(`${prefix}${String(i).padStart(6, '0')}`));
      div.append(paragraph);
    }
    const start = performance.now();
    const plain = innerTextLength(div);
    const plainMs = performance.now() - start;
    const spans = new WeakMap<Node, TextSpan>();
    const kept = performance.now();
    expect(innerTextLength(div, spans)).toBe(plain);
    expect(innerTextLength(div, spans)).toBe(plain);
    expect(performance.now() - kept).toBeLessThan(3 * plainMs + 300);
    page.close();
  }, 60_000);

  it('judges visibility as Readability does, with and without a style attribute', async () => {
    const page = await parseHtml(
      `<!doctype html><html><body>
        <p id="plain">a</p>
        <p id="none" style="display: none">a</p>
        <p id="hidden-style" style="color: red; visibility:hidden">a</p>
        <p id="shown-style" style="display:block">a</p>
        <p id="empty-style" style="">a</p>
        <p id="hidden" hidden>a</p>
        <p id="aria" aria-hidden="true">a</p>
        <p id="aria-false" aria-hidden="false">a</p>
        <img id="fallback" class="mwe-math-fallback-image-inline" aria-hidden="true">
        <svg id="svg" class="icon" aria-hidden="true"><circle r="1"></circle></svg>
        <svg id="svg-plain"><circle r="1"></circle></svg>
      </body></html>`,
      engine,
      null,
      [],
    );
    const ours = new PageReadability(page.document);
    const stock = Readability.prototype as unknown as { _isProbablyVisible(node: Element): boolean };
    const elements = [...page.document.querySelectorAll('[id]')];
    const judged = elements.map((element) => [element.id, ours._isProbablyVisible(element)]);
    // Readability's answer is only tested for truth (it can be '' or undefined for false).
    expect(judged).toEqual(
      elements.map((element) => [element.id, Boolean(stock._isProbablyVisible.call(ours, element))]),
    );
    expect(Object.fromEntries(judged)).toEqual({
      plain: true,
      none: false,
      'hidden-style': false,
      'shown-style': true,
      'empty-style': true,
      hidden: false,
      aria: false,
      'aria-false': true,
      fallback: true,
      svg: false,
      'svg-plain': true,
    });
    page.close();
  });

  it('reads the inline style from the attribute as a browser does, on both engines alike', async () => {
    const page = await parseHtml(
      `<!doctype html><html><body>
        <p id="important" style="display:none !important">a</p>
        <p id="important-spaced" style="color: red; display: none ! IMPORTANT ;">a</p>
        <p id="capitals" style="DISPLAY: NONE">a</p>
        <p id="visibility-capitals" style="Visibility: Hidden">a</p>
        <p id="collapse" style="visibility: collapse">a</p>
        <p id="shown-after" style="display: none; display: block">a</p>
        <p id="important-wins" style="display: none !important; display: block">a</p>
        <p id="invalid-after" style="display: none; display: none block">a</p>
        <p id="invalid" style="display: none block">a</p>
        <p id="variable" style="display: none; display: var(--shown)">a</p>
        <p id="data-url" style="background: url(data:image/png;base64,display:none)">a</p>
        <p id="other" style="displays: none; max-visibility: hidden">a</p>
        <p id="in-string" style="font-family: 'Serif;display:none;'">a</p>
        <p id="commented-value" style="display: /* off */ none">a</p>
        <p id="commented-first" style="/* note */ display: none">a</p>
        <p id="url-then-important" style="background: url(a;b.png); display: none !important; display: block">a</p>
        <p id="string-then-capitals" style='font-family: "A"; DISPLAY: NONE'>a</p>
        <p id="escaped-value" style="display: \\6e one">a</p>
        <p id="escaped-name" style="displ\\61y: none">a</p>
        <p id="escaped-visibility" style="visibility: hidd\\65n">a</p>
        <p id="escaped-other" style="display: \\6e one-block">a</p>
        <p id="escaped-tab" style="display: none\\9">a</p>
        <p id="escaped-space" style="display: none\\20">a</p>
        <p id="escaped-visibility-tab" style="visibility: hidden\\9">a</p>
      </body></html>`,
      engine,
      null,
      [],
    );
    const ours = new PageReadability(page.document);
    const judged = [...page.document.querySelectorAll('[id]')].map((element) => [
      element.id,
      ours._isProbablyVisible(element),
    ]);
    expect(Object.fromEntries(judged)).toEqual({
      important: false,
      'important-spaced': false,
      capitals: false,
      'visibility-capitals': false,
      collapse: false,
      'shown-after': true,
      'important-wins': false,
      'invalid-after': false,
      invalid: true,
      variable: true,
      'data-url': true,
      other: true,
      'in-string': true,
      'commented-value': false,
      'commented-first': false,
      'url-then-important': false,
      'string-then-capitals': false,
      'escaped-value': false,
      'escaped-name': false,
      'escaped-visibility': false,
      'escaped-other': true,
      'escaped-tab': true,
      'escaped-space': true,
      'escaped-visibility-tab': true,
    });
    page.close();
  });
});
