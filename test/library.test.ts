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

test('the library keeps a corpus: store two reports of one arrest, query it as one event, brief it', async () => {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const path = await import('node:path');
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-lib-'));
  const db = sitrep.openStore(path.join(dir, 'store.db'));
  try {
    const writer = new sitrep.CorpusWriter(db);
    const report = (id: string, source: string, text: string) =>
      writer.save(sitrep.extract({ id, url: `https://${source}.example/${id}`, source, published: '2024-06-12', title: null, text }), id);
    assert.equal(report('a', 'north-desk', 'Iraqi forces arrested three militants in Mosul on Tuesday, the Interior Ministry said.').status, 'new');
    assert.equal(report('b', 'river-wire', 'Three militants were arrested by Iraqi forces in Mosul on Tuesday, officials said.').status, 'new');
    const found = sitrep.queryEvents(db, sitrep.parseEventFilter({ type: 'COERCE', place: 'Mosul' }));
    assert.equal(found.total, 1, 'two reports of the arrest are one event');
    assert.equal(found.events[0]!.numSources, 2);
    assert.equal(found.events[0]!.date, '2024-06-11');
    const brief = sitrep.buildBrief(db, sitrep.parseBriefOptions({ asOf: '2024-06-30' }));
    assert.ok(brief.timeline.some((item) => item.citations.length >= 1));
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
