import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as sitrep from '../src/index.js';

test('the library extracts an article in one call, every layer filled', () => {
  const x = sitrep.extract({
    id: 'lib', url: null, source: null, published: '2024-06-14', title: null,
    text: 'Iraqi forces arrested three militants in Mosul on Tuesday, the Interior Ministry said. The ministry said the men had planned attacks on police stations.',
  });
  assert.equal(x.schema, sitrep.SCHEMA);
  assert.deepEqual(x.times.map((t) => [t.text, t.value]), [['Tuesday', '2024-06-11']]);
  assert.deepEqual(x.quantities.map((q) => [q.value, q.unit]), [[3, 'militant']]);
  assert.ok(x.places.some((p) => p.name === 'Mosul' && p.country === 'IRQ'));
  assert.ok(x.actors.some((a) => a.code === 'IRQMIL' || a.code === 'IRQCOP'));
  assert.ok(x.events.some((e) => e.type === 'COERCE' && e.status === 'reported'));
});

test('a pipeline can be built with layers left out, and refuses a broken order', () => {
  const onlyTimes = sitrep.createPipeline({ skip: ['quantities', 'places', 'actors', 'quotes', 'events'] });
  assert.deepEqual(onlyTimes.annotators.map((a) => a.name), ['times']);
  assert.throws(() => new sitrep.Pipeline([sitrep.createQuantitiesAnnotator()]), /needs times/);
});
