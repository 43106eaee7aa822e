import { seededInts } from '@corpuskit/testkit';
import { describe, expect, it } from 'vitest';

import { blockElement, extractBlocks, squashedText } from './blocks.js';
import { parseHtml } from './dom.js';
import { squash } from './text-util.js';

/** The white space a block's line collapses: every run becomes one plain space. */
const LINE_SPACE = /[ \t\r\n\f\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/g;
const SPACE_CHARS = [' ', ' ', ' ', '\t', '\f', '\u00A0', '\u1680', '\u2003', '\u200A', '\u202F', '\u205F', '\u3000'];

describe.each(['linkedom', 'jsdom'] as const)('extractBlocks on %s', (engine) => {
  it("names elements by their localName, not by lowering the engine's upper-case tagName", async () => {
    const page = await parseHtml(
      '<!doctype html><html><body><h2>Heading of the part</h2><p>One <b>bold</b> line<br>and its second</p>' +
        '<table><tr><td>cell one</td><td>cell two</td></tr></table><div>Tail <script>x()</script>text</div></body></html>',
      engine,
      null,
      [],
    );
    const body = page.document.body;
    const expected = extractBlocks(body, []).map((block) => [block.kind, block.text]);
    expect(expected).toEqual([
      ['heading', 'Heading of the part'],
      ['p', 'One bold line\nand its second'],
      ['row', 'cell one cell two'],
      ['p', 'Tail text'],
    ]);
    // Reading `tagName` now fails: the walk must not need it (a new string per read, per node).
    for (const element of [body, ...Array.from(body.querySelectorAll('*'))]) {
      Object.defineProperty(element, 'tagName', {
        get: () => {
          throw new Error('tagName read');
        },
      });
    }
    expect(extractBlocks(body, []).map((block) => [block.kind, block.text])).toEqual(expected);
  });

  it('takes an <lı> (dotless ı) for an unknown element, not a list item, as jsdom and browsers do', async () => {
    // linkedom's tagName upper-cases 'lı' to 'LI'; the walk reads localName, which stays 'lı'.
    const page = await parseHtml(
      '<!doctype html><html><body><ul><li>Plain item one</li><li>Plain item two</li></ul>' +
        '<ul><lı>Dotless item one</lı><lı>Dotless item two</lı></ul></body></html>',
      engine,
      null,
      [],
    );
    try {
      expect(page.document.body.querySelectorAll('ul')[1]!.firstElementChild!.localName).toBe('lı');
      expect(extractBlocks(page.document.body, []).map((block) => [block.kind, block.text])).toEqual([
        ['li', 'Plain item one'],
        ['li', 'Plain item two'],
        ['p', 'Dotless item oneDotless item two'],
      ]);
    } finally {
      page.close();
    }
  });

  it('reads inline runs in document order: links counted in every nesting, line breaks, markers, skipped elements', async () => {
    const page = await parseHtml(
      '<!doctype html><html><body><p id="p">Read <a href="/x">the <b>full <i>long</i></b> story</a> and ' +
        '<span><a href="/y"><em>more</em></a> of it</span><br>next <script>skip()</script><s id="m0"></s>' +
        '<span><s id="m1"></s><button>Buy</button>end <a href="/z"></a><a href="/w">last</a></span></p>' +
        '<div><a href="/q"><span>Inline</span> <b>card</b></a><div>Below</div></div></body></html>',
      engine,
      null,
      [],
    );
    // Removal markers as the DOM rules leave them (the parser takes the page's own comments out).
    for (const index of [0, 1])
      page.document.getElementById(`m${index}`)!.replaceWith(page.document.createComment(`ck-removed:${index}`));
    const removals: Array<{ blockIndex?: number }> = [{}, {}];
    const blocks = extractBlocks(page.document.body, removals);
    expect(blocks.map((block) => [block.text, block.linkChars])).toEqual([
      // Each text node in a link counts its characters less the white space at its ends; a
      // marker among the paragraph's children ends its run, one inside an inline element does not.
      ['Read the full long story and more of it\nnext', 'the'.length + 'full'.length + 4 + 'story'.length + 4],
      ['end last', 4],
      ['Inline card', 'Inline'.length + 'card'.length],
      ['Below', 0],
    ]);
    // Both markers stand after the first block.
    expect(removals).toEqual([{ blockIndex: 1 }, { blockIndex: 1 }]);
  });

  it('collapses each run of white space in a line to one space, a lone space left as it is', async () => {
    // Texts with runs of every length and mix, lone spaces, and spaces at the ends of lines.
    const texts: string[] = [];
    const next = seededInts(7);
    for (let t = 0; t < 40; t++) {
      let text = '';
      for (let w = 0; w < 12; w++) {
        const run = next(4);
        for (let s = 0; s < run; s++) text += SPACE_CHARS[next(SPACE_CHARS.length)];
        text += w % 5 === 4 ? 'word<br>' : 'word';
      }
      texts.push(text);
    }
    texts.push('a b  c \u00A0d\t \te ', ' \u3000 ', 'x \u00A0', 'one two three');
    const page = await parseHtml(
      `<!doctype html><html><body>${texts.map((text) => `<p>${text}</p>`).join('')}</body></html>`,
      engine,
      null,
      [],
    );
    const blocks = extractBlocks(page.document.body, []);
    const expected = texts
      .map((text) =>
        text
          .split('<br>')
          .map((line) => line.replace(LINE_SPACE, ' ').trim())
          .filter((line) => line !== '')
          .join('\n'),
      )
      .filter((text) => text !== '');
    expect(blocks.map((block) => block.text)).toEqual(expected);
    expect(expected).toContain('a b c d e');
    page.close();
  });
});

describe.each(['linkedom', 'jsdom'] as const)('blockElement on %s', (engine) => {
  it("is a block's own element when the block is all of it, else the element its inline text stands in", async () => {
    const page = await parseHtml(
      `<!doctype html><html><body><div id="body"><p id="whole">One <em>whole</em> paragraph.</p>` +
        `<em>Inline</em> text beside blocks<p id="after">After.</p>tail text` +
        `<table><tr id="row"><td>cell</td><td>two</td></tr></table><pre id="code">x = 1</pre>` +
        `<div id="nested"><span>only inline</span></div></div></body></html>`,
      engine,
      null,
      [],
    );
    const blocks = extractBlocks(page.document.body, []);
    const idOf = (text: string) => {
      const block = blocks.find((candidate) => candidate.text.startsWith(text));
      return block ? (blockElement(block)?.getAttribute('id') ?? null) : 'no block';
    };
    expect(idOf('One whole')).toBe('whole');
    expect(idOf('Inline text')).toBe('body');
    expect(idOf('tail text')).toBe('body');
    expect(idOf('cell')).toBe('row');
    expect(idOf('x = 1')).toBe('code');
    expect(idOf('only inline')).toBe('nested');
    expect(blockElement({ text: 'plain', kind: 'p', level: 0, linkChars: 0, nodes: [] })).toBeNull();
  });
});

describe('squashedText', () => {
  it("is the block's squashed text, read again after the text is replaced", () => {
    const block = { text: ' Two\nlines\u00A0 here ', kind: 'p' as const, level: 0, linkChars: 0, nodes: [] };
    expect(squashedText(block)).toBe('Two lines here');
    expect(squashedText(block)).toBe(squash(block.text));
    block.text = 'Other\n\ntext';
    expect(squashedText(block)).toBe('Other text');
  });
});
