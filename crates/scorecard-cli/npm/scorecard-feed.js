#!/usr/bin/env node
// scorecard-feed for Node: the native command-line tool (crates/scorecard-cli) compiled to
// wasm32-wasip1 and run under Node's built-in WASI. It is the same program, so it takes the same
// arguments and prints the same messages with the same exit codes; this file only starts it.
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';

// Node 20's fast calls into WASI read the module's memory from before it grew: on a large feed
// the process crashed (SIGSEGV) once the tool was done. Calls take the ordinary path instead.
v8.setFlagsFromString('--no-turbo-fast-api-calls');

// WASI is still marked experimental in Node; its warning on every run would read as a problem
// with the feed. Every other warning is printed as usual.
const emitWarning = process.emitWarning;
process.emitWarning = function (warning, ...rest) {
  const type = typeof rest[0] === 'string' ? rest[0] : rest[0]?.type;
  if (type === 'ExperimentalWarning' && String(warning?.message ?? warning).startsWith('WASI')) return;
  return emitWarning.call(this, warning, ...rest);
};
const { WASI } = await import('node:wasi');

// The tool sees the whole file system as the native one does, from its root ("/" preopened), and
// starts in the shell's folder (PWD, read by main.rs), so relative and absolute paths both work.
// On Windows that root is the current drive's.
const cwd = process.cwd();
const root = path.parse(cwd).root;
const wasi = new WASI({
  version: 'preview1',
  args: ['scorecard-feed', ...process.argv.slice(2)],
  env: { PWD: '/' + path.relative(root, cwd).split(path.sep).join('/') },
  preopens: { '/': root },
  returnOnExit: true,
});
const wasm = await WebAssembly.compile(fs.readFileSync(new URL('./scorecard-feed.wasm', import.meta.url)));
const instance = await WebAssembly.instantiate(wasm, wasi.getImportObject());
try {
  process.exitCode = wasi.start(instance);
} catch (error) {
  // A panic (built with panic = "abort"): its message is already printed. Exit as an aborted
  // native process shows in a shell.
  console.error(`scorecard-feed: stopped by an internal error (${error.message})`);
  process.exitCode = 134;
}
