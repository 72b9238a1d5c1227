#!/usr/bin/env node
// Regenerates the README's pictures (docs/images/) from the demo data: the browser suite's "Pictures" tests
// drive the packaged extension in code-server and save full-size PNGs in test-results/pictures/, its "German"
// suite (display language de) its own screenshots; this script scales them to 75 % and writes docs/images/*.png and the
// animated docs/images/main-flow.gif (the flow-NN frames). docs/ is not in the .vsix (.vscodeignore is an
// allowlist). Needs the provisioned browser tools (npm run provision). Usage: npm run pictures
// (--no-run: only re-encode the PNGs of the last run).
'use strict';

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { PNG } = require('pngjs');
const { GIFEncoder, quantize, applyPalette } = require('gifenc');
const { ROOT } = require('./lib/cli');

const SHOTS = path.join(ROOT, 'test-results', 'pictures');
const OUT = path.join(ROOT, 'docs', 'images');
const SCALE = 0.75;
/** How long each frame of the GIF shows (ms): long enough to read the step. */
const FRAME_MS = 2200;
/** README name → the test's screenshot. */
const STILLS = {
  'tasks-tree.png': 'flow-01-tree.png',
  'task-editor.png': 'flow-03-saved.png',
  'todo-linked.png': 'flow-05-linked.png',
  'dark-theme.png': 'tree-editor-dark.png',
  'walkthrough.png': 'walkthrough.png',
};
/** The German suite's screenshot of the tree and the task editor (test/e2e/german.test.ts). */
const GERMAN_SHOTS = path.join(ROOT, 'test-results', 'screenshots', 'german');
const GERMAN_STEP = /-task-editor\.png$/;

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status})`);
  }
}

function takeScreenshots() {
  fs.rmSync(SHOTS, { recursive: true, force: true });
  fs.rmSync(GERMAN_SHOTS, { recursive: true, force: true });
  run('npm', ['run', 'test:e2e', '--', '--grep', '^(Pictures|German)'], { HUBSPOT_E2E_PICTURES: '1' });
}

/** Area-averaging downscale of an RGBA image (each target pixel is the mean of the source area it covers). */
function scale(image, factor) {
  const width = Math.round(image.width * factor);
  const height = Math.round(image.height * factor);
  const horizontal = resampleAxis(image.data, image.width, image.height, width, true);
  const data = resampleAxis(horizontal, width, image.height, height, false);
  return { width, height, data };
}

/** One axis of the area average: along x (`alongX`) from `from` to `to` pixels, or along y. */
function resampleAxis(source, width, height, to, alongX) {
  const from = alongX ? width : height;
  const outWidth = alongX ? to : width;
  const outHeight = alongX ? height : to;
  const out = new Uint8Array(outWidth * outHeight * 4);
  const ratio = from / to;
  const lines = alongX ? height : width;
  for (let line = 0; line < lines; line++) {
    for (let target = 0; target < to; target++) {
      const start = target * ratio;
      const end = start + ratio;
      const sum = [0, 0, 0, 0];
      for (let s = Math.floor(start); s < Math.ceil(end); s++) {
        const weight = Math.min(end, s + 1) - Math.max(start, s);
        const index = 4 * (alongX ? line * width + s : s * width + line);
        for (let c = 0; c < 4; c++) {
          sum[c] += source[index + c] * weight;
        }
      }
      const outIndex = 4 * (alongX ? line * outWidth + target : target * outWidth + line);
      for (let c = 0; c < 4; c++) {
        out[outIndex + c] = Math.round(sum[c] / ratio);
      }
    }
  }
  return out;
}

function readScaled(file) {
  return scale(PNG.sync.read(fs.readFileSync(path.isAbsolute(file) ? file : path.join(SHOTS, file))), SCALE);
}

function writePng(image, file) {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data);
  fs.writeFileSync(file, PNG.sync.write(png, { deflateLevel: 9 }));
}

/** One palette for all frames (sampled from each), so colours do not flicker between frames. */
function writeGif(frames, file) {
  const sample = Buffer.concat(frames.map((frame) => Buffer.from(frame.data.filter((_, i) => Math.floor(i / 4) % 7 === 0))));
  const palette = quantize(new Uint8Array(sample), 256);
  const gif = GIFEncoder();
  for (const frame of frames) {
    gif.writeFrame(applyPalette(frame.data, palette), frame.width, frame.height, { palette, delay: FRAME_MS });
  }
  gif.finish();
  fs.writeFileSync(file, gif.bytes());
}

function main() {
  if (!process.argv.includes('--no-run')) {
    takeScreenshots();
  }
  fs.mkdirSync(OUT, { recursive: true });
  const sizes = [];
  for (const [name, shot] of Object.entries(STILLS)) {
    if (!fs.existsSync(path.join(SHOTS, shot))) {
      throw new Error(`the Pictures tests left no ${shot} in ${SHOTS}`);
    }
    writePng(readScaled(shot), path.join(OUT, name));
    sizes.push(name);
  }
  const german = fs.existsSync(GERMAN_SHOTS) ? fs.readdirSync(GERMAN_SHOTS).find((file) => GERMAN_STEP.test(file)) : undefined;
  if (!german) {
    throw new Error(`the German suite left no *-task-editor.png in ${GERMAN_SHOTS}`);
  }
  writePng(readScaled(path.join(GERMAN_SHOTS, german)), path.join(OUT, 'german.png'));
  sizes.push('german.png');
  const frameFiles = fs.readdirSync(SHOTS).filter((file) => /^flow-\d+-.*\.png$/.test(file)).sort();
  writeGif(frameFiles.map(readScaled), path.join(OUT, 'main-flow.gif'));
  sizes.push('main-flow.gif');
  for (const name of sizes) {
    console.log(`docs/images/${name}: ${(fs.statSync(path.join(OUT, name)).size / 1024).toFixed(0)} KB`);
  }
}

main();
