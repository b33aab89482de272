import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../src/article/article.js';
import { Doc } from '../src/doc/document.js';
import type { Actor } from '../src/doc/layers.js';
import { createPipeline } from '../src/extract.js';
import { createActorsAnnotator, LexiconError } from '../src/layers/actors/index.js';
import { repoRoot, skipWithoutShared } from './support/shared.js';
import { devGoldFigures } from './support/reference.js';

const annotator = createActorsAnnotator();
const work = mkdtempSync(path.join(tmpdir(), 'sitrep-actors-'));
after(() => rmSync(work, { recursive: true, force: true }));

function actors(text: string, source: string | null = null, annotate = annotator): Actor[] {
  const article: Article = { id: 't', url: null, source, published: '2024-09-27', title: null, text };
  const doc = new Doc(article);
  annotate.annotate(doc);
  for (const a of doc.layers.actors) for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'mention offsets index the text');
  return doc.layers.actors;
}

const codes = (text: string, source: string | null = null) => [...new Set(actors(text, source).map((a) => a.code))].sort();
/** The actor one mention (by its exact text) belongs to. */
function actorOf(list: Actor[], mention: string): Actor {
  const found = list.find((a) => a.mentions.some((m) => m.text === mention));
  assert.ok(found, `no actor has the mention "${mention}"; mentions: ${list.flatMap((a) => a.mentions.map((m) => m.text)).join(' | ')}`);
  return found;
}

describe('states, nationalities and capitals', () => {
  test('a nationality takes the sector of its noun', () => {
    const list = actors('Iraqi security forces cleared the district, Iraqi government officials said, and the Iraqi people welcomed American troops.');
    assert.equal(actorOf(list, 'Iraqi security forces').code, 'IRQMIL');
    assert.equal(actorOf(list, 'Iraqi government officials').code, 'IRQGOV');
    assert.equal(actorOf(list, 'Iraqi people').code, 'IRQ');
    assert.equal(actorOf(list, 'American troops').code, 'USAMIL');
  });

  test('capitals stand for governments, but not where they are places', () => {
    assert.deepEqual(codes('The accord between Washington and Baghdad was signed in Amman.'), ['IRQGOV', 'USAGOV']);
    assert.deepEqual(codes('Moscow rejected the proposal.'), ['RUSGOV']);
    assert.deepEqual(codes('The delegation flew from Tehran to Ankara for a meeting in Washington.'), []);
  });

  test('a country acting is a state; a country where things happen is not', () => {
    assert.deepEqual(codes('Iran warned that the United States would pay a price.'), ['IRN', 'USA']);
    assert.deepEqual(codes('Fighting spread across Iraq and Syria and into eastern Turkey.'), []);
    assert.deepEqual(codes('The convoy crossed from Jordan to Iraq near Camp Bravo, Iraq.'), []);
  });

  test('hyphen compounds describe; a relation names both sides', () => {
    assert.deepEqual(codes('Iran-aligned militias fired rockets at a U.S.-led base in Iraq.'), ['IRQREB']);
    assert.deepEqual(codes('Both leaders praised the U.S.-Iraq security partnership.'), ['IRQ', 'USA']);
  });

  test('a capitalized body name after a country is one actor with the sector of its last word', () => {
    const list = actors("Iraq's Joint Operations Command said the launch site was found, Nigeria's Defence Headquarters reported new arrests, and Kenya's Ministry of Interior extended the curfew. The command later said two suspects fled.");
    const iraq = actorOf(list, "Iraq's Joint Operations Command");
    assert.equal(iraq.code, 'IRQMIL');
    assert.equal(actorOf(list, 'command'), iraq);
    assert.equal(actorOf(list, "Nigeria's Defence Headquarters").code, 'NGAMIL');
    assert.equal(actorOf(list, "Kenya's Ministry of Interior").code, 'KENGOV');
    assert.ok(!list.some((a) => a.name === 'Command'), 'the last word is no person of its own');
    // Alone, "command" names no body.
    assert.deepEqual(codes('Troops under the command of a colonel stormed the village.'), []);
  });

  test('possessives: a body, a place, or the state itself', () => {
    const list = actors("Iraq's government protested the strike on Iraq's Anbar province and defended Iraq's sovereignty.");
    assert.equal(actorOf(list, "Iraq's government").code, 'IRQGOV');
    assert.deepEqual(list.map((a) => a.code).sort(), ['IRQ', 'IRQGOV']);
  });
});

