import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc/document.js';
import type { Quantity } from '../src/doc/layers.js';
import { createQuantitiesAnnotator } from '../src/layers/quantities/index.js';
import { skipWithoutShared } from './support/shared.js';
import { devGoldFigures } from './support/reference.js';

const annotator = createQuantitiesAnnotator();

function quantitiesOf(text: string): Quantity[] {
  const doc = new Doc({ id: 't', url: null, source: null, published: '2024-05-10', title: null, text });
  annotator.annotate(doc);
  return doc.layers.quantities;
}

/**
 * [sentence, span of the quantity (null: the sentence has none), value, unit, approx, extra].
 * When a sentence has several quantities the row names one by its span. Add rows freely.
 */
type Row = [string, string | null, number | null, string | null, boolean, { min?: number; max?: number }?];

const rows: Row[] = [
  // figures, words, scales
  ['The convoy carried 2,500 troops to the border.', '2,500 troops', 2500, 'troop', false],
  ['Gunmen shot four police officers at the checkpoint.', 'four police officers', 4, 'officer', false],
  ['Officials counted a dozen burned vehicles on the road.', 'a dozen burned vehicles', 12, 'vehicle', false],
  ['The fighting displaced 8 million people across the region.', '8 million people', 8_000_000, 'person', false],
  ['Donors pledged 1.5 billion euros for reconstruction.', '1.5 billion euros', 1_500_000_000, 'EUR', false],
  ['The ministry hired twenty-five new interpreters.', 'twenty-five new interpreters', 25, 'interpreter', false],
  ['Rescuers pulled two hundred and fifty survivors from the rubble.', 'two hundred and fifty survivors', 250, 'survivor', false],
  ['Some two and a half million refugees crossed the river.', 'Some two and a half million refugees', 2_500_000, 'refugee', true],
  ['The patrol found 0 working radios in the depot.', '0 working radios', 0, 'radio', false],
  // money and percent
  ['Congress approved $2 billion in military aid.', '$2 billion', 2_000_000_000, 'USD', false],
  ['The contract is worth US$45 million over three years.', 'US$45 million', 45_000_000, 'USD', false],
  ['Smugglers were paid $3.5bn last year, the report said.', '$3.5bn', 3_500_000_000, 'USD', false],
  ['The fund lost £12m after the raid on its office.', '£12m', 12_000_000, 'GBP', false],
  ['Turnout fell to 38 percent in the northern districts.', '38 percent', 38, 'percent', false],
  ['Prices for flour rose 12% in a month.', '12%', 12, 'percent', false],
  ['The group now holds less than 2 per cent of its former land.', 'less than 2 per cent', 2, 'percent', true, { max: 2 }],
  // approximation markers
  ['The coalition flew more than 600 sorties over the city.', 'more than 600 sorties', 600, 'sortie', true, { min: 600 }],
  ['Nearly 3,000 families fled the town.', 'Nearly 3,000 families', 3000, 'family', true, { max: 3000 }],
  ['Approximately 40 trucks waited at the crossing.', 'Approximately 40 trucks', 40, 'truck', true],
  ['At least 17 civilians died in the shelling.', 'At least 17 civilians', 17, 'civilian', true, { min: 17 }],
  ['Up to 300 contractors may leave the base.', 'Up to 300 contractors', 300, 'contractor', true, { max: 300 }],
  ['Roughly 90 detainees were moved overnight.', 'Roughly 90 detainees', 90, 'detainee', true],
  ['Some 1,200 Kurdish fighters joined the offensive.', 'Some 1,200 Kurdish fighters', 1200, 'fighter', true],
  ['About 150 foreign volunteers arrived by bus.', 'About 150 foreign volunteers', 150, 'volunteer', true],
  ['A crowd of 1,000 or so protesters gathered outside.', '1,000 or so protesters', 1000, 'protester', true],
  // ranges: value is the lower bound, min/max the bounds
  ['Between 20 and 30 gunmen stormed the village.', 'Between 20 and 30 gunmen', 20, 'gunman', true, { min: 20, max: 30 }],
  ['The strike killed 20 to 30 militants, officials said.', '20 to 30 militants', 20, 'militant', true, { min: 20, max: 30 }],
  ['Two or three drones circled the camp.', 'Two or three drones', 2, 'drone', true, { min: 2, max: 3 }],
  ['The unit lost 40-50 vehicles in the retreat.', '40-50 vehicles', 40, 'vehicle', true, { min: 40, max: 50 }],
  ['The plan costs $2 to $3 million a year.', '$2 to $3 million', 2_000_000, 'USD', true, { min: 2_000_000, max: 3_000_000 }],
  // head nouns behind modifiers, multi-word units
  ['Four Islamic State operatives were captured near the dam.', 'Four Islamic State operatives', 4, 'operative', false],
  ['Five US service members were hurt in the blast.', 'Five US service members', 5, 'service member', false],
  ['The raid freed one additional US contractor held by the militia.', 'one additional US contractor', 1, 'contractor', false],
  ['Partner forces ran 21 partnered operations last month.', '21 partnered operations', 21, 'operation', false],
  ['There were 0 U.S.-only operations in the period.', '0 U.S.-only operations', 0, 'operation', false],
  ['The militia seized 40,000 square miles of desert.', '40,000 square miles', 40_000, 'square mile', false],
  ['Three Coalition personnel were evacuated.', 'Three Coalition personnel', 3, 'personnel', false],
  ['Approximately 18 122mm Grad rockets hit the airfield.', 'Approximately 18 122mm Grad rockets', 18, 'rocket', true],
  ['The army bought two F-16s from the supplier.', 'two F-16s', 2, 'F-16', false],
  ['The column stopped some 325 kilometers north of the capital.', 'some 325 kilometers', 325, 'kilometer', true],
  ['The convoy was 5km from the front.', '5km', 5, 'kilometer', false],
  ['The airline ordered five new 737 aircraft.', 'five new 737 aircraft', 5, 'aircraft', false],
  ['Jets dropped two 500-pound bombs on the depot.', 'two 500-pound bombs', 2, 'bomb', false],
  ["Iraq's 5,000 border guards were put on alert.", '5,000 border guards', 5000, 'guard', false],
  ['The ministry asked for $16.6 billion in loans.', '$16.6 billion', 16_600_000_000, 'USD', false],
  // elided nouns: from a partitive or from an earlier count
  ['Two of the injured soldiers were flown to Germany.', 'Two', 2, 'soldier', false],
  ['Police detained 14 suspects and released 9 on Monday.', '9', 9, 'suspect', false],
  ['Guards arrested 31 smugglers. Six were later freed.', 'Six', 6, 'smuggler', false],
  // vague amounts: value null, min
  ['Hundreds of troops massed on the border.', 'Hundreds of troops', null, 'troop', true, { min: 200 }],
  ['Thousands fled the city overnight.', 'Thousands', null, null, true, { min: 2000 }],
  ['Dozens of houses burned in the fire.', 'Dozens of houses', null, 'house', true, { min: 24 }],
  ['Several journalists were detained.', 'Several journalists', null, 'journalist', true, { min: 3 }],
  ['Scores of prisoners escaped from the jail.', 'Scores of prisoners', null, 'prisoner', true, { min: 40 }],
  ['Tens of thousands of people marched in the capital.', 'Tens of thousands of people', null, 'person', true, { min: 20_000 }],
  ['Several hundred militiamen surrendered.', 'Several hundred militiamen', null, 'militiaman', true, { min: 300 }],
  ['Hundreds of millions of dollars went missing.', 'Hundreds of millions of dollars', null, 'USD', true, { min: 200_000_000 }],
  // not quantities
  ['He was one of the commanders of the brigade.', null, null, null, false],
  ['The 35-year-old driver was released.', null, null, null, false],
  ['The suspect, aged 35, was released.', null, null, null, false],
  ['Omar Haddad, 42, was detained at his home.', null, null, null, false],
  ['It was the first attack on the base.', null, null, null, false],
  ['The 2nd Battalion moved to the border.', null, null, null, false],
  ['The militants fired 107mm rockets at the base.', null, null, null, false],
  ['An MQ-9 crashed in the desert.', null, null, null, false],
  ['The F-16 returned safely to the carrier.', null, null, null, false],
  ['The council adopted Resolution 2254 after long talks.', null, null, null, false],
  ['The attack on Tower 22 was condemned.', null, null, null, false],
  ['The mission ended in 2014 after talks broke down.', null, null, null, false],
  ['The talks will resume on Dec. 28 in the capital.', null, null, null, false],
  ['The ceasefire held for 10 years along the border.', null, null, null, false],
  ['The blast happened at 2:30 p.m. near the market.', null, null, null, false],
  ['A one-way drone struck the outpost.', null, null, null, false],
  ['The 23-day operation ended quietly.', null, null, null, false],
  ['For details call 202-555-0143 during office hours.', null, null, null, false],
  ['The spokesman said no one was hurt.', null, null, null, false],
  ['At one point the shelling stopped.', null, null, null, false],
  ['The score of the match was 3-1 for the visitors.', null, null, null, false],
  ['Its press release 20240510-02 gave no details.', null, null, null, false],
  ['Nearly 1 in 4 children in the camp is underweight.', null, null, null, false],
  ['The agency said the 787 was grounded.', null, null, null, false],
];

