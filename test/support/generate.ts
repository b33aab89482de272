/**
 * A deterministic generator of news articles (article JSON of spec §1) for tests and benches that
 * need volume: raids, airstrikes, attacks, meetings and withdrawal plans in several theaters,
 * each incident reported by one to four outlets in different words, published in date order.
 * Every sentence comes from the templates below; the same options always give the same articles.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { seededRandom } from './random.js';

export interface GeneratedArticle {
  id: string;
  url: string;
  source: string;
  published: string;
  title: string;
  text: string;
}

export interface GenerateOptions {
  count: number;
  /** Seeds the PRNG: another seed gives other articles. */
  seed?: number;
  /** The first incident day (YYYY-MM-DD) and how many days incidents are spread over. */
  start?: string;
  days?: number;
  /** Prefix of ids and file names, so that several generated sets can share a folder. */
  prefix?: string;
}

interface Province {
  name: string;
  towns: string[];
}

interface Theater {
  country: string;
  /** How the country's first-level divisions are called: "province", "state", "region". */
  division: string;
  provinces: Province[];
  capital: string;
  forces: string[];
  air: string[];
  group: string[];
  /** The group as the subject of a sentence ("The Islamic State claimed ..."). */
  groupSubject: string[];
  members: string[];
  victims: string[];
  spokes: string[];
  partner: string;
  minister: string;
  visitor: string;
  foreign: { state: string; adjective: string; troops: number } | null;
  /** Sentences a report may add for context; "{-5}" is the year five years before the incident. */
  background: string[];
}

