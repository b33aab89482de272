import { after, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Article } from '../src/article/article.js';
import { Doc } from '../src/doc/document.js';
import type { Place } from '../src/doc/layers.js';
import { createPlacesAnnotator, loadGazetteer } from '../src/layers/places/index.js';
import { skipWithoutShared } from './support/shared.js';
import { devGoldFigures } from './support/reference.js';

const annotator = createPlacesAnnotator();

function places(text: string): Place[] {
  const article: Article = { id: 't', url: null, source: null, published: '2024-09-27', title: null, text };
  const doc = new Doc(article);
  annotator.annotate(doc);
  for (const p of doc.layers.places) for (const m of p.mentions) assert.equal(text.slice(m.start, m.end), m.text, 'mention offsets index the text');
  return doc.layers.places;
}

/** "Name/kind/country" of every place, in order of first mention. */
const summary = (text: string) => places(text).map((p) => `${p.name}/${p.kind}/${p.country ?? '-'}`);
const find = (text: string, name: string) => places(text).find((p) => p.name === name);

describe('countries', () => {
  test('a country named as a noun is a place, whatever its role', () => {
    assert.deepEqual(summary('Iran said on Monday that it had warned Iraq.'), ['Iran/country/IRN', 'Iraq/country/IRQ']);
    assert.deepEqual(summary('Officials in Baghdad met envoys from Lebanon and Jordan.'), ['Baghdad/city/IRQ', 'Lebanon/country/LBN', 'Jordan/country/JOR']);
  });

  test('short forms resolve to the country, with its canonical name and a centroid', () => {
    const us = places('The U.S. is not withdrawing, and Britain and the UAE agreed.');
    assert.deepEqual(us.map((p) => p.name), ['United States', 'United Kingdom', 'United Arab Emirates']);
    const usa = us[0]!;
    assert.equal(usa.country, 'USA');
    assert.ok(usa.lat! > 30 && usa.lat! < 45 && usa.lon! < -85 && usa.lon! > -110, `${usa.lat}, ${usa.lon} lies in the lower 48`);
  });

  test('possessives and metonymy are places: "Iraq\'s government", "Washington and Baghdad"', () => {
    assert.deepEqual(summary("Iraq's government asked Washington and Baghdad to talk."), ['Iraq/country/IRQ', 'Washington, D.C./city/USA', 'Baghdad/city/IRQ']);
  });

  test('"eastern Syria" is Syria, one record for all its mentions', () => {
    const p = places('Fighting spread across eastern Syria. Syria rejected the claim.');
    assert.equal(p.length, 1);
    assert.equal(p[0]!.name, 'Syria');
    assert.equal(p[0]!.mentions.length, 2);
    assert.equal(p[0]!.mentions[0]!.text, 'Syria');
  });
});

describe('modifiers, demonyms and longer names are not places', () => {
  test('modifiers: "U.S. troops", "U.S.-led", "Iran-backed", "U.S. and Iraqi forces"', () => {
    assert.deepEqual(summary('U.S. troops joined the U.S.-led coalition against Iran-backed militias.'), []);
    assert.deepEqual(summary('U.S. and Iraqi forces patrolled the road.'), []);
    assert.deepEqual(summary('The U.S. and coalition forces withdrew.'), []);
  });

  test('demonyms never are', () => {
    assert.deepEqual(summary('Iraqi and American officials spoke with Syrian negotiators.'), []);
  });

  test('toponyms inside longer names', () => {
    assert.deepEqual(summary('The Kurdistan Regional Government thanked U.S. Central Command.'), []);
    assert.deepEqual(summary('She studied at the University of Baghdad before joining the Islamic State of Iraq and Syria.'), []);
    assert.deepEqual(summary('The Syrian Democratic Forces fought the anti-Islamic State coalition.'), []);
  });

  test('the noun reading beside the modifier reading in one sentence', () => {
    assert.deepEqual(summary('U.S. officials said the U.S. would stay in Iraq.'), ['United States/country/USA', 'Iraq/country/IRQ']);
  });
});