describe('institutions, armed groups and IGOs', () => {
  test('state bodies by name', () => {
    const list = actors('The Pentagon, the Defense Department and U.S. Central Command declined to comment, but the State Department, the White House and the Kremlin did. Peshmerga units held the ridge.');
    assert.equal(actorOf(list, 'Pentagon').code, 'USAMIL');
    assert.equal(actorOf(list, 'Defense Department').code, 'USAMIL');
    assert.equal(actorOf(list, 'U.S. Central Command').code, 'USAMIL');
    assert.equal(actorOf(list, 'State Department').code, 'USAGOV');
    assert.equal(actorOf(list, 'White House').code, 'USAGOV');
    assert.equal(actorOf(list, 'Kremlin').code, 'RUSGOV');
    assert.equal(actorOf(list, 'Peshmerga units').code, 'IRQMIL');
  });

  test('aliases of one group are one actor, and "the terror group" points back at it', () => {
    const list = actors('ISIS fighters attacked a checkpoint. ISIL, also known as Daesh, later said the Islamic State group had lost ten men, and the terror group vowed revenge.');
    const isis = actorOf(list, 'ISIS fighters');
    assert.equal(isis.code, 'ISIS');
    for (const m of ['ISIL', 'Daesh', 'Islamic State group', 'terror group']) assert.equal(actorOf(list, m), isis);
  });

  test('affiliates and country-rooted groups', () => {
    assert.deepEqual(codes('Hurras al-Din and AQAP claimed the attack.'), ['ALQAEDA']);
    assert.deepEqual(codes("Kata'ib Hezbollah and the Houthis threatened Hezbollah's rivals; the SDF and the PKK stayed out."), ['IRQREB', 'LBNREB', 'SYRREB', 'TURREB', 'YEMREB']);
  });

  test('the coalition in its many names', () => {
    const list = actors('The coalition said CJTF-OIR and the Global Coalition to Defeat ISIS would keep coalition troops in place.');
    assert.deepEqual([...new Set(list.map((a) => a.code))], ['COALITION']);
    assert.deepEqual(codes('The U.S.-led task force targeted smugglers, NATO and the United Nations said.'), ['COALITION', 'NATO', 'UN']);
  });

  test('unnamed armed groups take the country they are placed in', () => {
    assert.deepEqual(codes('Shiite militias in Iraq have ties to Iran.'), ['IRN', 'IRQREB']);
    assert.deepEqual(codes('Rockets were fired at a base in Syria by groups affiliated with the IRGC.'), ['IRNMIL', 'SYRREB']);
  });

  test("another country's body of a shared name is that country's own", () => {
    const list = actors("Pakistan's Higher National Security Council convened on Sunday, while the Turkish National Security Council issued a statement and America's National Security Council stayed silent.");
    const pakistani = actorOf(list, "Pakistan's Higher National Security Council");
    assert.equal(pakistani.code, 'PAKGOV');
    assert.equal(pakistani.name, 'Pakistani Higher National Security Council');
    assert.equal(actorOf(list, 'Turkish National Security Council').code, 'TURGOV');
    assert.equal(actorOf(list, 'National Security Council').code, 'USAGOV');
    assert.equal(new Set([pakistani, actorOf(list, 'Turkish National Security Council'), actorOf(list, 'National Security Council')]).size, 3, 'three councils, three actors');
    const more = actors('The Egyptian Joint Chiefs of Staff met the U.S. Justice Department team, and the Canadian Department of Justice joined them.');
    assert.equal(actorOf(more, 'Egyptian Joint Chiefs of Staff').code, 'EGYMIL');
    assert.equal(actorOf(more, 'Canadian Department of Justice').code, 'CANGOV');
    assert.equal(actorOf(more, 'U.S. Justice Department').code, 'USAGOV');
  });

  test('a possessive before a proper-named body does not make it that country\'s', () => {
    const list = actors("Russia's Syrian Arab Army allies shelled the town, and Israel's Mossad and Iran's Quds Force traded accusations.");
    assert.equal(actorOf(list, 'Syrian Arab Army allies').code, 'SYRMIL');
    assert.equal(actorOf(list, 'Mossad').code, 'ISRSPY');
  });

  test('a country written "X\'s" keeps its possessive when a longer name also starts with it', () => {
    // The lexicon holds "Iran's Revolutionary Guard"; "Iran's" before anything else is still Iran's.
    const list = actors("Iran's Defense Ministry rejected the claim, and Iran's Revolutionary Guard stayed silent.");
    assert.equal(actorOf(list, "Iran's Defense Ministry").code, 'IRNMIL');
    assert.equal(actorOf(list, "Iran's Revolutionary Guard").code, 'IRNMIL');
  });

  test('partner forces are coded by where the sentence puts them', () => {
    assert.deepEqual(codes('Coalition and partner forces raided hideouts in Iraq and Syria.'), ['COALITION', 'IRQMIL', 'SYRREB']);
    assert.deepEqual(codes('Our partners remain committed.'), []);
  });
});

