import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readArticleFile } from '../src/article/read.js';
import type { EventRecord } from '../src/doc/layers.js';
import { createPipeline } from '../src/extract.js';
import { EventLexiconError, PLOVER_TYPES, createEventsAnnotator } from '../src/layers/events/index.js';
import { toExtraction, type Extraction } from '../src/output/json.js';
import { formatReport } from '../src/output/report.js';
import { sharedDir, skipWithoutShared } from './support/shared.js';

// Sentences written for these tests; facts may echo the news, the wording is ours.

const pipeline = createPipeline();
const work = mkdtempSync(path.join(tmpdir(), 'sitrep-events-'));
after(() => rmSync(work, { recursive: true, force: true }));

function extract(text: string, published: string | null = '2024-05-10'): Extraction {
  return toExtraction(pipeline.run({ id: 't', url: null, source: null, published, title: null, text }));
}

const codeOf = (x: Extraction, id: string | null) => (id ? (x.actors.find((a) => a.id === id)?.code ?? null) : null);
const countryOf = (x: Extraction, id: string | null) => (id ? (x.places.find((p) => p.id === id)?.country ?? null) : null);

/** The one event of `type` whose trigger is `trigger`, failing the test when there is none. */
function eventOf(x: Extraction, type: string, trigger?: string): EventRecord {
  const e = x.events.find((ev) => ev.type === type && (trigger === undefined || ev.trigger.text === trigger));
  assert.ok(e, `no ${type}${trigger ? ` on “${trigger}”` : ''} in ${JSON.stringify(x.events.map((ev) => `${ev.type} ${ev.trigger.text}`))}`);
  return e;
}

describe('events: one sentence for each of the 16 PLOVER types', () => {
  const cases: [string, string, string][] = [
    ['AGREE', 'The two governments signed a ceasefire agreement in Doha on Monday.', '03'],
    ['CONSULT', 'The Turkish foreign minister met with his Iranian counterpart in Ankara on Tuesday.', '04'],
    ['SUPPORT', 'The European Union praised Kenya for leading the security mission in Haiti.', '05'],
    ['CONCEDE', 'The junta lifted the curfew in the capital after a week of calm.', '08'],
    ['COOPERATE', 'Jordanian and U.S. special forces conducted joint exercises near the border.', '06'],
    ['AID', 'Japan will provide $50 million in humanitarian aid to Sudan.', '07'],
    ['RETREAT', 'Russian troops withdrew from the town of Kherson on Friday.', '08'],
    ['REQUEST', 'The Security Council urged both parties to return to negotiations.', '02|10'],
    ['ACCUSE', 'Pakistan accused India of sponsoring militants in Balochistan.', '09|11'],
    ['REJECT', 'Hamas rejected the proposal put forward by Egyptian mediators.', '12'],
    ['THREATEN', 'North Korea threatened to strike U.S. bases in the Pacific.', '13'],
    ['PROTEST', 'Thousands of students demonstrated in Dhaka on Sunday against the quota system.', '14'],
    ['SANCTION', 'The United Kingdom imposed sanctions on three Iranian officials on Thursday.', '16'],
    ['MOBILIZE', 'China deployed additional warships near Taiwan last week.', '15'],
    ['COERCE', 'Police in Kampala arrested the opposition leader on Wednesday.', '17'],
    ['ASSAULT', 'Militants attacked an army checkpoint near Peshawar, killing two soldiers.', '18|19'],
  ];
  test('the cases cover every type', () => assert.deepEqual(cases.map((c) => c[0]).sort(), [...PLOVER_TYPES].sort()));
  for (const [type, sentence, cameo] of cases) {
    test(`${type}: “${sentence}”`, () => {
      const x = extract(sentence);
      const e = eventOf(x, type);
      assert.ok(cameo.split('|').includes(e.cameo), `cameo ${e.cameo}, want ${cameo}`);
      assert.equal(x.text.slice(e.trigger.start, e.trigger.end), e.trigger.text);
      assert.ok(e.sentence.start <= e.trigger.start && e.trigger.end <= e.sentence.end);
      assert.ok(e.confidence > 0 && e.confidence < 1);
    });
  }
});

describe('events: status', () => {
  test('reported: a completed attack', () => {
    assert.equal(eventOf(extract('Turkish drones struck a convoy near Qamishli on Saturday.'), 'ASSAULT').status, 'reported');
  });
  test('ongoing: a progressive, and a participle in a present-tense clause', () => {
    assert.equal(eventOf(extract('The coalition is still working with local partners in Raqqa.'), 'COOPERATE').status, 'ongoing');
    assert.equal(eventOf(extract('France has 1,500 soldiers in Chad training and advising the Chadian army.'), 'AID').status, 'ongoing');
  });
  test('planned: "will", "plans to", and reported speech with "would"', () => {
    assert.equal(eventOf(extract('Germany will withdraw its troops from Mali by the end of the year.'), 'RETREAT').status, 'planned');
    assert.equal(eventOf(extract('The army plans to launch a new offensive against the rebels.'), 'ASSAULT').status, 'planned');
    assert.equal(eventOf(extract('Officials said on Monday that the garrison would be reduced by 2026.'), 'RETREAT').status, 'planned');
  });
  test('negated: "is not withdrawing", "does not mean a withdrawal", "denied carrying out"', () => {
    assert.equal(eventOf(extract('Washington is not withdrawing its forces from Poland, the envoy said.'), 'RETREAT').status, 'negated');
    assert.equal(eventOf(extract('The ministry insisted the new plan does not mean a full withdrawal of the peacekeepers.'), 'RETREAT').status, 'negated');
    assert.equal(eventOf(extract('The rebel group denied carrying out the bombing in the market.'), 'ASSAULT').status, 'negated');
  });
  test('hypothetical: a condition, a modal of possibility, a threat or a demand', () => {
    assert.equal(eventOf(extract('The militia could attack the airport again if the talks fail.'), 'ASSAULT').status, 'hypothetical');
    assert.equal(eventOf(extract('If the army enters the city, the rebels will surrender.'), 'RETREAT').status, 'hypothetical');
    assert.equal(eventOf(extract('The opposition urged the government to release the detained journalists.'), 'CONCEDE').status, 'hypothetical');
  });
});

