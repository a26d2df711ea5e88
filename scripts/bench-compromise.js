// The compromise reference of scripts/bench: nlp(text).places() over every document of a JSONL file.
//
//     node scripts/bench-compromise.js MODULES_DIR corpus.jsonl
//
// MODULES_DIR is the --prefix folder that `npm install --prefix MODULES_DIR compromise` filled (kept
// outside the repository, e.g. ~/.cache/geomention-bench).  Reads the "text" of each line, and prints
// one JSON line: documents, bytes of text (UTF-8), places found, seconds spent loading compromise, and
// seconds spent in nlp(...).places() (the file is read before the clock starts).
'use strict';
const fs = require('fs');
const path = require('path');
const { createRequire } = require('module');

if (process.argv.length < 4) {
  process.stderr.write('usage: node bench-compromise.js MODULES_DIR corpus.jsonl\n');
  process.exit(1);
}
const t0 = process.hrtime.bigint();
// resolve 'compromise' from MODULES_DIR through its package exports (the CommonJS build)
const nlp = createRequire(path.join(path.resolve(process.argv[2]), 'package.json'))('compromise');
const loadSecs = Number(process.hrtime.bigint() - t0) / 1e9;

const texts = [];
for (const line of fs.readFileSync(process.argv[3], 'utf8').split('\n')) {
  if (!line) continue;
  const t = JSON.parse(line).text;
  if (typeof t === 'string' && t) texts.push(t);
}

let bytes = 0, places = 0;
const t1 = process.hrtime.bigint();
for (const t of texts) {
  bytes += Buffer.byteLength(t, 'utf8');
  places += nlp(t).places().out('array').length;
}
const secs = Number(process.hrtime.bigint() - t1) / 1e9;
process.stdout.write(JSON.stringify({ docs: texts.length, bytes, places, load_secs: loadSecs, secs }) + '\n');