describe('people', () => {
  test('a title codes the person by the body they act for', () => {
    const list = actors('Pentagon spokeswoman Sabrina Singh and Iraqi Prime Minister Mohammed Shia al-Sudani spoke after Secretary of State Antony Blinken and Defense Secretary Lloyd Austin met.');
    assert.deepEqual(
      list.filter((a) => a.kind === 'person').map((a) => `${a.name}=${a.code}`),
      ['Sabrina Singh=USAMIL', 'Mohammed Shia al-Sudani=IRQGOV', 'Antony Blinken=USAGOV', 'Lloyd Austin=USAMIL'],
    );
  });

  test('an apposition names the body, over the title before the name', () => {
    const list = actors('Gen. Rafael Ortiz, commander of U.S. Central Command, met Maj. Gen. Dana Holt, CJTF-OIR commander, and Karim Nouri, a Hezbollah commander.');
    assert.equal(actorOf(list, 'Gen. Rafael Ortiz').code, 'USAMIL');
    assert.equal(actorOf(list, 'Maj. Gen. Dana Holt').code, 'COALITION');
    assert.equal(actorOf(list, 'Karim Nouri').code, 'LBNREB');
  });

  test('short forms join the person named first', () => {
    const list = actors('Pentagon spokeswoman Sabrina Singh briefed reporters. Ms. Singh said Gen. Rafael Ortiz would travel, and the general confirmed it. Iraqi Prime Minister Mohammed Shia al-Sudani thanked Secretary of State Antony Blinken; Sudani and the secretary spoke again, al-Sudani said.');
    const singh = actorOf(list, 'Pentagon spokeswoman Sabrina Singh');
    assert.equal(actorOf(list, 'Ms. Singh'), singh);
    assert.equal(actorOf(list, 'general'), actorOf(list, 'Gen. Rafael Ortiz'));
    const sudani = actorOf(list, 'Iraqi Prime Minister Mohammed Shia al-Sudani');
    assert.equal(actorOf(list, 'Sudani'), sudani);
    assert.equal(actorOf(list, 'al-Sudani'), sudani);
    assert.equal(actorOf(list, 'secretary'), actorOf(list, 'Secretary of State Antony Blinken'));
  });

  test('a name in apposition with "a [senior] BODY official" is coded by the body; without a name the official is an anonymous source', () => {
    const list = actors('The envoy met Nora Ellison, a senior State Department official for Gulf policy, in Doha. Tomas Lind, an official at the State Department, joined them.');
    const ellison = actorOf(list, 'Nora Ellison');
    assert.equal(ellison.code, 'USAGOV');
    assert.equal(actorOf(list, 'senior State Department official'), ellison);
    assert.equal(actorOf(list, 'Tomas Lind').code, 'USAGOV');
    const anonymous = actorOf(actors('A senior State Department official said the ceasefire talks would resume.'), 'senior State Department official');
    assert.equal(anonymous.kind, 'person');
    assert.equal(anonymous.code, 'USAGOV');
  });

  test('a title "of PLACE" followed by a comma and a name is that named person', () => {
    const list = actors('Governor of Kaduna State, Uba Sani, toured the market, and the President of Nigeria, Bola Tinubu, sent condolences.');
    const sani = actorOf(list, 'Governor of Kaduna State, Uba Sani');
    assert.equal(sani.name, 'Uba Sani');
    assert.equal(sani.kind, 'person');
    const tinubu = actorOf(list, 'President of Nigeria, Bola Tinubu');
    assert.equal(tinubu.name, 'Bola Tinubu');
    assert.equal(tinubu.code, 'NGAGOV');
    assert.ok(!list.some((a) => a.name === 'Governor' || a.name === 'President of Nigeria'), 'the bare title is no actor of its own');
  });

  test('a name with no title that speaks is a person, coded only when something says so', () => {
    const list = actors('The town was quiet on Monday, Harwell said.');
    const harwell = actorOf(list, 'Harwell');
    assert.equal(harwell.kind, 'person');
    assert.equal(harwell.code, null);
  });
});