describe('events: roles', () => {
  test('active voice: the subject is the source, the object the target', () => {
    const x = extract('Ethiopian troops attacked Eritrean positions near Badme on Monday.');
    const e = eventOf(x, 'ASSAULT');
    assert.equal(codeOf(x, e.source), 'ETHMIL');
  });
  test('passive voice: "was attacked by" gives the agent as source and the subject as target', () => {
    const x = extract('A police station in Kandahar was attacked by Taliban gunmen on Monday.');
    const e = eventOf(x, 'ASSAULT');
    assert.match(codeOf(x, e.source) ?? '', /^AFGREB$|^TALIBAN$/);
    assert.equal(codeOf(x, e.target), 'AFGCOP');
  });
  test('coordinated sources: the first conjunct is the source; a two-sided event takes the second as target', () => {
    const raid = extract('U.S. and Iraqi forces launched a raid against al-Qaeda fighters in Anbar.');
    assert.equal(codeOf(raid, eventOf(raid, 'ASSAULT').source), 'USAMIL');
    assert.equal(codeOf(raid, eventOf(raid, 'ASSAULT').target), 'ALQAEDA');
    const talks = extract('The Sudanese army and the Rapid Support Forces agreed to a truce on Saturday.');
    const agree = eventOf(talks, 'AGREE');
    assert.equal(codeOf(talks, agree.source), 'SDNMIL');
    assert.equal(codeOf(talks, agree.target), 'SDNREB');
  });
  test('relative clause: "a raid ... that killed" is one event, its toll and its target from the clause', () => {
    const x = extract('Israeli troops launched a raid on the Jenin camp that killed two Islamic Jihad militants.');
    const assaults = x.events.filter((e) => e.type === 'ASSAULT');
    assert.equal(assaults.length, 1);
    assert.equal(codeOf(x, assaults[0]!.source), 'ISRMIL');
    assert.equal(assaults[0]!.fatalities, 2);
  });
  test('nominal trigger: the light verb\'s subject and a possessive give the source', () => {
    const x = extract('The Nigerian army conducted an airstrike against Boko Haram camps in Borno state.');
    const e = eventOf(x, 'ASSAULT');
    assert.equal(codeOf(x, e.source), 'NGAMIL');
    assert.equal(e.mode, 'airstrike');
    const y = extract('The Kenyan government welcomed the African Union\'s decision to extend the mission.');
    assert.equal(codeOf(y, eventOf(y, 'SUPPORT').source), 'KENGOV');
  });
  test('apposition: "X, a key ally, has refused" keeps X as the source', () => {
    const x = extract('Pakistan, a key U.S. ally in the region, has refused to deploy troops to Yemen.');
    assert.equal(codeOf(x, eventOf(x, 'REJECT').source), 'PAK');
  });
  test('reported speech: "X said that Y must ..." is a request from X to Y', () => {
    const x = extract('The French foreign minister said that Russia must withdraw its forces from Moldova.');
    const e = eventOf(x, 'REQUEST');
    assert.equal(codeOf(x, e.source), 'FRAGOV');
    assert.equal(codeOf(x, e.target), 'RUS');
  });
});

describe('events: clauses', () => {
  test('"in retaliation for" tells an earlier event, with its own time, actors and toll', () => {
    const x = extract('U.S. forces struck militia depots in Syria on Friday in retaliation for a drone attack that killed three U.S. soldiers in Jordan last weekend.', '2024-02-03');
    const assaults = x.events.filter((e) => e.type === 'ASSAULT');
    assert.equal(assaults.length, 2);
    const [strike, drone] = assaults;
    assert.equal(codeOf(x, strike!.source), 'USAMIL');
    assert.equal(strike!.date, '2024-02-02');
    assert.equal(strike!.fatalities, null);
    assert.equal(drone!.fatalities, 3);
    assert.equal(codeOf(x, drone!.target), 'USAMIL');
    assert.match(drone!.date ?? '', /^2024-W04/);
  });
  test('"X asked Y to leave": Y is the one asked to act', () => {
    const x = extract('The prime minister asked the coalition to leave the country.');
    const e = eventOf(x, 'RETREAT');
    assert.equal(e.status, 'hypothetical');
    assert.equal(codeOf(x, e.source), 'COALITION');
  });
  test('"accused X of shelling": X is the source of the shelling', () => {
    const x = extract('Armenia accused Azerbaijan of shelling villages near the border.');
    assert.equal(codeOf(x, eventOf(x, 'ACCUSE').target), 'AZE');
    assert.equal(codeOf(x, eventOf(x, 'ASSAULT').source), 'AZE');
  });
  test('a dateline is not where the events happened', () => {
    const x = extract('TAMPA, Fla. – U.S. Central Command forces conducted a raid in eastern Syria on Tuesday.');
    assert.equal(countryOf(x, eventOf(x, 'ASSAULT').place), 'SYR');
  });
  test('a speech verb with an event noun as object is its light verb: "declared a state of emergency"', () => {
    const x = extract('The Ethiopian government declared a state of emergency in the Amhara region.');
    const coerce = x.events.filter((e) => e.type === 'COERCE');
    assert.equal(coerce.length, 1);
    assert.equal(codeOf(x, coerce[0]!.source), 'ETHGOV');
  });
});

