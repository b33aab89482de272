import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../src/article/article.js';
import { createPipeline } from '../src/extract.js';
import { toExtraction } from '../src/output/json.js';
import { ExtractPool } from '../src/parallel/extract-pool.js';

const article = (id: string, text: string): Article => ({ id, url: null, source: null, published: '2024-05-10', title: null, text });
const articles = [
  article('one', 'Militants fired two rockets at the base on Tuesday. No one was hurt, officials said.'),
  article('two', 'The ministry said 300 troops would leave the province by June 2025.'),
  article('three', '"We will not withdraw," the minister told reporters in Baghdad on Friday.'),
  article('four', ''),
  article('five', 'About 1,200 families fled the fighting over the past week.'),
];

test('the pool extracts what the pipeline extracts, in input order, and survives a failing article', async () => {
  const pool = new ExtractPool(2);
  try {
    const pipeline = createPipeline();
    const expected = articles.map((a) => JSON.stringify(toExtraction(pipeline.run(a))));
    assert.deepEqual(await pool.extractMany(articles, 2), expected);

    const broken = { ...articles[0]!, text: null } as unknown as Article;
    await assert.rejects(pool.extract(broken));
    assert.equal(await pool.extract(articles[1]!), expected[1], 'the pool still works after a failed task');
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.extract(articles[0]!), /closed/);
});