describe('names with particles, initials and honorifics inside them', () => {
  const people = (list: Actor[]) => list.filter((a) => a.kind === 'person').map((a) => `${a.name}=${a.code}`);

  test('an honorific inside a name ("Sheikh", "Haji") does not split it, and the surname joins it later', () => {
    const list = actors('Somali President Abdi Sheikh Warsame met Ahmed Haji Nur, a Kenyan minister, in Nairobi. Warsame said the border would reopen, and Nur agreed.');
    assert.deepEqual(people(list), ['Abdi Sheikh Warsame=SOMGOV', 'Ahmed Haji Nur=KENGOV']);
    assert.equal(actorOf(list, 'Warsame'), actorOf(list, 'Somali President Abdi Sheikh Warsame'));
    assert.equal(actorOf(list, 'Nur'), actorOf(list, 'Ahmed Haji Nur'));
  });

  test('an honorific between a title and the name is skipped; "Mr." never continues a name', () => {
    const list = actors('Emirati Foreign Minister Sheikh Hamdan bin Rashid spoke to Ethiopian Prime Minister Dr. Tesfaye Alemu.');
    assert.deepEqual(people(list), ['Hamdan bin Rashid=AREGOV', 'Tesfaye Alemu=ETHGOV']);
    const pair = actors('The talks between Prime Minister Tesfaye Alemu and Mr. Hailu Bekele ended.');
    assert.deepEqual(pair.filter((a) => a.kind === 'person').map((a) => a.name), ['Tesfaye Alemu', 'Hailu Bekele']);
  });

  test('particles ("bin", "al-", "arap", "Abd"), initials and suffixes stay in one name; short forms join it', () => {
    const list = actors(
      'Saudi Interior Minister Prince Faisal bin Khalid met Abu Omar al-Tikriti, an ISIS commander, and Kenyan President Daniel arap Moi. ' +
        'Bin Khalid said al-Tikriti had surrendered; Tikriti and Moi said nothing. ' +
        'Gen. Robert K. Hale Jr., commander of U.S. Central Command, met Iraqi Prime Minister Adil Abd al-Jabbar and Turkish Foreign Minister Yusuf Kemal Aydin. Hale, Abd al-Jabbar and Aydin said the talks went well.',
    );
    assert.deepEqual(people(list), [
      'Faisal bin Khalid=SAUGOV', 'Abu Omar al-Tikriti=ISIS', 'Daniel arap Moi=KENGOV', 'Robert K. Hale Jr.=USAMIL', 'Adil Abd al-Jabbar=IRQGOV', 'Yusuf Kemal Aydin=TURGOV',
    ]);
    for (const [short, full] of [
      ['Bin Khalid', 'Saudi Interior Minister Prince Faisal bin Khalid'], ['al-Tikriti', 'Abu Omar al-Tikriti'], ['Tikriti', 'Abu Omar al-Tikriti'], ['Moi', 'Kenyan President Daniel arap Moi'],
      ['Hale', 'Gen. Robert K. Hale Jr.'], ['Abd al-Jabbar', 'Iraqi Prime Minister Adil Abd al-Jabbar'], ['Aydin', 'Turkish Foreign Minister Yusuf Kemal Aydin'],
    ] as const) assert.equal(actorOf(list, short), actorOf(list, full), `"${short}" joins "${full}"`);
  });

  test('well-known long names are one person each', () => {
    const list = actors('President Recep Tayyip Erdogan called North Korean leader Kim Jong Un after Lloyd J. Austin III met Mohammed bin Salman. Erdogan said the call went well.');
    assert.deepEqual(people(list), ['Recep Tayyip Erdogan=TURGOV', 'Kim Jong Un=PRKGOV', 'Lloyd Austin=USAMIL', 'Mohammed bin Salman=SAUGOV']);
    assert.equal(actorOf(list, 'Erdogan'), actorOf(list, 'President Recep Tayyip Erdogan'));
  });
});