describe('events: dates, places and tolls', () => {
  test('the time of the event\'s own clause, not the time of the statement', () => {
    const x = extract('On Friday, officials said the minister met the Qatari emir in Doha in April.');
    assert.equal(eventOf(x, 'CONSULT').date, '2024-04');
    assert.equal(countryOf(x, eventOf(x, 'CONSULT').place), 'QAT');
  });
  test('a planned event is dated by its deadline; a duration counted from the report gives its end', () => {
    assert.equal(eventOf(extract('The mission will end in September 2025, the ministry said.'), 'RETREAT').date, '2025-09');
    const x = extract('The U.S. military presence in Niger will wind down over the next year.');
    const e = eventOf(x, 'RETREAT');
    assert.equal(e.status, 'planned');
    assert.equal(e.date, '2025');
  });
  test('a statement with no time is dated by the report (dateSource "published")', () => {
    const x = extract('The foreign ministry condemned the attack on the embassy.', '2023-11-02');
    const e = eventOf(x, 'ACCUSE') as EventRecord & { dateSource?: string };
    assert.equal(e.date, '2023-11-02');
    assert.equal(e.dateSource, 'published');
  });
  test('no publication date: relative dates stay unresolved and no date is guessed', () => {
    const e = eventOf(extract('Rebels shelled the airport on Tuesday.', null), 'ASSAULT') as EventRecord & { dateSource?: string };
    assert.equal(e.date, null);
    assert.equal(e.dateSource, null);
  });
  test('tolls: a count after the verb, a count before a passive, one named person, "no casualties"', () => {
    assert.equal(eventOf(extract('Gunmen killed 14 villagers in Zamfara state on Sunday.'), 'ASSAULT').fatalities, 14);
    assert.equal(eventOf(extract('Three peacekeepers were killed in an ambush near Kidal.'), 'ASSAULT').fatalities, 3);
    assert.equal(eventOf(extract('A drone strike killed the commander of the militia near Marib.'), 'ASSAULT').fatalities, 1);
    assert.equal(eventOf(extract('There were no casualties in the rocket attack, the army said.'), 'ASSAULT').fatalities, 0);
  });
  test('the place of the event, from its own clause', () => {
    const x = extract('Sudanese army jets bombed a market in El Fasher, Sudan, on Monday.');
    assert.equal(countryOf(x, eventOf(x, 'ASSAULT').place), 'SDN');
  });
});

describe('events: the article as a whole', () => {
  test('a later "the attack" is the same event: no second event, and its toll completes the first', () => {
    const x = extract('Militants fired rockets at an air base in Anbar province on Tuesday. The attack killed one contractor.');
    const assaults = x.events.filter((e) => e.type === 'ASSAULT');
    assert.equal(assaults.length, 1);
    assert.equal(assaults[0]!.fatalities, 1);
  });
  test('statements in a call readout take the date of the call', () => {
    const x = extract('The Secretary spoke with the Iraqi prime minister yesterday. The Secretary condemned the rocket attacks on coalition bases.', '2024-03-16');
    assert.equal(eventOf(x, 'CONSULT').date, '2024-03-15');
    assert.equal(eventOf(x, 'ACCUSE').date, '2024-03-15');
  });
  test('"we" in a quote is its speaker', () => {
    const x = extract('“We congratulate the Iraqi security forces on this victory,” said General Michael Kurilla, the CENTCOM commander.');
    assert.equal(codeOf(x, eventOf(x, 'SUPPORT').source), 'USAMIL');
  });
});

describe('events: the lexicon is data users extend', () => {
  test('a user trigger file adds a sense, tried before the shipped ones', () => {
    const file = path.join(work, 'extra-triggers.json');
    writeFileSync(file, JSON.stringify({ entries: [{ id: 'user.kneecap', type: 'ASSAULT', cameo: '18', mode: 'punishment shooting', verbs: ['kneecap'] }] }));
    const own = createPipeline({ eventLexicons: [file] });
    const x = toExtraction(own.run({ id: 't', url: null, source: null, published: '2024-05-10', title: null, text: 'Paramilitaries kneecapped a teenager in Belfast.' }));
    const e = eventOf(x, 'ASSAULT');
    assert.equal(e.mode, 'punishment shooting');
    assert.equal(e.cameo, '18');
    assert.equal(extract('Paramilitaries kneecapped a teenager in Belfast.').events.length, 0, 'the shipped lexicon does not know the word');
  });
  test('a bad user file is refused with its file and field named', () => {
    const file = path.join(work, 'bad-triggers.json');
    writeFileSync(file, JSON.stringify({ entries: [{ type: 'ATTACK', verbs: ['storm'] }] }));
    assert.throws(() => createEventsAnnotator({ lexicons: [file] }), (e: unknown) => e instanceof EventLexiconError && e.message.includes('bad-triggers.json') && e.message.includes('entries[0].type'));
  });
});