const THEATERS: Theater[] = [
  {
    country: 'Syria',
    division: 'province',
    provinces: [
      { name: 'Deir ez-Zor', towns: ['Hajin', 'Mayadin', 'Abu Kamal'] },
      { name: 'Raqqa', towns: ['Tabqa', 'Maadan'] },
      { name: 'Hasakah', towns: ['Shaddadi', 'Qamishli'] },
    ],
    capital: 'Damascus',
    forces: ['U.S. forces', 'American troops', 'U.S. and Syrian Democratic Forces troops'],
    air: ['U.S. warplanes', 'coalition aircraft'],
    group: ['Islamic State', 'ISIS'],
    groupSubject: ['The Islamic State', 'ISIS'],
    members: ['militants', 'fighters', 'members'],
    victims: ['Syrian Democratic Forces fighters', 'soldiers'],
    spokes: ['U.S. Central Command', 'the U.S. military'],
    partner: 'the Syrian Democratic Forces',
    minister: 'Syrian Democratic Forces commander Aram Haskawi',
    visitor: 'U.S. special envoy Margaret Ellison',
    foreign: { state: 'The United States', adjective: 'U.S.', troops: 900 },
    background: [
      'The Islamic State lost the last of its territory in Syria in {-5}, but its cells still carry out ambushes in the desert.',
      'Thousands of former Islamic State fighters are held in prisons run by the Syrian Democratic Forces.',
      'The United States keeps troops in northeastern Syria to support its Kurdish-led partners.',
      'Tens of thousands of women and children linked to the group live in the al-Hol camp.',
    ],
  },
  {
    country: 'Iraq',
    division: 'province',
    provinces: [
      { name: 'Anbar', towns: ['Rutba', 'Haditha', 'Qaim'] },
      { name: 'Nineveh', towns: ['Tal Afar', 'Sinjar'] },
      { name: 'Kirkuk', towns: ['Hawija', 'Dibis'] },
      { name: 'Diyala', towns: ['Baqubah', 'Khanaqin'] },
    ],
    capital: 'Baghdad',
    forces: ['Iraqi security forces', 'Iraqi troops', 'the Iraqi army'],
    air: ['Iraqi warplanes', 'Iraqi F-16 jets'],
    group: ['Islamic State', 'ISIS'],
    groupSubject: ['The Islamic State', 'ISIS'],
    members: ['militants', 'fighters'],
    victims: ['soldiers', 'police officers'],
    spokes: ['the Iraqi military', 'the Iraqi Defense Ministry'],
    partner: 'the U.S.-led coalition',
    minister: 'Iraqi Defense Minister Karim Haddawi',
    visitor: 'British Defense Secretary Thomas Ashworth',
    foreign: { state: 'The United States', adjective: 'U.S.', troops: 2500 },
    background: [
      'Iraq declared victory over the Islamic State in {-7}, but sleeper cells remain active in remote areas.',
      'Iraqi officials say their forces no longer need foreign combat troops.',
      'The militants often hide in the desert and in the rugged hills north of Baghdad.',
      'Attacks by the group have fallen sharply since {-4}, according to Iraqi officials.',
    ],
  },
  {
    country: 'Nigeria',
    division: 'state',
    provinces: [
      { name: 'Borno', towns: ['Maiduguri', 'Bama', 'Gwoza'] },
      { name: 'Yobe', towns: ['Damaturu', 'Geidam'] },
      { name: 'Adamawa', towns: ['Mubi', 'Madagali'] },
    ],
    capital: 'Abuja',
    forces: ['Nigerian troops', 'the Nigerian army', 'Nigerian soldiers'],
    air: ['the Nigerian air force', 'Nigerian military jets'],
    group: ['Boko Haram'],
    groupSubject: ['Boko Haram'],
    members: ['fighters', 'insurgents', 'militants'],
    victims: ['soldiers', 'villagers'],
    spokes: ['the Nigerian army', 'a military spokesman'],
    partner: 'local vigilante groups',
    minister: 'Nigerian Defense Minister Ibrahim Danjuma',
    visitor: 'Chadian Foreign Minister Idriss Mahamat',
    foreign: null,
    background: [
      'The Boko Haram insurgency has killed tens of thousands of people in the northeast since {-15}.',
      'More than two million people have been displaced by the fighting.',
      'A rival faction allied with the Islamic State operates around Lake Chad.',
      'The army has said for years that the insurgents are close to defeat.',
    ],
  },
  {
    country: 'Somalia',
    division: 'region',
    provinces: [
      { name: 'Lower Shabelle', towns: ['Afgoye', 'Barawe'] },
      { name: 'Middle Shabelle', towns: ['Jowhar', 'Balcad'] },
      { name: 'Hiran', towns: ['Beledweyne', 'Bulo Burde'] },
    ],
    capital: 'Mogadishu',
    forces: ['Somali troops', 'Somali forces', 'the Somali army'],
    air: ['U.S. Africa Command', 'U.S. aircraft'],
    group: ['al-Shabaab'],
    groupSubject: ['Al-Shabaab'],
    members: ['fighters', 'militants'],
    victims: ['soldiers', 'civilians'],
    spokes: ['the Somali government', 'U.S. Africa Command'],
    partner: 'African Union troops',
    minister: 'Somali Defense Minister Abdi Warsame',
    visitor: 'Kenyan Foreign Minister Peter Kamau',
    foreign: { state: 'Burundi', adjective: 'Burundian', troops: 3000 },
    background: [
      'Al-Shabaab has fought the government in Mogadishu for more than 15 years.',
      'The group still controls large parts of the countryside in southern and central Somalia.',
      'The United States has carried out hundreds of airstrikes in Somalia since {-7}.',
      'An African Union force has been helping the government fight the insurgents.',
    ],
  },
  {
    country: 'Pakistan',
    division: 'province',
    provinces: [
      { name: 'Khyber Pakhtunkhwa', towns: ['Bannu', 'Dera Ismail Khan', 'Peshawar'] },
      { name: 'Balochistan', towns: ['Quetta', 'Turbat'] },
    ],
    capital: 'Islamabad',
    forces: ['Pakistani troops', 'Pakistani security forces'],
    air: ['Pakistani jets', 'Pakistani helicopter gunships'],
    group: ['Pakistani Taliban', 'TTP'],
    groupSubject: ['The Pakistani Taliban', 'The TTP'],
    members: ['militants', 'fighters'],
    victims: ['soldiers', 'police officers'],
    spokes: ['the Pakistani military', 'the army’s media wing'],
    partner: 'local police',
    minister: 'Pakistani Interior Minister Tariq Qureshi',
    visitor: 'Chinese Foreign Minister Liu Jianming',
    foreign: null,
    background: [
      'Attacks by the Pakistani Taliban have risen since {-3}.',
      'Pakistan accuses Afghanistan of sheltering the group, a charge Kabul denies.',
      'The group is separate from the Afghan Taliban but shares its ideology.',
      'Separatist insurgents are also active in the southwest of the country.',
    ],
  },
  {
    country: 'Democratic Republic of the Congo',
    division: 'province',
    provinces: [
      { name: 'North Kivu', towns: ['Goma', 'Rutshuru', 'Masisi'] },
      { name: 'South Kivu', towns: ['Bukavu', 'Uvira'] },
    ],
    capital: 'Kinshasa',
    forces: ['Congolese troops', 'the Congolese army'],
    air: ['Congolese military aircraft', 'Congolese drones'],
    group: ['M23'],
    groupSubject: ['The M23', 'M23'],
    members: ['rebels', 'fighters'],
    victims: ['soldiers', 'civilians'],
    spokes: ['the Congolese army', 'a provincial official'],
    partner: 'United Nations peacekeepers',
    minister: 'Congolese Defense Minister Jean-Pierre Mbala',
    visitor: 'Rwandan Foreign Minister Eric Nsengimana',
    foreign: { state: 'South Africa', adjective: 'South African', troops: 1300 },
    background: [
      'The M23 rebellion has forced hundreds of thousands of people from their homes.',
      'United Nations experts say the rebels receive support from Rwanda, which Kigali denies.',
      'Dozens of armed groups are active in the mineral-rich east of the country.',
      'Several ceasefires brokered by regional leaders have collapsed.',
    ],
  },
];

