import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc/document.js';
import { splitSentences } from '../src/doc/sentences.js';
import { tokenize } from '../src/doc/tokens.js';
import type { Article } from '../src/article/article.js';

const article = (text: string): Article => ({ id: 't', url: null, source: null, published: '2024-05-02', title: null, text });
const sentenceTexts = (text: string) => splitSentences(text).map((s) => text.slice(s.start, s.end));

test('sentences end at . ! ? before a capital, and at line breaks', () => {
  assert.deepEqual(sentenceTexts('Troops left the base. They returned at dawn! Why?\nA new line starts here'), [
    'Troops left the base.',
    'They returned at dawn!',
    'Why?',
    'A new line starts here',
  ]);
});

test('titles, months and dotted abbreviations do not end sentences', () => {
  assert.deepEqual(sentenceTexts('Gen. Ahmed Saleh met Ms. Ortiz on Dec. 3 at the U.S. Embassy in Amman. The talks ran late.'), [
    'Gen. Ahmed Saleh met Ms. Ortiz on Dec. 3 at the U.S. Embassy in Amman.',
    'The talks ran late.',
  ]);
});

test('a dotted abbreviation ends a sentence before a typical opener', () => {
  assert.deepEqual(sentenceTexts('The aid came from the U.S. The shipment arrived Monday.'), ['The aid came from the U.S.', 'The shipment arrived Monday.']);
});

test('closing quotes stay with their sentence', () => {
  assert.deepEqual(sentenceTexts('“We are ready.” The minister left. He said: "Enough." Then silence.'), [
    '“We are ready.”',
    'The minister left.',
    'He said: "Enough."',
    'Then silence.',
  ]);
});

test('tokens keep dotted abbreviations, numbers with separators and apostrophes whole', () => {
  const tokens = tokenize('The U.S. sent 2,500 troops at 2:30 a.m.; Iraq’s army didn’t wait.');
  assert.deepEqual(tokens.map((t) => t.text), ['The', 'U.S.', 'sent', '2,500', 'troops', 'at', '2:30', 'a.m.', ';', 'Iraq’s', 'army', 'didn’t', 'wait', '.']);
  assert.equal(tokens[1]!.kind, 'abbrev');
  assert.equal(tokens[3]!.kind, 'number');
  assert.equal(tokens[9]!.norm, "iraq's");
});

test('every sentence and token offset indexes the article text', () => {
  const text = 'First line.\n\n  Second “quoted” part — with a dash.  \nThird, with émigrés and 40,000 km².';
  const doc = new Doc(article(text));
  assert.equal(doc.sentences.length, 3);
  for (const s of doc.sentences) {
    assert.equal(text.slice(s.start, s.end).trim(), text.slice(s.start, s.end));
    for (const t of doc.sentenceTokens(s)) {
      assert.equal(text.slice(t.start, t.end), t.text);
      assert.ok(t.start >= s.start && t.end <= s.end);
    }
  }
  assert.equal(doc.sentenceAt(text.indexOf('dash'))?.index, 1);
  assert.equal(doc.sentenceAt(12), undefined);
});

test('empty text gives an empty document', () => {
  const doc = new Doc(article(''));
  assert.equal(doc.sentences.length, 0);
  assert.equal(doc.tokens.length, 0);
});