describe('events: the readable report', () => {
  test('one line per event, then its sentence', () => {
    const report = formatReport(extract('Egyptian police arrested 40 protesters in Cairo on Friday.'));
    const at = report.indexOf('Events (');
    assert.ok(at >= 0, report);
    const lines = report.slice(at).split('\n');
    assert.match(lines[1]!, /2024-05-10 +reported +COERCE\(arrest\) +.*\(EGYCOP\) → .* · Cairo · “arrested”/);
    assert.match(lines[2]!, /^ {6}Egyptian police arrested 40 protesters in Cairo on Friday\.$/);
  });
});

describe('events: general PLOVER rules (typing, noun or verb, roles, dates)', () => {
  test('forces or peacekeepers withdrawn are RETREAT; ambassadors recalled are SANCTION', () => {
    assert.equal(eventOf(extract('The United Nations plans to withdraw its last 3,000 peacekeepers from Mali by June 2025.'), 'RETREAT', 'withdraw').type, 'RETREAT');
    const x = extract('Ghana said it would withdraw its ambassador from Togo.');
    assert.ok(!x.events.some((e) => e.type === 'RETREAT'), JSON.stringify(x.events.map((e) => e.type)));
  });

  test('an abduction by an armed group is ASSAULT (abduction), not COERCE', () => {
    const x = extract('Suspected Islamic State fighters abducted at least 15 farmers in Niger on Tuesday.');
    const e = eventOf(x, 'ASSAULT', 'abducted');
    assert.equal(e.mode, 'abduction');
    assert.ok(!x.events.some((ev) => ev.type === 'COERCE'));
  });

  test('vowing to drive an armed group out is a threat', () => {
    const x = extract('The Malian president has vowed to drive Islamic State out of the Menaka region.');
    assert.ok(x.events.some((e) => e.type === 'THREATEN'), JSON.stringify(x.events.map((e) => e.type)));
    assert.ok(!x.events.some((e) => e.type === 'AGREE'));
  });

  test('a verb form after a number and an adjective is a noun ("30 commercial ships")', () => {
    const x = extract('Somali pirates have seized more than 10 foreign ships since January.');
    assert.ok(!x.events.some((e) => e.type === 'AID'), JSON.stringify(x.events.map((e) => `${e.type} ${e.trigger.text}`)));
  });

  test('"which arms X" is AID from the antecedent of the relative clause', () => {
    const x = extract('Russia, which arms the Syrian army, criticized the Turkish raids.');
    const e = eventOf(x, 'AID', 'arms');
    assert.equal(codeOf(x, e.source), 'RUS');
  });

  test('launching a naval mission is MOBILIZE, planned when expected', () => {
    const x = extract('India is expected to launch its own naval mission in the Arabian Sea next month.');
    const e = eventOf(x, 'MOBILIZE', 'launch');
    assert.equal(codeOf(x, e.source), 'IND');
    assert.equal(e.status, 'planned');
  });

  test('an act fired at something that is no actor keeps no target from another clause', () => {
    const x = extract('Houthi rebels fired a missile at an oil tanker on Friday, two days after Britain struck Houthi bases.');
    const e = eventOf(x, 'ASSAULT', 'fired');
    assert.equal(codeOf(x, e.target), null);
  });

  test('coordinated demonyms before an event noun are its sources, never its target', () => {
    const x = extract('Russia condemned the French and German strikes.');
    const e = eventOf(x, 'ASSAULT', 'strikes');
    assert.equal(codeOf(x, e.target), null);
    assert.match(codeOf(x, e.source) ?? '', /^FRA/);
  });

  test('condemning an abduction told before accuses its authors', () => {
    const x = extract('Al-Shabaab militants abducted 12 teachers in Mandera on Monday. President Ruto condemned the abduction.');
    const e = eventOf(x, 'ACCUSE');
    assert.equal(codeOf(x, e.target)?.slice(0, 3), codeOf(x, eventOf(x, 'ASSAULT', 'abducted').source)?.slice(0, 3));
    assert.notEqual(codeOf(x, e.target), null);
  });

  test('an undated act later in the paragraph takes its date; a TIME value gives its DATE part', () => {
    const x = extract('Gunmen raided a market in Zamfara at 9 p.m. on Saturday. Nigerian soldiers arrived an hour later and exchanged fire with the attackers.', '2024-05-13');
    assert.equal(eventOf(x, 'ASSAULT', 'raided').date, '2024-05-11');
    assert.equal(eventOf(x, 'ASSAULT', 'exchanged fire').date, '2024-05-11');
    const y = extract('Gunmen raided a market in Zamfara on Saturday.\n\nNigerian soldiers later exchanged fire with bandits.', '2024-05-13');
    assert.equal(eventOf(y, 'ASSAULT', 'exchanged fire').date, null);
  });
});

