import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { evaluate } from '../src/eval/index.js';
import { repoRoot } from './support/shared.js';

// Floors on articles we wrote and annotated after the layers were built; they run without
// ../shared, so every checkout measures the whole pipeline on text it was not tuned on.
test('the whole pipeline on our own annotated articles stays above its floors', () => {
  const dir = path.join(repoRoot, 'test/fixtures/heldout');
  const { figures, problems } = evaluate({ corpusDir: path.join(dir, 'corpus'), goldDir: path.join(dir, 'gold') });
  assert.deepEqual(problems, []);
  const floors: Partial<Record<keyof typeof figures, number>> = {
    times_value_f1: 0.85,
    times_span_f1: 0.9,
    quantities_f1: 0.85,
    places_f1: 0.85,
    actors_f1: 0.75,
    quotes_f1: 0.9,
    quotes_speaker_acc: 0.8,
    events_f1: 0.7,
    events_source_acc: 0.75,
  };
  for (const [name, floor] of Object.entries(floors)) {
    const got = figures[name as keyof typeof figures] as number;
    assert.ok(got >= floor!, `${name} ${got} is below ${floor}`);
  }
});