const OUTLETS: { name: string; domain: string }[] = [
  { name: 'Levant Wire', domain: 'levant-wire.example' },
  { name: 'Gulf Desk', domain: 'gulfdesk.example' },
  { name: 'Frontline Monitor', domain: 'frontline-monitor.example' },
  { name: 'Sahel Courier', domain: 'sahel-courier.example' },
  { name: 'Horn Observer', domain: 'horn-observer.example' },
  { name: 'Capital Ledger', domain: 'capital-ledger.example' },
  { name: 'Global Security Daily', domain: 'gsd.example' },
  { name: 'The Evening Dispatch', domain: 'evening-dispatch.example' },
  { name: 'Regional Affairs Review', domain: 'regional-affairs.example' },
  { name: 'Conflict Notes', domain: 'conflict-notes.example' },
];

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
// AP style: five-letter and shorter months are spelled out.
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const MONTHS_FULL = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const TOPICS = ['border security', 'the fight against armed groups', 'military cooperation', 'the return of displaced families', 'arms purchases'];

type Kind = 'raid' | 'airstrike' | 'attack' | 'meeting' | 'withdrawal';
const KINDS: [Kind, number][] = [['raid', 3], ['airstrike', 3], ['attack', 3], ['meeting', 2], ['withdrawal', 1]];

interface Incident {
  kind: Kind;
  theater: Theater;
  province: Province;
  town: string;
  day: Date;
  killed: number;
  /** Who was killed in an attack: the same people in every report of it. */
  victims: string;
  /** Withdrawals: the month troops leave by. */
  until: Date;
  troops: number;
}


/** A shuffled copy (Fisher-Yates), the same for the same PRNG state. */
function shuffle<T>(xs: readonly T[], random: () => number): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const DAY_MS = 86400000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY_MS);
const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
// AP style: words below 10, figures from 10, but a sentence never starts with a figure.
const count = (n: number) => (n < 10 ? NUMBER_WORDS[n]! : String(n));
const countAtStart = (n: number) => capitalize(NUMBER_WORDS[n] ?? String(n));
const monthDay = (d: Date) => `${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()}`;
const article = (word: string) => (/^(?:[aeiou]|M\d)/i.test(word) ? 'an' : 'a');
const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** Generates `count` articles in publication order, ids `${prefix}00001`, ... */
export function generateArticles(options: GenerateOptions): GeneratedArticle[] {
  const random = seededRandom(options.seed ?? 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const between = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const start = new Date(`${options.start ?? '2024-01-01'}T00:00:00Z`);
  const days = options.days ?? 365;
  const prefix = options.prefix ?? 'gen-';
  const weightTotal = KINDS.reduce((n, [, w]) => n + w, 0);
  const pickKind = (): Kind => {
    let r = random() * weightTotal;
    for (const [k, w] of KINDS) if ((r -= w) < 0) return k;
    return 'raid';
  };

  const drafts: { published: Date; outlet: (typeof OUTLETS)[number]; title: string; text: string }[] = [];
  while (drafts.length < options.count) {
    const theater = pick(THEATERS);
    const province = pick(theater.provinces);
    // Only theaters with foreign troops have withdrawals to report.
    const drawn = pickKind();
    const kind = drawn === 'withdrawal' && theater.foreign === null ? 'meeting' : drawn;
    const day = addDays(start, between(0, days - 1));
    const incident: Incident = {
      kind,
      theater,
      province,
      town: pick(province.towns),
      day,
      killed: between(2, 14),
      victims: pick(theater.victims),
      until: new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth() + between(3, 12), 1)),
      troops: between(2, 20) * 100,
    };
    // Most incidents are reported by more than one outlet, each in its own words.
    const reports = Math.min(between(1, 4), options.count - drafts.length);
    const outlets = shuffle(OUTLETS, random).slice(0, reports);
    for (const outlet of outlets) {
      const published = addDays(day, between(0, 2));
      const { title, sentences } = writeReport(incident, published, { pick, between, random });
      drafts.push({ published, outlet, title, text: sentences.join(between(0, 3) === 0 ? ' ' : '\n\n') });
    }
  }
  // A feed lists articles by publication date; a stable sort keeps the generation order within a day.
  drafts.sort((a, b) => a.published.getTime() - b.published.getTime());
  return drafts.map((d, i) => {
    const id = `${prefix}${String(i + 1).padStart(5, '0')}`;
    const published = isoDay(d.published);
    return {
      id,
      url: `https://${d.outlet.domain}/${published.replaceAll('-', '/')}/${slug(d.title).slice(0, 60)}-${id}`,
      source: d.outlet.name,
      published,
      title: d.title,
      text: d.text,
    };
  });
}