describe('the country an article is set in', () => {
  const pipeline = createPipeline({ skip: ['quotes', 'events'] });
  /** Actors with the places layer run first, as in `sitrep extract`. */
  function placed(text: string): Actor[] {
    const doc = pipeline.run({ id: 't', url: null, source: null, published: '2024-09-27', title: null, text });
    return doc.layers.actors;
  }

  test('"local officials" belong to the country the places put the article in', () => {
    const list = placed('Gunmen stormed a market in Maiduguri on Friday, local officials said. It was the third raid this month in Borno state.');
    assert.equal(actorOf(list, 'local officials').code, 'NGAGOV');
  });

  test('with two countries named as often, "local officials" stay uncoded', () => {
    const list = placed('Local officials said the crossing between Kenya and Somalia was closed; Kenya and Somalia blamed each other.');
    assert.equal(actorOf(list, 'Local officials').code, null);
  });

  test('"local forces" are the host country\'s forces; the dateline counts', () => {
    const list = placed('MOGADISHU, Somalia — About 400 U.S. troops are deployed to train and advise local forces.');
    assert.equal(actorOf(list, 'local forces').code, 'SOMMIL');
    assert.equal(actorOf(list, 'U.S. troops').code, 'USAMIL');
  });

  test('unnamed partner forces: Iraq IRQMIL, Syria SYRREB from the article\'s places; elsewhere uncoded', () => {
    const iraq = placed('Coalition and partner forces raided three hideouts on Tuesday. The raids near Mosul and Kirkuk in northern Iraq killed 12 militants.');
    assert.equal(actorOf(iraq, 'partner forces').code, 'IRQMIL');
    const syria = placed('Coalition and partner forces raided three hideouts on Tuesday. The raids near Raqqa and Deir ez-Zor in eastern Syria killed 12 militants.');
    assert.equal(actorOf(syria, 'partner forces').code, 'SYRREB');
    const somalia = placed('American troops and partner forces raided three hideouts on Tuesday. The raids near Kismayo in southern Somalia killed 12 militants.');
    assert.equal(actorOf(somalia, 'partner forces').code, null);
  });

  test('a titled person with no nationality anywhere acts for the country the article is set in', () => {
    const list = placed('Governor Amina Bello visited Maiduguri on Sunday after the attack in Borno state.');
    assert.equal(actorOf(list, 'Governor Amina Bello').code, 'NGAGOV');
  });
});

describe('place names are not actors', () => {
  const pipeline = createPipeline({ skip: ['quotes', 'events'] });
  /** Actors with the places layer run first, as in `sitrep extract`. */
  const placed = (text: string): Actor[] => pipeline.run({ id: 't', url: null, source: null, published: '2024-09-27', title: null, text }).layers.actors;
  const names = (list: Actor[]) => list.map((a) => a.name);

  test('a name after "the village of", "the province of" is a place, not the known person of that name', () => {
    const village = actors('Gunmen fired mortars from the village of Assad, Syrian officials said.');
    assert.ok(!names(village).includes('Bashar al-Assad'), names(village).join(' | '));
    assert.equal(actorOf(village, 'Syrian officials').code, 'SYRGOV');
    assert.deepEqual(codes('The convoy reached the province of Maliki before dark.'), []);
    // The person keeps his name where no place noun introduces it.
    assert.equal(actorOf(actors('Assad told envoys in the city of Aleppo that the talks had stalled.'), 'Assad').code, 'SYRGOV');
  });

  test('a compass word of a region name is no person, and the region is no country', () => {
    const list = actors('Lena Ortiz, a State Department adviser for Middle East security, met Iraqi officials.');
    assert.ok(!names(list).includes('East'), names(list).join(' | '));
    assert.equal(actorOf(list, 'Lena Ortiz').code, 'USAGOV');
    assert.deepEqual(codes('Exports to Latin America doubled last year, the ministry said.'), []);
    assert.deepEqual(codes('Gulf of Oman tanker traffic fell sharply in May.'), []);
  });

  test('one capitalized word after a portfolio ends the portfolio; it is not a name', () => {
    const list = actors('Zainab Rahimi, the deputy minister for Horn Basin security, resigned.');
    assert.ok(!names(list).includes('Basin'), names(list).join(' | '));
  });

  test('a name word inside a toponym the places layer found is no actor, but a site keeps its owner', () => {
    assert.deepEqual(placed('A drone hit Ain al-Assad before dawn, base officials said.').map((a) => a.code).filter((c) => c !== null), []);
    const assad = actorOf(placed('Bashar al-Assad met envoys in Damascus. A drone later hit Ain al-Assad.'), 'Bashar al-Assad');
    assert.deepEqual(assad.mentions.map((m) => m.text), ['Bashar al-Assad']);
    assert.equal(actorOf(placed('Guards at the U.S. Embassy in Baghdad detained two men.'), 'U.S. Embassy').code, 'USAGOV');
  });
});