describe('people named like places', () => {
  test('"Jordan" is the country, but not in "Michael Jordan" nor in his later "Jordan said"', () => {
    assert.deepEqual(summary('Michael Jordan visited the camp. Jordan said the players were tired.'), []);
    assert.deepEqual(summary('Jordan said the border would stay closed.'), ['Jordan/country/JOR']);
    assert.deepEqual(summary('Michael Jordan flew to a summit in Jordan.'), ['Jordan/country/JOR']);
  });

  test('a surname after a title or initial is no city: "Gen. Lloyd J. Austin"', () => {
    assert.deepEqual(summary('Gen. Lloyd J. Austin III thanked the troops. Austin said the mission was over.'), []);
  });
});

describe('divisions', () => {
  test('"Anbar province" and "Kurdistan region" are first-level divisions of Iraq', () => {
    const p = places('Strikes hit Anbar province, and Iraq’s Kurdistan region was calm.');
    assert.deepEqual(p.map((x) => `${x.kind}/${x.country}`), ['admin1/IRQ', 'country/IRQ', 'admin1/IRQ']);
    assert.equal(p[0]!.mentions[0]!.text, 'Anbar province');
    assert.equal(p[2]!.name, 'Kurdistan Region');
    for (const x of p) assert.ok(x.lat !== null && x.lon !== null, `${x.name} has coordinates`);
  });

  test('a division named in two countries is the one of the country the article is about', () => {
    const iraq = find('Drones were shot down over the Kurdistan region, Iraqi officials in Erbil said. Baghdad and Iraq’s neighbours condemned the Iran-backed group.', 'Kurdistan Region');
    assert.equal(iraq?.country, 'IRQ', 'lower-case "region" in a story about Iraq');
    assert.equal(iraq?.kind, 'admin1');
    const iran = places('Iranian police patrolled Kurdistan province, where protests spread from Sanandaj across western Iran.');
    assert.equal(iran.find((x) => x.kind === 'admin1')?.country, 'IRN', 'Iran\'s own province in a story about Iran');
  });

  test('"Deir ez-Zor" spellings reach the same place in Syria', () => {
    const p = places("Raids continued in Syria's Deir el-Zour and around Deir ez-Zor.");
    assert.deepEqual(p.map((x) => x.country), ['SYR', 'SYR']);
    assert.equal(p[1]!.mentions.length, 2);
  });

  test('a dateline "TAMPA, Fla." gives the city and its state', () => {
    assert.deepEqual(summary('TAMPA, Fla. – The command released a statement on Syria.'), ['Tampa/city/USA', 'Florida/admin1/USA', 'Syria/country/SYR']);
  });
});