/** Writes the articles as `${id}.json` files into `dir` (created when missing); returns their paths. */
export function writeGeneratedArticles(dir: string, options: GenerateOptions): string[] {
  mkdirSync(dir, { recursive: true });
  return generateArticles(options).map((a) => {
    const file = path.join(dir, `${a.id}.json`);
    writeFileSync(file, JSON.stringify(a, null, 1));
    return file;
  });
}

interface Dice {
  pick: <T>(xs: readonly T[]) => T;
  between: (lo: number, hi: number) => number;
  random: () => number;
}

/** How a report published on `published` dates an incident of `day`, as a reporter would write it. */
function when(day: Date, published: Date, dice: Dice): string {
  const ago = Math.round((published.getTime() - day.getTime()) / DAY_MS);
  if (ago === 0) return dice.pick([`on ${monthDay(day)}`, 'on ' + WEEKDAYS[day.getUTCDay()], `early on ${monthDay(day)}`]);
  const weekday = WEEKDAYS[day.getUTCDay()]!;
  return dice.pick([`on ${weekday}`, `on ${weekday}, ${monthDay(day)}`, `on ${monthDay(day)}`, `late on ${weekday}`]);
}

function writeReport(x: Incident, published: Date, dice: Dice): { title: string; sentences: string[] } {
  const { pick, between } = dice;
  const t = x.theater;
  const d = when(x.day, published, dice);
  const place = `${x.province.name} ${t.division}`;
  const group = pick(t.group);
  const Group = pick(t.groupSubject);
  const groupObject = Group.replace(/^The /, 'the ');
  const members = pick(t.members);
  const n = count(x.killed);
  const forces = pick(t.forces);
  const air = pick(t.air);
  const spokes = pick(t.spokes);
  const victims = x.victims;
  const lead: Record<Kind, () => string[]> = {
    raid: () => [
      pick([
        `${capitalize(forces)} killed ${n} ${group} ${members} in a raid in ${place} ${d}, ${spokes} said.`,
        `${capitalize(forces)} raided ${article(group)} ${group} hideout near ${x.town} in ${place} ${d}, killing ${n} ${members}, ${spokes} said.`,
        `A raid by ${forces} in ${place} killed ${n} ${group} ${members} ${d}, according to ${spokes}.`,
        `${countAtStart(x.killed)} ${group} ${members} were killed ${d} when ${forces} raided a house in ${x.town}, ${spokes} said.`,
      ]),
      pick([
        `The operation was carried out with the help of ${t.partner}.`,
        `Among the dead was a senior ${group} commander who had planned attacks on checkpoints, ${spokes} said.`,
        `Residents said the fighting lasted for about ${count(between(2, 5))} hours.`,
      ]),
    ],
    airstrike: () => [
      pick([
        `${capitalize(air)} struck ${group} positions near ${x.town} in ${place} ${d}, killing ${n} ${members}, ${spokes} said.`,
        `An airstrike by ${air} killed ${n} ${group} ${members} in ${place} ${d}, ${spokes} said.`,
        `${capitalize(spokes)} said ${air} bombed ${article(group)} ${group} camp near ${x.town} ${d}, killing ${n} ${members}.`,
      ]),
      pick([
        `The strike destroyed weapons and vehicles used by the group, the statement said.`,
        `No civilians were hurt in the strike, ${spokes} said.`,
        `It was not possible to verify the toll independently.`,
      ]),
    ],
    attack: () => [
      pick([
        `${capitalize(group)} ${members} attacked an army checkpoint near ${x.town} in ${place} ${d}, killing ${n} ${victims}, officials said.`,
        `${countAtStart(x.killed)} ${victims} were killed ${d} when ${group} ${members} ambushed a patrol in ${place}, ${spokes} said.`,
        `An attack by ${group} on a military post in ${x.town} killed ${n} ${victims} ${d}, local officials said.`,
      ]),
      pick([
        `${Group} claimed responsibility for the attack in a statement.`,
        `Reinforcements were sent to the area after the attack, officials said.`,
        `The wounded were taken to a hospital in ${x.town}.`,
      ]),
    ],
    meeting: () => [
      pick([
        `${t.minister} met ${t.visitor} in ${t.capital} ${d} to discuss ${pick(TOPICS)}.`,
        `${t.visitor} held talks with ${t.minister} in ${t.capital} ${d} on ${pick(TOPICS)}.`,
      ]),
      pick([
        `The two sides agreed to share more intelligence on ${groupObject}, a joint statement said.`,
        `The talks were the first at this level in more than a year.`,
      ]),
    ],
    withdrawal: () => {
      const f = t.foreign!;
      const by = `${MONTHS_FULL[x.until.getUTCMonth()]} ${x.until.getUTCFullYear()}`;
      return [
        pick([
          `${f.state} will withdraw ${x.troops} troops from ${t.country} by ${by}, officials said ${d}.`,
          `${f.state} plans to pull ${x.troops} of its troops out of ${t.country} by ${by}, its defense ministry said ${d}.`,
        ]),
        `About ${f.troops.toLocaleString('en-US')} ${f.adjective} troops are deployed in ${t.country}.`,
        `Officials said the withdrawal would be gradual and coordinated with the government in ${t.capital}.`,
      ];
    },
  };
  const sentences = lead[x.kind]();
  const extras = [
    // Outlets repeat some background, but rarely all of it: at most two such sentences a report.
    ...shuffle(t.background, dice.random)
      .slice(0, between(0, 2))
      .map((b) => b.replace(/\{-(\d+)\}/g, (_, n: string) => String(x.day.getUTCFullYear() - Number(n)))),
    pick([
      `"We will keep up the pressure on ${groupObject} wherever its ${members} hide," ${spokes} said in a statement.`,
      `"Our forces remain ready to respond to any threat," a military spokesman said.`,
      `"This operation shows that there is no safe haven for terrorists," an official said.`,
    ]),
    pick([
      `The ${x.province.name} area has seen ${pick(['a rise in', 'dozens of', 'repeated'])} attacks in recent months.`,
      `Security in ${x.province.name} has worsened since the start of the year, residents say.`,
      `Local officials in ${x.town} said schools and markets were closed as a precaution.`,
    ]),
    `${Group} did not comment on the ${x.kind === 'meeting' || x.kind === 'withdrawal' ? 'talks' : 'incident'}.`,
    pick([
      `Aid groups say the violence has made it harder to deliver food to ${pick(x.province.towns)}.`,
      `Hundreds of families have fled villages around ${x.town} this year.`,
      `Humanitarian workers have warned of a shortage of medicine in ${x.province.name}.`,
    ]),
    pick([
      `The government has promised to rebuild roads and clinics in the area.`,
      `Analysts say the militants exploit local grievances over jobs and land.`,
      `It was not immediately clear how many people were wounded.`,
    ]),
  ];
  // 4 to 10 sentences: the lead and its detail, then background in an order of its own.
  const wanted = between(4, 10) - sentences.length;
  const pool = shuffle(extras, dice.random);
  for (let i = 0; i < wanted && i < pool.length; i++) sentences.push(pool[i]!);
  while (sentences.length < 4) sentences.push(`Further details were not immediately available.`);
  const title = {
    // Headlines drop "the": "Nigerian army kills ...", "U.S. forces kill ...".
    raid: `${capitalize(forces.replace(/^the /, ''))} ${forces.startsWith('the ') ? 'kills' : 'kill'} ${n} ${group} ${members} in ${x.province.name}`,
    airstrike: `Airstrike kills ${n} ${group} ${members} in ${x.province.name}`,
    attack: `${capitalize(group)} attack kills ${n} ${victims} in ${x.province.name}`,
    meeting: `Officials meet in ${t.capital} on security`,
    withdrawal: `${t.foreign?.state ?? 'Foreign forces'} to cut troops in ${t.country}`,
  }[x.kind];
  return { title, sentences };
}