describe('displaced people are refugees (REF)', () => {
  test('people said to be displaced, with no nationality: REF', () => {
    const list = actors('The United Nations says more than two million people have been displaced by the fighting.');
    assert.equal(actorOf(list, 'people').code, 'REF');
    assert.deepEqual(codes('Floods displaced 40,000 residents in the delta.'), ['REF']);
    assert.deepEqual(codes('Families displaced by the shelling sheltered in schools, and internally displaced persons filled the camps.'), ['REF']);
  });

  test('a nationality written on them makes <ISO3>REF; where they are does not', () => {
    assert.deepEqual(codes('Some 5,000 Sudanese have been displaced, and Eritrean civilians remain displaced.'), ['ERIREF', 'SDNREF']);
    assert.deepEqual(codes('Thousands of people were displaced in Sudan.'), ['REF']);
    assert.deepEqual(codes('Syrian refugees crossed the border.'), ['SYRREF']);
  });

  test('an armed body displaced from somewhere is not a refugee', () => {
    assert.deepEqual(codes('Government troops displaced the rebels from the hills.'), []);
  });
});

describe('back-references to earlier bodies', () => {
  test('"the command" joins the command named before it, by name or by abbreviation', () => {
    const list = actors('AFRICOM said it struck a training camp. No civilians were hurt, the command said.');
    assert.equal(actorOf(list, 'command'), actorOf(list, 'AFRICOM'));
    assert.equal(actorOf(list, 'command').code, 'USAMIL');
  });

  test('"the ministry", "the department", "the agency", "the army" join the latest body called so', () => {
    const list = actors("Iraq's Interior Ministry closed the border. The State Department said visas were suspended, and the department called it temporary. The ministry denied it. The CIA said the agency had warned Baghdad. The Sudanese army shelled the city; the army said it targeted rebels.");
    assert.equal(actorOf(list, 'ministry'), actorOf(list, "Iraq's Interior Ministry"));
    assert.equal(actorOf(list, 'department'), actorOf(list, 'State Department'));
    assert.equal(actorOf(list, 'agency'), actorOf(list, 'CIA'));
    assert.equal(actorOf(list, 'army').code, 'SDNMIL');
  });

  test('"the group" and "the militants" skip a partner force named after the group they mean', () => {
    const list = actors('Al-Shabaab fighters ambushed a convoy near Baidoa. Somali troops and fighters of the Syrian Democratic Forces were not involved. Officials said the militants fled and the group later claimed the ambush.');
    assert.equal(actorOf(list, 'militants').code, 'ALQAEDA');
    assert.equal(actorOf(list, 'group').code, 'ALQAEDA');
  });

  test('"the militia" joins the latest armed group; "the command of" is no actor', () => {
    const list = actors("Kata'ib Hezbollah fired rockets at the base. The militia later denied it.");
    assert.equal(actorOf(list, 'militia'), actorOf(list, "Kata'ib Hezbollah"));
    assert.deepEqual(codes('Troops fought under the command of a colonel.'), []);
  });
});

