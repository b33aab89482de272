import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc/document.js';
import type { TimeExpression } from '../src/doc/layers.js';
import { createPipeline } from '../src/extract.js';
import { createTimesAnnotator } from '../src/layers/times/index.js';
import { clauseTense } from '../src/layers/times/tense.js';
import { tokenAt } from '../src/doc/token-search.js';
import { buildRules } from '../src/layers/times/grammar/index.js';
import { shippedLexicon } from '../src/layers/times/lexicon.js';
import { Scanner } from '../src/layers/times/scanner.js';
import { skipWithoutShared } from './support/shared.js';
import { devGoldFigures } from './support/reference.js';

const annotator = createTimesAnnotator();

function timesOf(text: string, published: string | null): TimeExpression[] {
  const doc = new Doc({ id: 't', url: null, source: null, published, title: null, text });
  annotator.annotate(doc);
  return doc.layers.times;
}

/**
 * [sentence, publication date (the DCT), span of the time, type, value]. A sentence may have
 * other times too; the row names one by its exact text. Add rows freely.
 */
type Row = [string, string | null, string, TimeExpression['type'], string | null];

const FRI = '2024-09-27'; // a Friday, ISO week 39

const rows: Row[] = [
  // weekdays: before the DCT in a past clause, after it in a future one, the DCT on its own weekday
  ['The ministry confirmed Friday that the base would close.', FRI, 'Friday', 'DATE', '2024-09-27'],
  ['The envoy arrived in Erbil on Tuesday.', FRI, 'Tuesday', 'DATE', '2024-09-24'],
  ['The two ministers will meet Monday in Amman.', FRI, 'Monday', 'DATE', '2024-09-30'],
  ['Negotiators are expected to sign the accord on Wednesday.', FRI, 'Wednesday', 'DATE', '2024-10-02'],
  ['Rebels shelled the airport last Saturday.', FRI, 'last Saturday', 'DATE', '2024-09-21'],
  ['The runoff takes place next Sunday.', FRI, 'next Sunday', 'DATE', '2024-09-29'],
  ['Militants attacked the convoy Thursday night.', FRI, 'Thursday night', 'TIME', '2024-09-26TNI'],
  ['Troops pulled back from the ridge early Monday.', FRI, 'early Monday', 'DATE', '2024-09-23'],
  ['The army said Tuesday that its unit was ambushed Saturday.', '2018-01-23', 'Saturday', 'DATE', '2018-01-20'],
  ['The army said Tuesday that its unit was ambushed Saturday.', '2018-01-23', 'Tuesday', 'DATE', '2018-01-23'],
  ['The Pentagon said Friday’s strike hit a depot.', FRI, 'Friday', 'DATE', '2024-09-27'],
  // month names, with and without a year
  ['The envoy raised the handover in April with the prime minister.', FRI, 'April', 'DATE', '2024-04'],
  ['The parliament will debate the bill in April.', FRI, 'April', 'DATE', '2025-04'],
  ['The rotation will end in September 2025.', FRI, 'September 2025', 'DATE', '2025-09'],
  ['Border patrols will go on until September 2026.', FRI, 'September 2026', 'DATE', '2026-09'],
  ['Airstrikes resumed in early June.', FRI, 'early June', 'DATE', '2024-06'],
  ['The talks first began in May of 2019.', FRI, 'May of 2019', 'DATE', '2019-05'],
  ['Families have returned since last October.', FRI, 'last October', 'DATE', '2023-10'],
  // a month in a past clause is the last one before the DCT, in a future clause the next one
  ['The army completed its withdrawal in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The last battalion withdrew from the border zone in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['Peacekeepers handed over the airport to the police in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The curfew ended in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['By then the brigade had completed its pullout in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The mission has handed over its last camp in December.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The army completed its withdrawal in December and will hand the bases to the police.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The truce that ended in December is not expected to be renewed.', '2024-06-10', 'December', 'DATE', '2023-12'],
  ['The withdrawal is scheduled to finish in December.', '2024-06-10', 'December', 'DATE', '2024-12'],
  ['The army plans to complete its withdrawal in December, officials said.', '2024-06-10', 'December', 'DATE', '2024-12'],
  ['Earlier in September, rebels shelled the ferry crossing.', '2024-09-14', 'September', 'DATE', '2024-09'],
  ['Rebels shelled the ferry crossing earlier in September.', '2024-09-14', 'September', 'DATE', '2024-09'],
  ['In February, the union held a strike.', '2022-07-13', 'February', 'DATE', '2022-02'],
  ['Figures for May 2023 show fewer raids.', '2023-06-06', 'May 2023', 'DATE', '2023-05'],
  // month and day: the year from the DCT, rolling over at the turn of the year
  ['The strike occurred on Dec. 28.', '2024-12-30', 'Dec. 28', 'DATE', '2024-12-28'],
  ['Two soldiers were wounded on Dec. 30, the army said.', '2025-01-02', 'Dec. 30', 'DATE', '2024-12-30'],
  ['Gunmen stormed the prison on December 11.', '2024-12-20', 'December 11', 'DATE', '2024-12-11'],
  ['The drone was shot down on December 27th.', '2025-01-03', 'December 27th', 'DATE', '2024-12-27'],
  ['The raid targeted a camp near the river on June 30, 2019.', FRI, 'June 30, 2019', 'DATE', '2019-06-30'],
  ['New elections will be held on Jan. 5.', '2024-12-20', 'Jan. 5', 'DATE', '2025-01-05'],
  ['The treaty was signed on 11 November 2018 in Paris.', FRI, '11 November 2018', 'DATE', '2018-11-11'],
  ['The hearing is set for the 3rd of March.', '2025-02-10', 'the 3rd of March', 'DATE', '2025-03-03'],
  ['A truce was declared on Friday, March 8, 2024.', FRI, 'Friday, March 8, 2024', 'DATE', '2024-03-08'],
  ['The summit is scheduled for Nov. 18.', FRI, 'Nov. 18', 'DATE', '2024-11-18'],
  ['The law took effect on 7/8/07.', '2007-07-09', '7/8/07', 'DATE', '2007-07-08'],
  ['Aid convoys will resume after Christmas.', '2024-12-20', 'Christmas', 'DATE', '2024-12-25'],
  // clock times and parts of the day
  ['The first rocket hit at 2:57 a.m. local time on December 11.', '2022-12-12', '2:57 a.m. local time on December 11', 'TIME', '2022-12-11T02:57'],
  ['The count was updated at 12:30 a.m. in Baghdad.', '2020-03-12', '12:30 a.m.', 'TIME', '2020-03-12T00:30'],
  ['Sirens sounded near the airfield at 1:38 pm local time.', '2023-03-23', '1:38 pm local time', 'TIME', '2023-03-23T13:38'],
  ['Trading halted at 16:08 UTC after the sell-off.', '2008-09-17', '16:08 UTC', 'TIME', '2008-09-17T16:08Z'],
  ['The curfew starts at 0600 GMT.', FRI, '0600 GMT', 'TIME', '2024-09-27T06:00Z'],
  ['The checkpoint closes at noon.', FRI, 'noon', 'TIME', '2024-09-27T12:00'],
  ['The airport reopened at 6 a.m. Saturday.', FRI, '6 a.m. Saturday', 'TIME', '2024-09-21T06:00'],
  ['Jets will strike the depots tonight.', '2023-03-23', 'tonight', 'TIME', '2023-03-23TNI'],
  ['Medics made a nighttime crossing to the field hospital on Feb. 12.', '2026-02-13', 'nighttime', 'TIME', '2026-02-12TNI'],
  ['Protesters gathered this morning outside the embassy.', FRI, 'this morning', 'TIME', '2024-09-27TMO'],
  ['Shelling went on last night.', FRI, 'last night', 'TIME', '2024-09-26TNI'],
  ['Shares rose in morning trading on Tuesday.', FRI, 'morning', 'TIME', '2024-09-24TMO'],
  // a clock time with no date in its sentence takes the day being narrated, not the DCT, and
  // not the day a statement about it was made
  ['Suspected fighters abducted at least 20 villagers on Saturday night, officials said on Sunday. The gunmen stormed the village around 10 p.m. and took mostly women and children.', '2023-11-20', '10 p.m.', 'TIME', '2023-11-18T22:00'],
  ['Militiamen shelled the river port on Wednesday. The barrage began at 4:15 a.m. and lasted an hour.', FRI, '4:15 a.m.', 'TIME', '2024-09-25T04:15'],
  ['The governor told reporters on Thursday that the convoy was attacked. The trucks were hit at 9 p.m., he said.', FRI, '9 p.m.', 'TIME', '2024-09-26T21:00'],
  ['Rebels seized the dam on Monday.\n\nThe market in the capital was calm. Shops shut at 6 p.m. as usual.', FRI, '6 p.m.', 'TIME', '2024-09-27T18:00'],
  // days counted from the DCT, and "the day" spoken of before
  ['The minister resigned today.', FRI, 'today', 'DATE', '2024-09-27'],
  ['Today’s attack was the deadliest this year.', FRI, 'Today', 'DATE', '2024-09-27'],
  ['Rebels seized the town yesterday.', FRI, 'yesterday', 'DATE', '2024-09-26'],
  ['The envoy flies to Cairo tomorrow.', FRI, 'tomorrow', 'DATE', '2024-09-28'],
  ['Earlier today, a medic was hurt at the clinic.', FRI, 'Earlier today', 'DATE', '2024-09-27'],
  ['The airspace was closed earlier in the day.', FRI, 'earlier in the day', 'DATE', '2024-09-27'],
  ['Jets bombed the depot on Friday after a warning issued earlier in the day.', '2023-07-09', 'earlier in the day', 'DATE', '2023-07-07'],
  ['Rebels attacked on June 3 and withdrew the next day.', FRI, 'the next day', 'DATE', '2024-06-04'],
  // weeks, months, years around the DCT
  ['The governor said earlier this month that the checkpoints would go.', FRI, 'earlier this month', 'DATE', '2024-09'],
  ['The secretary visited Baghdad last week.', '2018-01-23', 'last week', 'DATE', '2018-W03'],
  ['Protesters stormed the consulate this week.', '2020-01-02', 'this week', 'DATE', '2020-W01'],
  ['Elections will be held next year.', FRI, 'next year', 'DATE', '2025'],
  ['Violence has fallen this year.', FRI, 'this year', 'DATE', '2024'],
  ['Exports collapsed last month.', FRI, 'last month', 'DATE', '2024-08'],
  ['The talks resume next month.', FRI, 'next month', 'DATE', '2024-10'],
  // "the weekend" follows the weekday rule: before the DCT when told in the past, after it in the future.
  ['Fighting eased over the weekend.', FRI, 'the weekend', 'DATE', '2024-W38-WE'],
  ['Militias shelled the airport over the weekend.', '2025-01-21', 'the weekend', 'DATE', '2025-W03-WE'],
  ['The envoys will meet again over the weekend.', '2025-01-21', 'the weekend', 'DATE', '2025-W04-WE'],
  // "the year" is a year named in this sentence or the one before, else the DCT's.
  ['The pact was signed in 2019. By the end of the year, the border had reopened.', FRI, 'the end of the year', 'DATE', '2019'],
  ['A truce lasted until March 2026, aides said. The talks went slowly. Donors want a deal by the end of the year.', FRI, 'the end of the year', 'DATE', '2024'],
  ['The reactor will restart early next year.', FRI, 'early next year', 'DATE', '2025'],
  ['Troop levels will fall by mid-2025.', FRI, 'mid-2025', 'DATE', '2025'],
  ['The fund ran dry at the end of last year.', FRI, 'the end of last year', 'DATE', '2023'],
  ['The camp was emptied late last year.', FRI, 'late last year', 'DATE', '2023'],
  ['The mission will wind down by the end of 2024.', FRI, 'the end of 2024', 'DATE', '2024'],
  ['The war began in 2014; the previous year had been calm.', FRI, 'the previous year', 'DATE', '2013'],
  ['The garrison would shrink sharply by 2026.', FRI, '2026', 'DATE', '2026'],
  ['The last week of March was the deadliest.', FRI, 'The last week of March', 'DATE', '2024-W13'],
  ['In 1998 the town was seized; three years later it was retaken.', FRI, 'three years later', 'DATE', '2001'],
  ['The town fell to the militants two years ago.', FRI, 'two years ago', 'DATE', '2022'],
  ['The plant closed three days ago.', FRI, 'three days ago', 'DATE', '2024-09-24'],
  // decades, centuries, quarters, halves, seasons, fiscal years
  ['The group was founded in the 1990s.', FRI, 'the 1990s', 'DATE', '199'],
  ['Oil prices peaked in the late 1970s.', FRI, 'the late 1970s', 'DATE', '197'],
  ['Their parents fled in the ’80s.', FRI, 'the ’80s', 'DATE', '198'],
  ['The ruins date from the 12th century.', FRI, 'the 12th century', 'DATE', '11'],
  ['Profits fell in the third quarter.', '2024-11-10', 'the third quarter', 'DATE', '2024-Q3'],
  ['Revenue rose in the first quarter of 2023.', FRI, 'the first quarter of 2023', 'DATE', '2023-Q1'],
  ['Sales slumped in the fourth quarter, the company said.', '2025-02-01', 'the fourth quarter', 'DATE', '2024-Q4'],
  ['Growth slowed in the second half of this year.', FRI, 'the second half of this year', 'DATE', '2024-H2'],
  ['The harvest failed last summer.', '2024-11-27', 'last summer', 'DATE', '2024-SU'],
  ['The offensive is planned for the spring of 2025.', FRI, 'the spring of 2025', 'DATE', '2025-SP'],
  ['Fiscal 2023 results were weak.', FRI, 'Fiscal 2023', 'DATE', 'FY2023'],
  // durations
  ['The decade-long blockade is ending.', FRI, 'decade-long', 'DURATION', 'P10Y'],
  ['The training program will taper off over the next year.', FRI, 'the next year', 'DURATION', 'P1Y'],
  ['The pullout ends a decade after the first advisers arrived.', FRI, 'a decade', 'DURATION', 'P10Y'],
  ['Donors will review the program after 10 years.', FRI, '10 years', 'DURATION', 'P10Y'],
  ['The 23-day evacuation ended on Feb. 12.', '2026-02-13', '23-day', 'DURATION', 'P23D'],
  ['The standoff at the gate went on for almost two hours.', FRI, 'almost two hours', 'DURATION', 'PT2H'],
  ['Attacks have risen in recent weeks.', FRI, 'recent weeks', 'DURATION', 'PXW'],
  ['The agency will rebuild the bridges over the coming years.', FRI, 'the coming years', 'DURATION', 'PXY'],
  ['Smugglers have used the pass over the last several months.', FRI, 'the last several months', 'DURATION', 'PXM'],
  ['Both sides will trade prisoners over the coming days and weeks.', FRI, 'the coming days and weeks', 'DURATION', 'PXD'],
  ['Hours later, the embassy was evacuated.', FRI, 'Hours later', 'DURATION', 'PTXH'],
  ['The siege lasted 18 months.', FRI, '18 months', 'DURATION', 'P18M'],
  ['A 24-hour curfew was imposed on the city.', FRI, '24-hour', 'DURATION', 'PT24H'],
  ['The talks could last several weeks.', FRI, 'several weeks', 'DURATION', 'PXW'],
  ['The mandate was extended for six months.', FRI, 'six months', 'DURATION', 'P6M'],
  ['Aid has been blocked for two and a half years.', FRI, 'two and a half years', 'DURATION', 'P2.5Y'],
  ['The border stayed shut for half an hour.', FRI, 'half an hour', 'DURATION', 'PT30M'],
  ['Prices rose over the past 12 months.', FRI, 'the past 12 months', 'DURATION', 'P12M'],
  ['The dispute has festered for decades.', FRI, 'decades', 'DURATION', 'PXDE'],
  ['The uprising lasted five weeks.', FRI, 'five weeks', 'DURATION', 'P5W'],
  // sets
  ['Officials meet every week to review the plan.', FRI, 'every week', 'SET', 'P1W'],
  ['Patrols leave the base every two hours.', FRI, 'every two hours', 'SET', 'PT2H'],
  ['The council publishes an annual report on the camps.', FRI, 'annual', 'SET', 'P1Y'],
  ['Convoys cross the border twice a month.', FRI, 'twice a month', 'SET', 'P1M'],
  ['The network earns $5 million a year from smuggling.', FRI, 'a year', 'SET', 'P1Y'],
  ['The market is closed on Fridays.', FRI, 'Fridays', 'SET', 'XXXX-WXX-5'],
  ['The cabinet meets every Monday.', FRI, 'every Monday', 'SET', 'XXXX-WXX-1'],
  // vague references
  ['The militia currently holds three villages.', FRI, 'currently', 'DATE', 'PRESENT_REF'],
  ['The base is now under Iraqi control.', FRI, 'now', 'DATE', 'PRESENT_REF'],
  ['The militia recently moved its fighters north.', FRI, 'recently', 'DATE', 'PAST_REF'],
  ['Such incidents happened in the past as well.', FRI, 'the past', 'DATE', 'PAST_REF'],
  ['Engineers will raise the levee in the future.', FRI, 'the future', 'DATE', 'FUTURE_REF'],
  ['A decision on the base is expected soon.', FRI, 'soon', 'DATE', 'FUTURE_REF'],
  ['The troops will remain for the time being.', FRI, 'the time being', 'DATE', 'PRESENT_REF'],
];

describe('times: span, type and value of each expression', () => {
  for (const [sentence, published, span, type, value] of rows) {
    test(`${span} in “${sentence}” (${published})`, () => {
      const times = timesOf(sentence, published);
      const found = times.find((t) => t.text === span);
      assert.ok(found, `no time "${span}"; found ${JSON.stringify(times.map((t) => t.text))}`);
      assert.equal(found.type, type);
      assert.equal(found.value, value);
    });
  }
});

describe('times: what is not a time', () => {
  const none = [
    'The 35-year-old commander was arrested at the checkpoint.',
    'He is the current commander and a former general.',
    'The recent attacks were the first of their kind.',
    'It was the second time the group struck the base.',
    'He had previously served once in Mosul.',
    'At that time, nobody in the village knew.',
    'The 10th Mountain Division arrived with 2,000 troops.',
    'Theresa May said the militia may attack the capital.',
    'The Security Council adopted resolution 2254 without a vote.',
    'The Sunday Times reported the story first.',
    'Markets still remember Black Monday.',
    'A quarter of the troops left the camp.',
    'The victims were aged 30 to 50 years.',
    'About 1500 people fled toward the border.',
  ];
  for (const sentence of none) {
    test(`nothing in “${sentence}”`, () => {
      assert.deepEqual(timesOf(sentence, FRI).map((t) => t.text), []);
    });
  }

  test('“last” as a verb is not part of a period', () => {
    const times = timesOf('The talks will last 72 hours.', FRI);
    assert.deepEqual(times.map((t) => [t.text, t.value]), [['72 hours', 'PT72H']]);
  });
});

describe('times: records', () => {
  test('ids follow text order and spans index the text', () => {
    const text = 'On Friday, the mayor said the curfew begun in 2014 would end by September 2026 and last another year.';
    const doc = new Doc({ id: 't', url: null, source: null, published: FRI, title: null, text });
    annotator.annotate(doc);
    const times = doc.layers.times;
    assert.deepEqual(times.map((t) => t.id), times.map((_, i) => `t${i + 1}`));
    for (const t of times) assert.equal(doc.text.slice(t.start, t.end), t.text);
    assert.deepEqual(times.map((t) => t.text), ['Friday', '2014', 'September 2026', 'another year']);
  });

  test('bound words before a time are recorded, outside the span', () => {
    const times = timesOf('The levy will fall by 2026, stay until September 2026 and has applied since 2014.', FRI);
    assert.deepEqual(times.map((t) => [t.text, t.bound]), [['2026', 'by'], ['September 2026', 'until'], ['2014', 'since']]);
  });

  test('the tense that placed a weekday is kept as its anchor', () => {
    const [past] = timesOf('Rebels attacked the post on Wednesday.', FRI);
    const [future] = timesOf('Rebels will attack the post on Wednesday.', FRI);
    assert.deepEqual([past?.value, past?.anchor], ['2024-09-25', 'past']);
    assert.deepEqual([future?.value, future?.anchor], ['2024-10-02', 'future']);
  });

  test('without a publication date, relative times are found with value null', () => {
    const times = timesOf('Officials confirmed Friday that talks resume next year; the mission began in September 2014 and lasted 10 years.', null);
    assert.deepEqual(times.map((t) => [t.text, t.value]), [
      ['Friday', null],
      ['next year', null],
      ['September 2014', '2014-09'],
      ['10 years', 'P10Y'],
    ]);
  });
});

describe('clause tense', () => {
  const cases: [string, string, string | null][] = [
    ['The army said it will withdraw in May.', 'May', 'future'],
    ['The army withdrew in May.', 'May', 'past'],
    ['The fund would be cut sharply by 2026.', '2026', 'future'],
    ['The vote is scheduled for Monday.', 'Monday', 'future'],
    ['Talks have resumed since Monday.', 'Monday', 'past'],
    ['The office is open on Monday.', 'Monday', 'present'],
    ['Theresa May met him in March.', 'March', 'past'],
    ['Schools to reopen on Friday', 'Friday', 'future'],
    ['Officials said that on Monday the troops will leave.', 'Monday', 'future'],
    ['The force withdrew in May and will not return.', 'May', 'past'],
  ];
  for (const [sentence, word, expected] of cases) {
    test(`${expected} for “${word}” in “${sentence}”`, () => {
      const doc = new Doc({ id: 't', url: null, source: null, published: FRI, title: null, text: sentence });
      const at = sentence.indexOf(word);
      const first = tokenAt(doc.tokens, at);
      const s = doc.sentences[0]!;
      assert.equal(clauseTense(doc.tokens, s.tokenStart, s.tokenEnd, first, first), expected);
    });
  }
});

describe('figure starts declared with the rules', () => {
  // A rule's figure start lets the scanner skip the rule at figures it cannot match; it must
  // never skip one it would match. Figures of many shapes, each followed by many endings,
  // are scanned with and without the declarations: the candidates must be the same.
  const lex = shippedLexicon();
  const rules = buildRules(lex);
  const declared = rules.filter((r) => r.figure);
  const withStarts = new Scanner(rules, lex);
  const without = new Scanner(rules.map((r) => ({ ...r, figure: undefined })), lex);
  const figures = ['1', '7', '0', '05', '12', '20', '23', '30', '90', '99', '199', '600', '1990', '2000', '2009', '0800', '1530', '1230', '20000', '4.6', '8.04', '2:57', '16:08', '1,000'];
  const endings = ['', 's', "'s", '’s', ' pm', 'pm', ' p.m.', 'a.m.', ' AM', ':30', ':30 pm', '.30 p.m.', ' GMT', ' UTC', ' hours', ' hrs', "/8/07", '/12/2022', '-12-11', '-05-30', ' years', ' days', "'", '%', '-', ' o’clock', " o'clock", ' to 20', ' troops', '\u00a0pm', '\u00a0GMT'];
  const texts = figures.flatMap((f) => endings.map((e) => `The unit left at ${f}${e} that day.`));
  const found = (scanner: Scanner, text: string) =>
    scanner.scan(new Doc({ id: 't', url: null, source: null, published: FRI, title: null, text })).map((c) => `${c.rule.name} ${c.start}-${c.end}`);

  test('some rules declare one', () => assert.ok(declared.length >= 3));
  test('the scanner finds the same candidates with them as without', () => {
    for (const text of texts) assert.deepEqual(found(withStarts, text), found(without, text), text);
  });
  test('every declaring rule matches some of these figures', () => {
    const names = new Set(texts.flatMap((text) => found(withStarts, text).map((c) => c.split(' ')[0])));
    for (const rule of declared) assert.ok(names.has(rule.name), rule.name);
  });
});

describe('dev gold through the reference scorer', { skip: skipWithoutShared }, () => {
  test('times value F1 on ../shared/gold is at least 0.90', () => {
    const figures = devGoldFigures(createPipeline({ skip: ['quantities', 'places', 'actors', 'quotes', 'events'] }));
    assert.ok(figures.times_value_f1 >= 0.9, `times value F1 ${figures.times_value_f1}`);
    assert.ok(figures.times_span_f1 >= 0.93, `times span F1 ${figures.times_span_f1}`);
  });
});
