// A collection page's product grid for the cleaner's tests: thirty cards of one shape (a linked
// name and a price), three things in each of ten woods, so a test can look for every card's text.

/** The ten woods the cards are named after, in card order. */
export const WOODS = ['Oak', 'Ash', 'Elm', 'Birch', 'Maple', 'Cedar', 'Pine', 'Beech', 'Alder', 'Larch'];

/** Thirty `<li class="card">` items: "<Wood> <thing> in solid wood, oiled" linked, and a price. */
export const WOOD_CARDS = WOODS.flatMap((wood, i) =>
  ['stool', 'bench', 'shelf'].map(
    (thing, j) =>
      `<li class="card"><a href="/p/${wood.toLowerCase()}-${thing}">${wood} ${thing} in solid wood, oiled</a><span class="price">£${40 + i * 7 + j * 3}.00</span></li>`,
  ),
).join('');