describe('cities and disambiguation', () => {
  test('towns of the article\'s country: "Tikrit" is in Iraq', () => {
    const tikrit = find('Iraqi forces retook Tikrit after a long siege.', 'Tikrit');
    assert.equal(tikrit?.country, 'IRQ');
    assert.equal(tikrit?.kind, 'city');
  });

  test('"Washington" beside Baghdad is the U.S. capital', () => {
    const w = find('Talks between Washington and Baghdad resumed.', 'Washington, D.C.');
    assert.equal(w?.country, 'USA');
    assert.ok(Math.abs(w!.lat! - 38.9) < 0.2 && Math.abs(w!.lon! + 77.04) < 0.2, 'the District, not a namesake town');
  });

  test('"Tripoli" is Lebanon\'s in a Lebanese story, Libya\'s otherwise', () => {
    assert.equal(find('Lebanese troops deployed in Tripoli as Lebanon braced for protests.', 'Tripoli')?.country, 'LBN');
    assert.equal(find('Militias clashed in Tripoli overnight.', 'Tripoli')?.country, 'LBY');
  });

  test('"Alexandria" is Egypt\'s unless the article is about the United States', () => {
    assert.equal(find('Egyptian police sealed off Alexandria.', 'Alexandria')?.country, 'EGY');
    assert.equal(find('U.S. police said a shooting in Alexandria, outside the capital, left two hurt.', 'Alexandria')?.country, 'USA');
  });

  test('a capital before an adjective or "late" is still a noun: "held Tehran responsible", "in Iraq late on Monday"', () => {
    assert.deepEqual(summary('Washington holds its rivals in Tehran accountable for the attack.'), ['Washington, D.C./city/USA', 'Tehran/city/IRN']);
    assert.deepEqual(summary('The convoy was ambushed in Iraq late on Monday.'), ['Iraq/country/IRQ']);
    assert.deepEqual(summary('Drones struck near Erbil International Airport late on Friday.').map((x) => x.split('/')[1]), ['site']);
  });

  test('capitalized common words are no towns, even where towns carry their names', () => {
    assert.deepEqual(summary('Mission accomplished, said the officer. Progress was slow on Friday.'), []);
    assert.deepEqual(summary('The Coalition thanked the Defense Department for its Independence Day message.'), []);
  });

  test('a town the gazetteer lacks, placed by its country: "near as-Shafah, Syria"', () => {
    const p = find('The strike hit a camp near as-Shafah, Syria, on Sunday.', 'as-Shafah');
    assert.equal(p?.country, 'SYR');
  });
});

describe('regions and sites', () => {
  test('supranational regions have no country', () => {
    assert.deepEqual(summary('The threat spread across the Middle East and sub-Saharan Africa, and into the West.'), [
      'Middle East/region/-',
      'sub-Saharan Africa/region/-',
      'the West/region/-',
    ]);
  });

  test('named bases and facilities are sites with a country', () => {
    assert.deepEqual(summary('Rockets hit Ain al-Asad air base and Camp Taji.'), ['Ain al-Asad Air Base/site/IRQ', 'Camp Taji/site/IRQ']);
    assert.deepEqual(summary('Families left the Al-Hol camp.'), ['Al-Hol camp/site/SYR']);
  });

  test('a site found by its head word takes the country of the place it is in', () => {
    assert.deepEqual(summary('Drones approached the U.S. Embassy in Baghdad.'), ['U.S. Embassy/site/IRQ', 'Baghdad/city/IRQ']);
    const dam = find('Fighters in Syria crossed the Qaraqozak Bridge at dawn.', 'Qaraqozak Bridge');
    assert.equal(dam?.kind, 'site');
    assert.equal(dam?.country, 'SYR');
  });

  test('an app\'s channel is no sea: "its Telegram channel"', () => {
    assert.deepEqual(summary('The militia posted a video on its Telegram channel and its WhatsApp group.'), []);
    assert.deepEqual(summary('Supporters shared the claim on a Rumble channel.'), []);
    assert.deepEqual(summary('Tankers waited in the Mozambique Channel.'), ['Mozambique Channel/region/-']);
  });

  test('a building standing for its institution is no place, unless located', () => {
    assert.deepEqual(summary('The Pentagon announced new strikes.'), []);
    assert.deepEqual(summary('Reporters gathered at the Pentagon.'), ['Pentagon/site/USA']);
  });
});

test('the gazetteer loads once per process, with over 100k cities', () => {
  const a = loadGazetteer();
  assert.equal(loadGazetteer(), a, 'a second call reuses the first load');
  assert.ok(a.gazetteer.cities.size > 100_000);
  assert.ok(a.millis < 5_000, `loaded in ${a.millis.toFixed(0)} ms`);
});

describe('dev gold through the reference scorer', { skip: skipWithoutShared }, () => {
  const work = mkdtempSync(path.join(tmpdir(), 'sitrep-places-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  test('places F1 on ../shared/gold is at least 0.85', () => {
    const figures = devGoldFigures();
    assert.ok(figures.places_f1 >= 0.85, `places F1 ${figures.places_f1} (P ${figures.places_p}, R ${figures.places_r})`);
  });
});