describe('events: joint raids, negated tolls, requests and descriptions', () => {
  const types = (x: Extraction) => JSON.stringify(x.events.map((e) => `${e.type} ${e.trigger.text}`));

  test('"an assault by A and B killed N": one event, the agents of the noun are its source, the verb its toll', () => {
    const x = extract('A joint assault by Nigerian troops and Chadian soldiers killed nine Boko Haram fighters near Maiduguri on Friday.');
    const assaults = x.events.filter((e) => e.type === 'ASSAULT');
    assert.equal(assaults.length, 1, types(x));
    assert.equal(codeOf(x, assaults[0]!.source), 'NGAMIL');
    assert.equal(assaults[0]!.fatalities, 9);
    assert.equal(assaults[0]!.date, '2024-05-10');
  });

  test('"no X or Y soldiers were hurt": negated, the soldiers are the target and the other side is not the source', () => {
    const x = extract('No Kenyan or Somali soldiers were wounded in the ambush.');
    const e = eventOf(x, 'ASSAULT', 'wounded');
    assert.equal(e.status, 'negated');
    assert.equal(codeOf(x, e.target), 'KENMIL');
    assert.equal(e.source, null);
    const hurt = eventOf(extract('Two Malian soldiers were hurt when their patrol came under fire.'), 'ASSAULT', 'hurt');
    assert.equal(codeOf(extract('Two Malian soldiers were hurt when their patrol came under fire.'), hurt.target), 'MLIMIL');
    assert.equal(eventOf(extract('It said no villagers were hurt.'), 'ASSAULT', 'hurt').status, 'negated');
  });

  test('declining to comment is no REJECT; declining to sign is', () => {
    assert.ok(!extract('The spokeswoman declined to comment on the talks.').events.some((e) => e.type === 'REJECT'));
    eventOf(extract('The minister declined to sign the accord.'), 'REJECT', 'declined');
  });

  test('"a commander responsible for attacks on detention centers" describes him: no ACCUSE, no COERCE', () => {
    const x = extract('The army said that a senior IS commander responsible for attacks on detention sites was among those killed.');
    assert.ok(!x.events.some((e) => e.type === 'ACCUSE' || e.type === 'COERCE'), types(x));
    const attacks = eventOf(x, 'ASSAULT', 'attacks');
    assert.equal(codeOf(x, attacks.source), 'ISIS');
    assert.notEqual(codeOf(x, attacks.target), 'ISIS');
  });

  test('"demanded that X leave", "pushed for X to withdraw": a request aimed at X, the departure hypothetical', () => {
    const x = extract('Protesters in Niamey demanded that French troops leave Niger.');
    assert.equal(codeOf(x, eventOf(x, 'REQUEST', 'demanded').target), 'FRAMIL');
    assert.equal(eventOf(x, 'RETREAT', 'leave').status, 'hypothetical');
    const y = extract('Opposition lawmakers in Baghdad have pushed for all American troops to withdraw from Iraq.');
    eventOf(y, 'REQUEST', 'pushed');
    assert.equal(eventOf(y, 'RETREAT', 'withdraw').status, 'hypothetical');
  });

  test('"its defeat": the owner of a defeat is its target', () => {
    const x = extract('Al-Shabaab controlled the port until its defeat in 2012.');
    const e = eventOf(x, 'ASSAULT', 'defeat');
    assert.equal(codeOf(x, e.target), 'ALQAEDA');
    assert.equal(e.source, null);
  });

  test('"as A and B were holding talks": the two capitals are the sides, not objects of "as"', () => {
    const x = extract('The strike came as Ankara and Baghdad were holding talks on water sharing.');
    const e = eventOf(x, 'CONSULT', 'talks');
    assert.equal(codeOf(x, e.source), 'TURGOV');
    assert.equal(codeOf(x, e.target), 'IRQGOV');
  });

  test('"the two discussed" retells the meeting of the sentence before', () => {
    const x = extract('The Kenyan president met Ethiopian Prime Minister Abiy Ahmed in Nairobi on Monday. The two discussed the drought.');
    const consults = x.events.filter((e) => e.type === 'CONSULT');
    assert.ok(consults.every((e) => codeOf(x, e.source) !== codeOf(x, e.target)), types(x));
    assert.ok(consults.every((e) => e.source !== null), types(x));
  });

  test('what a warning threatens is its content, not an event of its own', () => {
    const x = extract('The Houthis warned that further strikes would bring retaliation.');
    eventOf(x, 'THREATEN', 'warned');
    assert.ok(!x.events.some((e) => e.type === 'ASSAULT'), types(x));
  });

  test('"the planned deployment" is no light verb: the object of the threat keeps its target', () => {
    const x = extract('Moscow threatened to quit the treaty if Washington goes ahead with the planned deployment of missiles.');
    const e = eventOf(x, 'THREATEN', 'threatened');
    assert.equal(codeOf(x, e.source), 'RUSGOV');
  });
});