describe('anonymous sources, media and civilians', () => {
  test('unnamed officials are actors coded by their body; "the official" is the one before', () => {
    const text = 'A senior administration official said the talks went well. Pentagon officials agreed, and a senior Defense Department official told Pentagon reporters that Biden administration officials would follow up. "We are ready," the official said.';
    const list = actors(text, 'U.S. Department of Defense');
    assert.equal(actorOf(list, 'senior administration official').code, 'USAGOV');
    assert.equal(actorOf(list, 'Pentagon officials').code, 'USAMIL');
    const dod = actorOf(list, 'senior Defense Department official');
    assert.equal(dod.code, 'USAMIL');
    assert.equal(actorOf(list, 'official'), dod, '"the official" is the last unnamed official');
    assert.equal(actorOf(list, 'Pentagon reporters').code, 'USAMED');
    assert.equal(actorOf(list, 'Biden administration officials').code, 'USAGOV');
  });

  test('civilians get a country only when their nationality is written', () => {
    const list = actors('The strike endangered innocent civilians, wounded a U.S. contractor and killed one civilian worker, while coalition troops watched.');
    assert.equal(actorOf(list, 'innocent civilians').code, 'CVL');
    assert.equal(actorOf(list, 'U.S. contractor').code, 'USACVL');
    assert.equal(actorOf(list, 'coalition troops').code, 'COALITION');
    assert.deepEqual(codes('There were no civilian casualties.'), []);
  });

  test('credit lines and datelines are not actors', () => {
    assert.deepEqual(codes('PENTAGON — The strike went ahead.\nVOA correspondent Jane Roe contributed to this report.'), []);
  });
});

describe('user lexicons', () => {
  const lexicon = path.join(work, 'lions.json');
  writeFileSync(lexicon, JSON.stringify({ actors: [{ name: 'Northern Lions Brigade', code: 'IRQREB', kind: 'armed_group', country: 'IRQ', aliases: ['NLB'] }] }));
  const text = 'The Northern Lions Brigade shelled a village. NLB fighters later withdrew.';

  test('a new armed group and its aliases change the output', () => {
    assert.deepEqual(codes(text), []);
    const withLions = actors(text, null, createActorsAnnotator({ lexicons: [lexicon] }));
    const lions = actorOf(withLions, 'Northern Lions Brigade');
    assert.equal(lions.code, 'IRQREB');
    assert.equal(actorOf(withLions, 'NLB fighters'), lions);
  });

  test('--lexicon reaches the extract command', () => {
    const input = path.join(work, 'lions-article.json');
    writeFileSync(input, JSON.stringify({ id: 'lions', published: '2024-09-27', text }));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'extract', input, '--json', '--lexicon', lexicon], { encoding: 'utf8', cwd: repoRoot });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { actors: Actor[] };
    assert.ok(out.actors.some((a) => a.code === 'IRQREB' && a.name === 'Northern Lions Brigade'));
  });

  test('a malformed lexicon is refused with one line naming the file and the field', () => {
    const bad = path.join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({ actors: [{ name: 'Southern Wolves', code: 'southern wolves', kind: 'armed_group', aliases: [] }] }));
    assert.throws(() => createActorsAnnotator({ lexicons: [bad] }), (e: unknown) => e instanceof LexiconError && e.message.includes(bad) && e.message.includes('actors[0].code'));
    const input = path.join(work, 'any.json');
    writeFileSync(input, JSON.stringify({ id: 'any', text: 'Nothing here.' }));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'extract', input, '--lexicon', bad], { encoding: 'utf8', cwd: repoRoot });
    assert.notEqual(r.status, 0);
    const lines = r.stderr.trim().split('\n');
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0]!, /bad\.json.*actors\[0\]\.code/);
    const unknownSection = path.join(work, 'typo.json');
    writeFileSync(unknownSection, JSON.stringify({ actor: [] }));
    assert.throws(() => createActorsAnnotator({ lexicons: [unknownSection] }), /typo\.json.*actor/);
  });
});

describe('dev gold through the reference scorer', { skip: skipWithoutShared }, () => {
  test('actors F1 on ../shared/gold is at least 0.80', () => {
    const figures = devGoldFigures();
    assert.ok(figures.actors_f1 >= 0.8, `actors F1 ${figures.actors_f1} (P ${figures.actors_p}, R ${figures.actors_r})`);
  });
});
