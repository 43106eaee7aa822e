// `pnpm -s corpuskit ARGS` from anywhere in the clone: pnpm runs scripts in the repository root
// and says in INIT_CWD where it was run from, so the CLI works there and resolves paths (and
// finds the corpus) against the folder the user is in.
if (process.env.INIT_CWD) process.chdir(process.env.INIT_CWD);
await import(new URL('../apps/cli/dist/bin.js', import.meta.url).href);