describe('events: activities that continue to a deadline', () => {
  const types = (x: Extraction) => JSON.stringify(x.events.map((e) => `${e.type} ${e.trigger.text}`));
  const published = '2025-06-02';

  test('"the X\'s counter-Y mission ... will continue until DATE": a planned ASSAULT of X on Y, dated by the deadline, placed where it runs', () => {
    const x = extract("NATO's counter-ISIS mission in Iraq, run from a headquarters in Baghdad, will continue until June 2027.", published);
    const e = eventOf(x, 'ASSAULT', 'mission');
    assert.equal(e.status, 'planned');
    assert.equal(e.date, '2027-06');
    assert.equal(e.dateSource, 'text');
    assert.equal(codeOf(x, e.source), 'NATO');
    assert.equal(codeOf(x, e.target), 'ISIS');
    assert.equal(countryOf(x, e.place), 'IRQ');
    // Keeping up an operation announces nothing new: no THREATEN beside it.
    assert.ok(!x.events.some((ev) => ev.type === 'THREATEN'), types(x));
  });

  test('a mission in one country run from bases in another is placed where it operates', () => {
    const x = extract('The alliance’s anti-Shabaab mission in Somalia operating from bases inside Kenya’s Garissa county will continue until March 2027.', published);
    const e = eventOf(x, 'ASSAULT', 'mission');
    assert.equal(e.status, 'planned');
    assert.equal(e.date, '2027-03');
    assert.equal(countryOf(x, e.place), 'SOM');
  });

  test('forces that remain until a date: MOBILIZE; a training mission that continues: AID', () => {
    const x = extract('German troops will remain in Lithuania until the end of 2027.', published);
    const stay = eventOf(x, 'MOBILIZE', 'remain');
    assert.deepEqual([stay.status, stay.date, codeOf(x, stay.source), countryOf(x, stay.place)], ['planned', '2027', 'DEUMIL', 'LTU']);
    const y = extract("The European Union's training mission in Mali will continue through 2026, officials said.", published);
    const aid = eventOf(y, 'AID', 'training mission');
    assert.deepEqual([aid.status, aid.date, codeOf(y, aid.source)], ['planned', '2026', 'EU']);
    const z = extract('The Pentagon said the U.S. military presence in Syria will last until September 2027.', published);
    assert.deepEqual([eventOf(z, 'MOBILIZE').status, eventOf(z, 'MOBILIZE').date], ['planned', '2027-09']);
  });

  test('"will continue to support operations against Y": the supporter fights Y, it does not support Y', () => {
    const x = extract('Britain will continue to support operations against the Houthis in Yemen until next spring.', published);
    assert.ok(!x.events.some((e) => e.type === 'SUPPORT'), types(x));
    const e = eventOf(x, 'ASSAULT');
    assert.equal(codeOf(x, e.source), 'GBR');
    assert.equal(codeOf(x, e.target), 'YEMREB');
    assert.equal(e.status, 'planned');
  });

  test('the continuation must be the noun\'s own verb, with a deadline', () => {
    const ended = extract('The training mission in the north ended in May, but the talks will continue until Friday.', published);
    assert.ok(!ended.events.some((e) => e.trigger.text.includes('mission')), types(ended));
    const noDeadline = extract('The coalition’s anti-ISIS mission in Syria will continue, officials said.', published);
    assert.ok(!noDeadline.events.some((e) => e.trigger.text === 'mission'), types(noDeadline));
    const aside = extract('The mission in Syria — a deployment the administration had tried to end — will continue until 2027.', published);
    assert.ok(!aside.events.some((e) => e.trigger.text === 'deployment'), types(aside));
    assert.ok(!extract('The U.S. ambassador will stay in Baghdad until June.', published).events.some((e) => e.type === 'MOBILIZE'));
  });

  test('"the current deployment will end" with no owner named: the force the article named last', () => {
    const x = extract('French troops have been in Niger since 2013. The current deployment will end its work next month.', published);
    const e = eventOf(x, 'RETREAT', 'end');
    assert.equal(codeOf(x, e.source), 'FRAMIL');
    assert.equal(e.status, 'planned');
  });
});

describe('events: blame, conditional threats and coordinated dates', () => {
  const types = (x: Extraction) => JSON.stringify(x.events.map((e) => `${e.type} ${e.trigger.text}`));

  test('"we hold X responsible for the attack": ACCUSE of X by the speaker, and X is the attack\'s author', () => {
    const x = extract('“We hold the Taliban and its allies in Kandahar responsible for the attack,” the Pakistani army spokesman said.');
    const e = eventOf(x, 'ACCUSE', 'hold');
    assert.equal(codeOf(x, e.source), 'PAKMIL');
    assert.equal(codeOf(x, e.target), 'AFGREB');
    assert.equal(codeOf(x, eventOf(x, 'ASSAULT', 'attack').source), 'AFGREB');
    assert.ok(!extract('The two delegations held talks in Oslo and said nobody was responsible.').events.some((ev) => ev.type === 'ACCUSE' && ev.trigger.text === 'held'));
  });

  test('"if X, we will answer": a conditional threat by the speaker; answering questions is none', () => {
    const x = extract('“If our soldiers are attacked again, we will answer, and the answer will not be symbolic,” the French defense minister said.');
    const e = eventOf(x, 'THREATEN', 'answer');
    assert.equal(codeOf(x, e.source), 'FRAMIL');
    assert.ok(!extract('The minister will answer questions from lawmakers on Thursday.').events.some((ev) => ev.type === 'THREATEN'), types(x));
  });

  test('"met ... on Tuesday and agreed": the time after the first verb dates the meeting too', () => {
    const x = extract('The defense ministers of Turkey and Iraq met in Ankara on Tuesday and agreed to form a joint committee.', '2025-01-23');
    assert.equal(eventOf(x, 'CONSULT', 'met').date, '2025-01-21');
    assert.equal(eventOf(x, 'AGREE', 'agreed').date, '2025-01-21');
  });
});