describe('quantities: sentences we wrote', () => {
  for (const [sentence, span, value, unit, approx, extra] of rows) {
    test(`${JSON.stringify(sentence)} -> ${span === null ? 'nothing' : `${span} = ${value} ${unit}`}`, () => {
      const found = quantitiesOf(sentence);
      if (span === null) {
        assert.deepEqual(found.map((q) => q.text), [], 'no quantity');
        return;
      }
      const q = found.find((x) => x.text === span);
      assert.ok(q, `a quantity spanning "${span}"; found ${JSON.stringify(found.map((x) => x.text))}`);
      assert.equal(q.value, value, 'value');
      assert.equal(q.unit, unit, 'unit');
      assert.equal(q.approx, approx, 'approx');
      if (extra?.min !== undefined) assert.equal(q.min, extra.min, 'min');
      if (extra?.max !== undefined) assert.equal(q.max, extra.max, 'max');
      assert.equal(sentence.slice(q.start, q.end), q.text, 'offsets match the text');
      if (q.unitSpan) assert.equal(sentence.slice(q.unitSpan.start, q.unitSpan.end), q.unitSpan.text, 'unit span offsets match');
    });
  }

  test('the unit span points at the counted noun', () => {
    const [q] = quantitiesOf('Rebels freed 5,700 adult male prisoners on Sunday.');
    assert.equal(q?.text, '5,700 adult male prisoners');
    assert.equal(q?.unitSpan?.text, 'prisoners');
  });

  test('several quantities in one sentence, in text order with ids', () => {
    const found = quantitiesOf('The strikes killed 31 fighters and 8 civilians, and wounded about 40 others.');
    assert.deepEqual(found.map((q) => [q.id, q.text, q.value, q.unit]), [
      ['q1', '31 fighters', 31, 'fighter'],
      ['q2', '8 civilians', 8, 'civilian'],
      ['q3', 'about 40', 40, 'civilian'],
    ]);
  });

  test('numbers inside time expressions of the times layer are skipped', () => {
    const text = 'The base held 300 soldiers for 24 hours.';
    const doc = new Doc({ id: 't', url: null, source: null, published: null, title: null, text });
    const start = text.indexOf('300 soldiers');
    // A times layer that (wrongly or not) claims the stretch wins over the quantities layer.
    doc.layers.times.push({ id: 't1', start, end: start + 3, text: '300', type: 'DURATION', value: 'P300D' });
    annotator.annotate(doc);
    assert.deepEqual(doc.layers.quantities, []);
  });
});

describe('quantities on the dev gold, scored by the reference scorer', { skip: skipWithoutShared }, () => {
  test('quantities_f1 and quantities_unit_acc reach 0.90', () => {
    const figures = devGoldFigures();
    assert.ok(figures.quantities_f1! >= 0.9, `quantities_f1 ${figures.quantities_f1}`);
    assert.ok(figures.quantities_unit_acc! >= 0.9, `quantities_unit_acc ${figures.quantities_unit_acc}`);
  });
});
