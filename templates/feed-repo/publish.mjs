// Everything the workflow (.github/workflows/publish.yml) runs, in one script you can also run
// yourself (Node 20 or later, after `npm install`):
//
//   node publish.mjs                                  convert the sheet and check it
//   node publish.mjs --publish --site-url URL         ...then build the site in site/ for URL
//
// Checking converts sheet.csv with mapping.toml and validates the feed; it fails (exit 1) on any
// error, each one printed with its row and column. Publishing then writes site/: the feed (split
// by state when it is large), what changed since the feed published at URL (when your version of
// scorecard-feed has the diff command), the widget's files, a page that shows the widget, and the
// embed snippet for URL, which it also prints. Every step is scorecard-feed (npx, from
// @scorecard-widget/feed-tools) or a file copied.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const SHEET = 'sheet.csv';
const MAPPING = 'mapping.toml';
/** Above this many officials the feed is split into one file per state (docs: "Sharded feeds"). */
const SPLIT_OVER = Number(process.env.SCORECARD_SPLIT_OVER || 20000);

const here = path.dirname(fileURLToPath(import.meta.url));
const site = path.join(here, 'site');
const build = path.join(here, 'build');
const widget = path.join(here, 'node_modules', '@scorecard-widget', 'embed');

const args = process.argv.slice(2);
const publish = args.includes('--publish');
const urlArg = args.indexOf('--site-url');
let siteUrl = urlArg >= 0 ? args[urlArg + 1] : process.env.SITE_URL;

/** Runs scorecard-feed; its messages go straight to the log. Returns its exit code and output. */
function scorecardFeed(commandArgs, { capture = false } = {}) {
  const result = spawnSync('npx', ['--no', '--', 'scorecard-feed', ...commandArgs], {
    cwd: here,
    stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'],
    encoding: 'utf8',
  });
  if (result.error) fail(`could not run scorecard-feed (${result.error.message}): run npm install first`);
  return { code: result.status ?? 1, stdout: result.stdout ?? '' };
}

function fail(message, code = 1) {
  console.error(`\npublish.mjs: ${message}`);
  process.exit(code);
}

/** The published copy of `file` at the site's address, or null (first publication, offline). */
async function published(file) {
  try {
    const response = await fetch(new URL(file, siteUrl));
    return response.ok ? Buffer.from(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

if (!fs.existsSync(path.join(here, 'node_modules', '.bin', 'scorecard-feed'))) fail('scorecard-feed is not installed: run npm install first', 2);

// 1. Convert and check. --strict: any row with an error fails the run (the feed is still written).
fs.rmSync(build, { recursive: true, force: true });
fs.mkdirSync(build, { recursive: true });
const feedFile = path.join(build, 'feed.json');
console.log(`Converting ${SHEET} with ${MAPPING}:`);
if (scorecardFeed(['convert', SHEET, '--mapping', MAPPING, '--strict', '-o', path.relative(here, feedFile)]).code !== 0) {
  fail(`${SHEET} has errors (above, each with its row and column): fix them and push again`);
}
console.log('Checking the feed:');
if (scorecardFeed(['validate', path.relative(here, feedFile)]).code !== 0) fail('the converted feed has errors (above)');
if (!publish) {
  console.log('\nThe sheet is fine. On the default branch it is published (node publish.mjs --publish).');
  process.exit(0);
}

// 2. Publish into site/.
if (!siteUrl) fail('--publish needs the site\'s address: --site-url URL (or SITE_URL)', 2);
if (!siteUrl.endsWith('/')) siteUrl += '/';
if (!fs.existsSync(path.join(widget, 'embed.js'))) fail('@scorecard-widget/embed is not installed: run npm install', 2);
// What is published now, read before site/ is written (it may be the folder served at that address).
const previous = { feed: await published('feed.json'), atom: await published('updates.atom') };
fs.rmSync(site, { recursive: true, force: true });

// The widget: the package's files as they are (the loader finds the rest next to itself), but its
// standalone page, replaced below by one that shows this feed.
fs.cpSync(widget, site, { recursive: true, filter: (from) => !['package.json', 'README.md', 'index.html'].includes(path.relative(widget, from)) });
// Files whose names start with "_" (__wasm_split.js) are published as they are.
fs.writeFileSync(path.join(site, '.nojekyll'), '');

// The whole feed is always published as feed.json: the next run compares against it.
fs.copyFileSync(feedFile, path.join(site, 'feed.json'));
const feed = JSON.parse(fs.readFileSync(feedFile, 'utf8'));
let feedPath = 'feed.json';
if (feed.officials.length > SPLIT_OVER) {
  console.log(`\n${feed.officials.length} officials: splitting by state into feed/ (readers load only the states they pick).`);
  if (scorecardFeed(['split', path.relative(here, feedFile), '--out', 'site/feed']).code !== 0) fail('the feed could not be split');
  feedPath = 'feed/index.json';
}

// What changed since the last publication: a Markdown changelog and an Atom feed to follow.
const hasDiff = /^ {2}diff\s/m.test(scorecardFeed(['help'], { capture: true }).stdout);
if (!hasDiff) {
  console.log('\nThis version of scorecard-feed has no diff command: no changes.md or updates.atom.');
} else if (!previous.feed) {
  console.log(`\nNothing published at ${siteUrl}feed.json yet: no changes to list.`);
} else {
  fs.writeFileSync(path.join(build, 'previous.json'), previous.feed);
  const diff = (format, out) => scorecardFeed(['diff', 'build/previous.json', 'build/feed.json', '--format', format, '-o', out]).code;
  const changed = diff('md', 'site/changes.md');
  if (changed === 2 || diff('atom', 'site/updates.atom') === 2) fail('the feeds could not be compared');
  // Nothing changed: the Atom feed stays as it was, so readers see no new entry.
  if (changed === 0 && previous.atom) fs.writeFileSync(path.join(site, 'updates.atom'), previous.atom);
}

// The snippet, from the same code as the organizer page's, pinned to this copy of the widget.
const integrity = JSON.parse(fs.readFileSync(path.join(widget, 'integrity.json'), 'utf8'))['embed.js'];
const snippet = scorecardFeed(
  ['snippet', 'build/feed.json', '--url', siteUrl + feedPath, '--embed-js', siteUrl + 'embed.js', '--integrity', integrity, '--link', siteUrl],
  { capture: true },
);
if (snippet.code !== 0) fail('the snippet could not be written');
fs.writeFileSync(path.join(site, 'snippet.html'), snippet.stdout);
const title = escapeHtml(feed.meta.title);
fs.writeFileSync(
  path.join(site, 'index.html'),
  `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
${snippet.stdout}
<h2>Put it on your page</h2>
<p>Paste this where the scorecard should appear:</p>
<pre><code>${escapeHtml(snippet.stdout)}</code></pre>
<p>The feed: <a href="${feedPath}">${feedPath}</a>${hasDiff && previous.feed ? ' · <a href="changes.md">what changed</a> · <a href="updates.atom">updates (Atom)</a>' : ''}</p>
</main>
</body>
</html>
`,
);

console.log(`\nThe site is in site/, for ${siteUrl}. Paste this where the scorecard should appear:\n\n${snippet.stdout}`);
if (process.env.GITHUB_STEP_SUMMARY) {
  fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### The embed snippet\n\n\`\`\`html\n${snippet.stdout}\`\`\`\n`);
}