describe('events: witnesses, phrasal withdrawals, opposed sides and hearers', () => {
  const types = (x: Extraction) => JSON.stringify(x.events.map((e) => `${e.type} ${e.trigger.text}`));

  test('who hears or sees an attack is not its source; the actor after the perception verb is', () => {
    const heard = extract('Residents of Tikrit said they heard several blasts near the bridge late on Friday.');
    assert.equal(eventOf(heard, 'ASSAULT', 'blasts').source, null);
    const reported = extract('Villagers in Idlib reported a powerful explosion near the market on Sunday.');
    assert.equal(eventOf(reported, 'ASSAULT', 'explosion').source, null);
    const saw = extract('The Syrian army said its soldiers saw militants fire mortars at the outpost.');
    assert.notEqual(codeOf(saw, eventOf(saw, 'ASSAULT').source), 'SYRMIL');
    const named = extract('Kurdish fighters saw Turkish drones strike the village.');
    assert.equal(codeOf(named, eventOf(named, 'ASSAULT', 'strike').source), 'TURMIL');
    // Past a coordinator the verb has its own subject; with no subject of its own the perceiver acts.
    const acted = extract('Iraqi soldiers saw the gunmen and opened fire.');
    assert.equal(codeOf(acted, eventOf(acted, 'ASSAULT', 'opened fire').source), 'IRQMIL');
    const own = extract('Israel reported striking Hezbollah targets in southern Lebanon.');
    assert.equal(codeOf(own, eventOf(own, 'ASSAULT', 'striking').source), 'ISR');
  });

  test('"moving out of", "pulling out of", "handing X over to": RETREAT of the forces that leave', () => {
    const x = extract('French troops began moving out of their camp near Gao and handing it over to Malian soldiers on Monday.');
    const e = eventOf(x, 'RETREAT', 'moving out');
    assert.equal(codeOf(x, e.source), 'FRAMIL');
    const split = extract('Turkish soldiers handed the outpost over to Syrian rebels on Sunday.');
    assert.equal(codeOf(split, eventOf(split, 'RETREAT', 'handed').source), 'TURMIL');
    const joined = extract('Turkish soldiers handed over the outpost to Syrian rebels on Sunday.');
    assert.equal(codeOf(joined, eventOf(joined, 'RETREAT', 'handed over').source), 'TURMIL');
    assert.ok(!joined.events.some((ev) => ev.type === 'CONCEDE'), types(joined));
    // Handing people over is a release; moving out of a home is no event.
    const hostages = extract('The militia handed the hostages over to the Red Cross.');
    eventOf(hostages, 'CONCEDE', 'handed');
    assert.ok(!hostages.events.some((ev) => ev.type === 'RETREAT'), types(hostages));
    assert.deepEqual(extract('Families moved out of the flooded district last week.').events, []);
  });

  test('"cooperation against X": the side opposed is neither the source nor the target', () => {
    const x = extract('The two foreign ministers discussed closer cooperation against the Islamic State.');
    const e = eventOf(x, 'COOPERATE', 'cooperation');
    assert.notEqual(codeOf(x, e.source), 'ISIS');
    assert.notEqual(codeOf(x, e.target), 'ISIS');
    assert.notEqual(codeOf(x, eventOf(x, 'CONSULT', 'discussed').source), 'ISIS');
  });

  test('whom a statement is told to is no side of what it tells; a partner met in the sentence is the partner', () => {
    const x = extract('The Turkish foreign minister told reporters after the meeting that progress had been made.');
    assert.equal(codeOf(x, eventOf(x, 'CONSULT', 'meeting').source), 'TURGOV');
    const met = extract('Kenyan President William Ruto met the Somali prime minister in Nairobi on Monday and agreed to press ahead with a security pact that would replace the African Union mission.');
    assert.equal(codeOf(met, eventOf(met, 'AGREE', 'agreed').target), 'SOMGOV');
  });
});

