import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codesAgree, isSymmetricType } from '../src/corpus/same-event.js';

const actor = (code: string | null, country: string | null = null) => ({ code, country });

test('codes agree when one refines the other or both are organs of one state', () => {
  assert.equal(codesAgree(actor('USAMIL', 'USA'), actor('USAMIL', 'USA')), true);
  assert.equal(codesAgree(actor('USA', 'USA'), actor('USAMIL', 'USA')), true, 'a country acts through its military');
  assert.equal(codesAgree(actor('USAGOV', 'USA'), actor('USAMIL', 'USA')), true, 'two organs of one state');
  assert.equal(codesAgree(actor('IRQGOV', 'IRQ'), actor('IRQSPY', 'IRQ')), true);
  assert.equal(codesAgree(actor('ISIS'), actor('ISISMIL')), true, 'a transnational group refined');
});

test('codes disagree across countries, for non-state sectors, and when unknown', () => {
  assert.equal(codesAgree(actor('USAMIL', 'USA'), actor('IRQMIL', 'IRQ')), false);
  assert.equal(codesAgree(actor('USA', 'USA'), actor('USAMED', 'USA')), false, "a country's media are not its state");
  assert.equal(codesAgree(actor('SYRREB', 'SYR'), actor('SYRGOV', 'SYR')), false, 'rebels are not the government');
  assert.equal(codesAgree(actor('ISIS'), actor('AQAP')), false);
  assert.equal(codesAgree(actor(null), actor('ISIS')), false, 'an uncoded actor agrees only by identity');
});

test('meetings and agreements may swap sides between reports; attacks may not', () => {
  assert.equal(isSymmetricType('CONSULT'), true);
  assert.equal(isSymmetricType('AGREE'), true);
  assert.equal(isSymmetricType('ASSAULT'), false);
  assert.equal(isSymmetricType('ACCUSE'), false);
});
