// Writes fsrs_reference.csv: what ts-fsrs 5.4.2 schedules for one review, row by row, so that
// tests/core_fsrs_test.cpp can hold src/core/fsrs.cpp to it without anything outside the
// repository. Run by hand only (never by the build, the tests or CI), from a scratch folder
// outside the repository where the reference is installed:
//
//   mkdir /tmp/fsrs-gen && cd /tmp/fsrs-gen && npm init -y && npm install ts-fsrs@5.4.2
//   node REPO/tests/data/make_fsrs_reference.mjs > REPO/tests/data/fsrs_reference.csv
//
// ts-fsrs is looked up from the current folder, not from this file's. Every row is one review
// through the scheduler (FSRS.next, what sets a card's due date) from a known memory state; the
// low-level FSRSAlgorithm.next_state must give the same state, and the script stops if it does
// not. The random parts use a seeded generator, so the output is the same on every run.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const home = path.join(process.cwd(), 'node_modules', 'ts-fsrs');
const { version, module: entry } = JSON.parse(readFileSync(path.join(home, 'package.json'), 'utf8'));
if (version !== '5.4.2') throw new Error(`expected ts-fsrs 5.4.2 in ${home}, found ${version}`);
const { fsrs, generatorParameters, createEmptyCard, State } = await import(pathToFileURL(path.join(home, entry)).href);

const retentions = [0.7, 0.9, 0.97];
const settings = (request_retention) => ({
  enable_fuzz: false,
  enable_short_term: true,
  learning_steps: [],
  relearning_steps: [],
  request_retention,
  maximum_interval: 36500,
});
const schedulers = new Map(retentions.map((r) => [r, fsrs(generatorParameters(settings(r)))]));

// mulberry32: a small seeded generator, uniform in [0, 1).
let seed = 20260415;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const between = (low, high) => low + Math.floor(random() * (high - low + 1));

const day = 86_400_000;
const start = Date.UTC(2026, 0, 1, 12);  // noon UTC: whole days apart are whole calendar days apart
const rows = [];

// The first answer to a new card.
function first(r, grade) {
  const f = schedulers.get(r);
  const card = f.next(createEmptyCard(new Date(start)), new Date(start), grade).card;
  rows.push(['new', 'new', 0, grade, r, card.stability, card.difficulty, card.scheduled_days, '']);
  return card;
}

// A review `elapsed` whole days after the last one, from memory state (stability, difficulty).
function review(r, stability, difficulty, elapsed, grade) {
  const f = schedulers.get(r);
  const last = new Date(start);
  const card = {
    due: last, stability, difficulty, elapsed_days: 0, scheduled_days: 0, reps: 3, lapses: 0,
    learning_steps: 0, state: State.Review, last_review: last,
  };
  const next = f.next(card, new Date(start + elapsed * day), grade).card;
  const low = f.next_state({ stability, difficulty }, elapsed, grade);
  if (low.stability !== next.stability || low.difficulty !== next.difficulty)
    throw new Error(`next_state and FSRS.next disagree at ${[stability, difficulty, elapsed, grade]}`);
  const recall = f.forgetting_curve(elapsed, stability);
  rows.push([stability, difficulty, elapsed, grade, r, next.stability, next.difficulty, next.scheduled_days, recall]);
  return next;
}

const pick = (weights) => {
  let x = random() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < weights.length; ++i) if ((x -= weights[i]) < 0) return i + 1;
  return weights.length;
};

// 1. Every first answer at every retention.
for (const r of retentions) for (const grade of [1, 2, 3, 4]) first(r, grade);

// 2. Random histories: nine reviews after a first answer, each after 0 days (a quarter: the
//    same-day rule), 1 day, around the scheduled interval, or a break of one to fifty years.
for (const r of retentions)
  for (let n = 0; n < 45; ++n) {
    let card = first(r, pick([1, 1, 2, 1]));
    rows.pop();  // the first answers are all in part 1 already
    for (let i = 0; i < 9; ++i) {
      const kind = pick([25, 10, 45, 20]);
      const elapsed = kind === 1 ? 0 : kind === 2 ? 1
        : kind === 3 ? Math.max(1, Math.round(card.scheduled_days * (0.3 + 1.7 * random())))
        : between(365, 18250);
      card = review(r, card.stability, card.difficulty, elapsed, pick([20, 25, 35, 20]));
    }
  }

// 3. Up to the stability cap: an easy card answered Easy after breaks of ten to fifty years until
//    stability stops at 36,500 days, then each grade after a long break and the same day.
for (const r of retentions)
  for (let n = 0; n < 4; ++n) {
    let card = first(r, 4);
    rows.pop();
    for (let i = 0; i < 6; ++i) card = review(r, card.stability, card.difficulty, between(3650, 18250), 4);
    for (const grade of [1, 2, 3, 4]) review(r, card.stability, card.difficulty, between(3650, 36500), grade);
    for (const grade of [1, 2, 3, 4]) review(r, card.stability, card.difficulty, 0, grade);
  }

// 4. A grid over stability and difficulty: every grade the same day (where the floor matters)
//    and the next day, at the default retention.
for (const stability of [0.001, 0.01, 0.1, 0.5, 1, 2.3065, 5, 20, 100, 1000, 10000, 36500])
  for (const difficulty of [1, 5.5, 10])
    for (const elapsed of [0, 1])
      for (const grade of [1, 2, 3, 4]) review(0.9, stability, difficulty, elapsed, grade);

// 5. Long breaks from high stabilities, every grade: where the cap and the maximum interval bind.
for (const r of retentions)
  for (const stability of [1000, 10000, 30000, 36500])
    for (const elapsed of [3650, 36500, 100000])
      for (const grade of [1, 2, 3, 4]) review(r, stability, 5, elapsed, grade);

const p = settings(0.9);
console.log(`# ts-fsrs ${version} (npm), run on Node ${process.version} by tests/data/make_fsrs_reference.mjs:`);
console.log('#   mkdir /tmp/fsrs-gen && cd /tmp/fsrs-gen && npm init -y && npm install ts-fsrs@5.4.2');
console.log('#   node REPO/tests/data/make_fsrs_reference.mjs > REPO/tests/data/fsrs_reference.csv');
console.log(`# Parameters: generatorParameters({enable_fuzz: ${p.enable_fuzz}, enable_short_term: ${p.enable_short_term},` +
            ` learning_steps: [], relearning_steps: [], request_retention: R, maximum_interval: ${p.maximum_interval}})` +
            ' with the default FSRS-6 weights; R is the retention column.');
console.log('# Each row is one review through FSRS.next from the state on its left, the previous review at noon UTC and');
console.log('# this one elapsed_days whole days later; "new" marks a first answer. interval_days is the scheduled_days');
console.log('# ts-fsrs gives; retrievability is forgetting_curve(elapsed_days, prev_stability) (empty for a first answer).');
console.log('# ts-fsrs rounds stability, difficulty and retrievability to 8 decimals.');
console.log('prev_stability,prev_difficulty,elapsed_days,grade,retention,stability,difficulty,interval_days,retrievability');
for (const row of rows) console.log(row.join(','));