describe('events: targets of blame, protests, requests and "the attackers"', () => {
  test('"blamed X for the shelling of Y": X is accused even when the shelling names no victim actor', () => {
    const x = extract('Syrian villagers blamed Turkey for the shelling of Ahmed Nasser near the border town.');
    assert.equal(codeOf(x, eventOf(x, 'ACCUSE', 'blamed').target), 'TUR');
    const y = extract('Lebanese officials accused Israel over the bombing of a farmhouse outside Tyre.');
    assert.equal(codeOf(y, eventOf(y, 'ACCUSE').target), 'ISR');
  });

  test('a protest whose subject names no known actor does not take its target for its source', () => {
    const staged = extract('Dozens of farmers staged protests on Friday to demand land reform from the Kenyan government.');
    const protest = eventOf(staged, 'PROTEST');
    assert.equal(protest.source, null);
    assert.equal(codeOf(staged, protest.target), 'KENGOV');
    const rioted = extract('Hundreds of miners rioted outside a mine on Monday, demanding higher wages from the Zambian government.');
    const riot = eventOf(rioted, 'PROTEST', 'rioted');
    assert.notEqual(codeOf(rioted, riot.source), 'ZMBGOV');
    assert.equal(codeOf(rioted, riot.target), 'ZMBGOV');
    // A subject that is a known actor still acts.
    const named = extract('Kenyan farmers staged protests on Friday against the Ugandan government.');
    assert.equal(codeOf(named, eventOf(named, 'PROTEST').target), 'UGAGOV');
  });

  test('"its demand that X ...", "demanded that X release ...": X is asked, not asking', () => {
    const noun = extract('The labour office repeated its demand today that Ethiopia ease curbs on Somali traders.');
    const demand = eventOf(noun, 'REQUEST', 'demand');
    assert.notEqual(codeOf(noun, demand.source), 'ETH');
    assert.equal(codeOf(noun, demand.target), 'ETH');
    // The asked actor acts in the clause the request opens; the released traders are not asked.
    const verb = extract('The labour office demanded that Ethiopia release the detained Somali traders.');
    assert.equal(codeOf(verb, eventOf(verb, 'REQUEST', 'demanded').target), 'ETH');
    const call = extract('Farmers renewed their call for Nigeria to release the detained leaders.');
    assert.equal(codeOf(call, eventOf(call, 'REQUEST').target), 'NGA');
  });

  test('"the attackers", "the gunmen" after a hostile verb stand for the author of the attack told before', () => {
    const later = extract('Al-Shabaab fighters raided a village in southern Somalia on Friday. Somali troops arrived later and exchanged fire with the attackers.');
    assert.equal(codeOf(later, eventOf(later, 'ASSAULT', 'exchanged fire').target), 'ALQAEDA');
    const same = extract('Al-Shabaab fighters raided a village in southern Somalia, and Kenyan troops clashed with the gunmen two hours later.');
    assert.equal(codeOf(same, eventOf(same, 'ASSAULT', 'clashed').target), 'ALQAEDA');
    // With no attack told before, the noun names nobody.
    const alone = extract('Somali troops exchanged fire with the attackers near Baidoa on Sunday.');
    assert.equal(eventOf(alone, 'ASSAULT', 'exchanged fire').target, null);
  });
});

describe('events on ../shared', { skip: skipWithoutShared }, () => {
  test('the seed report shows the planned withdrawal, the negated one, the April meeting and the raid', () => {
    const x = toExtraction(pipeline.run(readArticleFile(path.join(sharedDir, 'corpus/seed.json'))));
    const report = formatReport(x);
    const events = report.slice(report.indexOf('Events ('));
    const lineWith = (pattern: RegExp) => {
      const lines = events.split('\n');
      const i = lines.findIndex((l) => pattern.test(l));
      assert.ok(i >= 0, `no event line matching ${pattern} in\n${events}`);
      return { line: lines[i]!, sentence: lines[i + 1]! };
    };
    const planned = lineWith(/^ {3}2025-09 +planned +RETREAT/);
    assert.match(planned.sentence, /conclude its work in Iraq in September 2025/);
    const negated = lineWith(/negated +RETREAT.*“withdrawing”/);
    assert.match(negated.sentence, /the U\.S\. is not withdrawing from Iraq/);
    const meeting = lineWith(/^ {3}2024-04 +reported +CONSULT.*Washington/);
    assert.match(meeting.line, /USAGOV.*→.*IRQGOV/);
    assert.match(meeting.sentence, /President Biden discussed the transition in April/);
    const raid = lineWith(/reported +ASSAULT\(raid\).*→ .*\(ISIS\) · Syria · 4 killed/);
    assert.match(raid.sentence, /launched a raid into Syria/);
  });

  const scored = (corpus: string, gold: string) => {
    const out = mkdtempSync(path.join(work, 'pred-'));
    for (const file of readdirSync(gold).filter((f) => f.endsWith('.json'))) {
      const id = (JSON.parse(readFileSync(path.join(gold, file), 'utf8')) as { article: string }).article;
      writeFileSync(path.join(out, `${id}.json`), JSON.stringify(toExtraction(pipeline.run(readArticleFile(path.join(corpus, `${id}.json`))))));
    }
    const r = spawnSync(process.execPath, [path.join(sharedDir, 'eval/score.mjs'), '--corpus', corpus, '--gold', gold, '--pred', out, '--json'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const figures = JSON.parse(r.stdout) as Record<string, number>;
    assert.equal(figures.problems, 0, r.stdout);
    return figures;
  };

  test('dev gold: events F1 ≥ 0.70; source, target, status and date accuracy ≥ 0.75', () => {
    const f = scored(path.join(sharedDir, 'corpus'), path.join(sharedDir, 'gold'));
    assert.ok(f.events_f1! >= 0.7, `events_f1 ${f.events_f1}`);
    for (const k of ['events_source_acc', 'events_target_acc', 'events_status_acc', 'events_date_acc']) assert.ok(f[k]! >= 0.75, `${k} ${f[k]}`);
  });

  test('PLOVER gold standard records: events recall ≥ 0.60 and source accuracy ≥ 0.60', () => {
    const f = scored(path.join(sharedDir, 'plover-gsr/corpus'), path.join(sharedDir, 'plover-gsr/gold'));
    assert.ok(f.events_r! >= 0.6, `events_r ${f.events_r}`);
    assert.ok(f.events_source_acc! >= 0.6, `events_source_acc ${f.events_source_acc}`);
  });
});
