import type { SiteRuleListing } from '@corpuskit/clean';

import type { CommandResult, CommandRun, CommandSpec } from '../command.js';
import { openCorpusFor, shortId } from '../corpus.js';
import { usageError } from '../errors.js';

export const spec: CommandSpec = {
  usage: 'rules [action] [id]',
  description: "The corpus's own per-site cleaning rules: list, add or remove them (then reclean to apply)",
  details: [
    'Actions: list (default), add, remove ID (an id or a unique prefix of one).',
    'A rule is scoped to a site (its host and subdomains) and removes, or keeps, either the elements',
    'a CSS selector matches or the blocks of text a pattern matches (a regular expression, matched',
    'case-insensitively against each paragraph). Removals by a rule name its id in removed[].',
    'The rules are versioned with the corpus: each version records the rule file it was committed',
    'with (`rules list --version V`), each document the file it was cleaned with (provenance.siteRules).',
    'Preview what a rule changes with `corpuskit reclean --site HOST --dry-run`, then `corpuskit reclean --site HOST`.',
  ].join('\n'),
  options: [
    { flags: '--site <host>', description: 'add: the site the rule is for, e.g. news.example (subdomains included)' },
    { flags: '--selector <css>', description: 'add: the CSS selector of the elements to remove or keep' },
    { flags: '--text <pattern>', description: 'add: a pattern (regular expression) for blocks of text' },
    { flags: '--remove', description: 'add: remove what the rule matches (the default)' },
    { flags: '--keep', description: 'add: keep what the rule matches: no other rule may remove it' },
    { flags: '-m, --note <text>', description: 'add: why the rule exists' },
    {
      flags: '--version <ref>',
      description: 'list: the rules a version was committed with (default: the working rules)',
    },
  ],
  examples: [
    "corpuskit rules add --site news.example --selector 'aside.promo-box' --note 'shop teaser on every page'",
    "corpuskit rules add --site news.example --text '^read more:' --remove",
    "corpuskit rules add --site news.example --selector 'figure.chart' --keep",
    'corpuskit reclean --site news.example --dry-run',
    'corpuskit rules list --site news.example',
    'corpuskit rules remove 3fa4',
  ],
};

function describeRule(rule: SiteRuleListing): string {
  const what = rule.selector !== undefined ? `selector ${rule.selector}` : `text /${rule.text ?? ''}/`;
  const extra = [rule.note ? `"${rule.note}"` : null, rule.by ? `by ${rule.by}` : null, rule.at ?? null].filter(
    (part): part is string => part !== null,
  );
  return `${rule.id}  ${rule.site}  ${rule.action.padEnd(6)}  ${what}${extra.length > 0 ? `  (${extra.join(', ')})` : ''}`;
}

const hint = (site: string) => `preview with: corpuskit reclean --site ${site} --dry-run`;

export const run: CommandRun = async (args, options, context): Promise<CommandResult> => {
  const [action = 'list', id] = args as [string | undefined, string | undefined];
  const ingest = await import('@corpuskit/ingest');
  const { listSiteRules } = await import('@corpuskit/clean');
  if (action === 'list' || action === 'ls') {
    if (id !== undefined) throw usageError(`rules list takes no id (got '${id}'); use --site HOST to filter`);
    const { store } = await openCorpusFor(context);
    const ref = options.version === undefined ? null : String(options.version);
    let hash: string | null;
    let rules: ReturnType<typeof listSiteRules>;
    if (ref === null) {
      const loaded = await ingest.loadCorpusRules(store);
      hash = loaded?.hash ?? null;
      rules = loaded ? listSiteRules(loaded.rules) : [];
    } else {
      const stored = await store.rulesAt(ref);
      hash = stored?.hash ?? null;
      const { parseSiteRules } = await import('@corpuskit/clean');
      rules = stored ? listSiteRules(parseSiteRules(Buffer.from(stored.bytes).toString('utf8'), `${ref} rules`)) : [];
    }
    const site =
      options.site === undefined
        ? null
        : String(options.site)
            .toLowerCase()
            .replace(/^www\./, '');
    const shown = site === null ? rules : rules.filter((rule) => rule.site === site || site.endsWith(`.${rule.site}`));
    const text =
      shown.length === 0
        ? rules.length === 0
          ? `No per-site rules${ref === null ? '' : ` in ${ref}`}: corpuskit rules add --site HOST --selector CSS | --text PATTERN`
          : `No rules for ${site ?? ''}`
        : [
            `${shown.length} ${shown.length === 1 ? 'rule' : 'rules'}${hash ? ` (rule file ${shortId(hash)})` : ''}:`,
            ...shown.map(describeRule),
          ].join('\n');
    return { json: { version: ref, hash, rules: shown }, text };
  }
  if (action === 'add') {
    if (id !== undefined) throw usageError(`rules add takes no id (got '${id}'): the id is derived from the rule`);
    if (options.site === undefined || options.site === true) throw usageError('rules add needs --site HOST');
    const selector = options.selector === undefined ? undefined : String(options.selector);
    const text = options.text === undefined ? undefined : String(options.text);
    if ((selector === undefined) === (text === undefined)) {
      throw usageError('rules add needs exactly one of --selector CSS and --text PATTERN');
    }
    if (options.remove === true && options.keep === true) throw usageError('--remove and --keep cannot be combined');
    const { store } = await openCorpusFor(context);
    const rule = await ingest.addCorpusRule(store, {
      site: String(options.site),
      action: options.keep === true ? 'keep' : 'remove',
      ...(selector === undefined ? { text: text! } : { selector }),
      ...(options.note === undefined ? {} : { note: String(options.note) }),
      ...(context.env.CORPUSKIT_REVIEWER || context.env.USER
        ? { by: (context.env.CORPUSKIT_REVIEWER || context.env.USER)! }
        : {}),
      at: new Date().toISOString(),
    });
    return { json: { added: rule }, text: `Added rule ${describeRule(rule)}\n  ${hint(rule.site)}` };
  }
  if (action === 'remove' || action === 'rm') {
    if (id === undefined) throw usageError('rules remove needs the rule id (see corpuskit rules list)');
    const { store } = await openCorpusFor(context);
    const rule = await ingest.removeCorpusRule(store, id);
    return { json: { removed: rule }, text: `Removed rule ${describeRule(rule)}\n  ${hint(rule.site)}` };
  }
  throw usageError(`unknown rules action '${action}' (expected list, add or remove)`);
};
