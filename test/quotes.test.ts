import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../src/doc/document.js';
import type { Actor, Quote } from '../src/doc/layers.js';
import { createPipeline } from '../src/extract.js';
import { createQuotesAnnotator, type QuoteSpeaker } from '../src/layers/quotes/index.js';
import { skipWithoutShared } from './support/shared.js';
import { devGoldFigures } from './support/reference.js';

const annotator = createQuotesAnnotator();

function annotate(text: string, actors: Actor[] = []): Doc {
  const doc = new Doc({ id: 't', url: null, source: null, published: '2024-05-10', title: null, text });
  doc.layers.actors.push(...actors);
  annotator.annotate(doc);
  return doc;
}

const quotesOf = (text: string, actors: Actor[] = []): Quote[] => annotate(text, actors).layers.quotes;
const direct = (text: string, actors: Actor[] = []) => quotesOf(text, actors).filter((q) => q.direct);
const speakerOf = (q: Quote | undefined) => q?.speaker as QuoteSpeaker | null | undefined;

/** The direct quote whose text starts with `opening`, failing the test when there is none. */
function quoteStarting(quotes: readonly Quote[], opening: string): Quote {
  const q = quotes.find((x) => x.text.startsWith(opening));
  assert.ok(q, `no quote starting with ${JSON.stringify(opening)} in ${JSON.stringify(quotes.map((x) => x.text))}`);
  return q;
}

describe('quotes: quotation marks and spans', () => {
  test('curly marks: the span is the text inside the marks', () => {
    const text = '“The bridge will reopen next week,” the mayor said.';
    const [q] = direct(text);
    assert.equal(q?.text, 'The bridge will reopen next week,');
    assert.equal(text.slice(q!.start, q!.end), q!.text);
    assert.equal(q?.id, 'u1');
  });

  test('straight marks work the same way', () => {
    const [q] = direct('"We did not fire first," the commander told reporters on Sunday.');
    assert.equal(q?.text, 'We did not fire first,');
    assert.equal(speakerOf(q)?.text, 'the commander');
  });

  test('a double-quoted passage closed by a single mark still ends there', () => {
    const quotes = direct(`"The convoy left at dawn and reached the depot by noon,' the spokesman said. "Nobody was hurt."`);
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0]!.text, 'The convoy left at dawn and reached the depot by noon,');
  });

  test('apostrophes inside a quotation do not end it', () => {
    const [q] = direct('“The army’s engineers can’t rebuild the soldiers’ barracks before winter,” the governor said.');
    assert.equal(q?.text, 'The army’s engineers can’t rebuild the soldiers’ barracks before winter,');
  });

  test('every span is the article text at its offsets, speaker spans included', () => {
    const text = '“We will hold the line,” said Col. Maria Reyes, the brigade commander. “Reinforcements are coming.”\n\nOfficials said the road would stay closed until Friday.';
    const quotes = quotesOf(text);
    assert.ok(quotes.length >= 3);
    for (const q of quotes) {
      assert.equal(text.slice(q.start, q.end), q.text);
      const s = speakerOf(q);
      if (s?.start != null && s.end != null) assert.equal(text.slice(s.start, s.end), s.text);
    }
  });
});

describe('quotes: attribution patterns', () => {
  test('"X said" after the quotation', () => {
    const [q] = direct('“The talks are over for now,” Ms. Okafor said on Tuesday.');
    assert.equal(speakerOf(q)?.text, 'Ms. Okafor');
    assert.equal(speakerOf(q)?.name, 'Okafor');
    assert.equal(speakerOf(q)?.anonymous, false);
  });

  test('"said X" with an apposition: the name and the role', () => {
    const [q] = direct('“Our patrols found the weapons cache,” said Brig. Gen. Tomas Lindqvist, commander of the northern task force.');
    const s = speakerOf(q);
    assert.equal(s?.text, 'Brig. Gen. Tomas Lindqvist');
    assert.equal(s?.name, 'Tomas Lindqvist');
    assert.equal(s?.role, 'commander of the northern task force');
  });

  test('"according to X"', () => {
    const [q] = direct('“The shelling lasted most of the night,” according to a local council member.');
    assert.equal(speakerOf(q)?.text, 'a local council member');
    assert.equal(speakerOf(q)?.anonymous, true);
  });

  test('"X added" before the quotation, with a comma', () => {
    const [q] = direct('The envoy added, “Both sides have agreed to keep talking.”');
    assert.equal(speakerOf(q)?.text, 'The envoy');
  });

  test('"X told reporters"', () => {
    const [q] = direct('“There is no plan to close the embassy,” the ambassador told reporters in Amman.');
    assert.equal(speakerOf(q)?.text, 'the ambassador');
  });

  test('a statement printed after a colon belongs to whoever released it', () => {
    const text = 'The Interior Ministry released the following statement on Monday:\n\n“Security forces arrested three suspects after the attack on the market.”';
    const [q] = direct(text);
    assert.equal(speakerOf(q)?.text, 'The Interior Ministry');
    assert.equal(speakerOf(q)?.anonymous, false);
  });

  test('a speaker before a partial quotation inside reported speech', () => {
    const [q] = direct('He said the militia “remains a danger to every family in the valley.”');
    assert.equal(q?.text, 'remains a danger to every family in the valley.');
    assert.equal(speakerOf(q)?.text, 'He');
  });
});

describe('quotes: split, continued and following quotations', () => {
  test('a quotation split around its attribution gives one record per piece, same speaker', () => {
    const quotes = direct('“The dam is holding,” Ms. Haddad said Friday. “We will keep the pumps running all week.”');
    assert.equal(quotes.length, 2);
    assert.equal(quotes[0]!.text, 'The dam is holding,');
    assert.equal(quotes[1]!.text, 'We will keep the pumps running all week.');
    assert.equal(speakerOf(quotes[1])?.text, 'Ms. Haddad');
    assert.equal(speakerOf(quotes[1])?.resolvedBy, 'continuation');
  });

  test('speaker inside the quote: attribution between the pieces serves the second piece too', () => {
    const quotes = direct('“Supplies reached the camp,” said the aid coordinator. “More trucks are waiting at the border.”');
    assert.equal(speakerOf(quotes[1])?.text, 'the aid coordinator');
  });

  test('a quotation running over two paragraphs keeps its speaker', () => {
    const text = '“We lost contact with the patrol at midnight,” the battalion spokesman said. “Search teams went out at first light and found the vehicle near the river.\n\n“All four soldiers were alive and have been taken to hospital.”';
    const quotes = direct(text);
    assert.equal(quotes.length, 3);
    assert.ok(quotes[1]!.text.endsWith('near the river.'));
    const third = quoteStarting(quotes, 'All four soldiers');
    assert.equal(speakerOf(third)?.text, 'the battalion spokesman');
  });

  test('a statement printed over several paragraphs with one pair of marks is one quotation', () => {
    const text = 'The ministry issued this statement:\n\n"The strike targeted a weapons depot used by the group.\n\nNo civilians were in the area at the time."';
    const quotes = direct(text);
    assert.equal(quotes.length, 1);
    assert.ok(quotes[0]!.text.startsWith('The strike targeted'));
    assert.ok(quotes[0]!.text.endsWith('at the time.'));
  });

  test('a quotation in the next paragraph with no attribution keeps the last speaker', () => {
    const text = '“The harvest was half of last year’s,” said Amina Yusuf, a farmer in the district.\n\n“Without rain in April we will have nothing to sell.”';
    const quotes = direct(text);
    assert.equal(quotes.length, 2);
    assert.equal(speakerOf(quotes[1])?.name, 'Amina Yusuf');
  });
});

describe('quotes: scare quotes and partial quotes', () => {
  test('a word in marks is not a quotation', () => {
    assert.deepEqual(direct('The rebels still control the so-called “liberated zone” along the coast.'), []);
    assert.deepEqual(direct('Fighters retreated from the former “capital” of the movement.'), []);
    assert.deepEqual(direct('Residents fled what soon became a “ghost town” after the evacuation.'), []);
  });

  test('a nickname inside a name is not a quotation', () => {
    const quotes = direct('“The port is secure,” said Gen. Robert “Bobby” Tanaka, the regional commander.');
    assert.equal(quotes.length, 1);
    assert.equal(speakerOf(quotes[0])?.name, 'Robert “Bobby” Tanaka');
  });

  test('a short partial quotation attributed to a speaker is one', () => {
    const [q] = direct('The president called the bombing “a cowardly crime” and promised an inquiry.');
    assert.equal(q?.text, 'a cowardly crime');
    assert.equal(speakerOf(q)?.text, 'The president');
  });

  test('a partial quotation after a possessive speech noun is attributed to the possessor', () => {
    const text = 'Foreign Minister Lena Varga met the delegation. The envoy praised the Foreign Minister’s description of the ceasefire as “fragile but real.”';
    const [q] = direct(text);
    assert.equal(q?.text, 'fragile but real.');
    assert.equal(speakerOf(q)?.name, 'Lena Varga');
  });
});

describe('quotes: who the speaker is', () => {
  test('an unnamed official is anonymous, and "the official" keeps the fuller role', () => {
    const text = 'A senior defense official said the drills would go ahead.\n\n“There is no reason to cancel them,” the official said.';
    const [q] = direct(text);
    const s = speakerOf(q);
    assert.equal(s?.text, 'the official');
    assert.equal(s?.anonymous, true);
    assert.equal(s?.name, null);
    assert.equal(s?.role, 'senior defense official');
  });

  test('a surname resolves to the full name the article gave with a title', () => {
    const text = 'Army spokeswoman Col. Dana Whitfield confirmed the transfer.\n\n“The detainees were moved safely,” Whitfield said.';
    const s = speakerOf(direct(text)[0]);
    assert.equal(s?.text, 'Whitfield');
    assert.equal(s?.name, 'Dana Whitfield');
    assert.equal(s?.anonymous, false);
  });

  test('"the Secretary" resolves to the person introduced with that title', () => {
    const text = 'Secretary of State Paul Ndiaye met the delegation in Geneva.\n\n“We made progress on the prisoner exchange,” the Secretary said.';
    const s = speakerOf(direct(text)[0]);
    assert.equal(s?.text, 'the Secretary');
    assert.equal(s?.name, 'Paul Ndiaye');
  });

  test('a pronoun speaker resolves to the latest person who spoke', () => {
    const text = '“The checkpoint will stay,” said police chief Omar Farouk. He said the town “has been quiet for two weeks.”';
    const quotes = direct(text);
    const s = speakerOf(quoteStarting(quotes, 'has been quiet'));
    assert.equal(s?.text, 'He');
    assert.equal(s?.name, 'Omar Farouk');
    assert.equal(s?.resolvedBy, 'pronoun');
  });

  test('"the statement said" resolves to whoever issued the statement', () => {
    const text = 'In a statement, the regional command said two drones were shot down.\n\n“Both aircraft were destroyed before reaching the base,” the statement said.';
    const s = speakerOf(direct(text)[0]);
    assert.equal(s?.text, 'the statement');
    assert.equal(s?.role, 'regional command');
  });

  test('the speaker links to the actor whose mention covers it; a surname takes the person actor’s name', () => {
    const text = '“The ceasefire is holding,” Brandt said.';
    const at = text.indexOf('Brandt');
    const actor: Actor = { id: 'a1', name: 'Ilse Marie Brandt', code: 'UN', kind: 'person', country: null, mentions: [{ start: at, end: at + 6, text: 'Brandt' }] };
    const s = speakerOf(direct(text, [actor])[0]);
    assert.equal(s?.actor, 'a1');
    assert.equal(s?.code, 'UN');
    assert.equal(s?.name, 'Ilse Marie Brandt');
    assert.equal(s?.anonymous, false);
  });

  test('a full name the article writes stays; a role-named person actor gives no name', () => {
    const text = '“The ceasefire is holding,” said Maj. Gen. Ilse Brandt, the mission commander. “Both sides pulled back,” a senior UN official said.';
    const nameAt = text.indexOf('Ilse Brandt');
    const roleAt = text.indexOf('senior UN official');
    const actors: Actor[] = [
      { id: 'a1', name: 'Ilse Marie Brandt', code: 'UN', kind: 'person', country: null, mentions: [{ start: nameAt, end: nameAt + 11, text: 'Ilse Brandt' }] },
      { id: 'a2', name: 'senior UN official', code: 'UN', kind: 'person', country: null, mentions: [{ start: roleAt, end: roleAt + 18, text: 'senior UN official' }] },
    ];
    const [first, second] = direct(text, actors);
    assert.equal(speakerOf(first)?.name, 'Ilse Brandt');
    assert.equal(speakerOf(first)?.actor, 'a1');
    assert.equal(speakerOf(second)?.actor, 'a2');
    assert.equal(speakerOf(second)?.name, null);
    assert.equal(speakerOf(second)?.anonymous, true);
  });
});

describe('quotes: pronoun speakers and back-references, with the actors layer', () => {
  const pipeline = createPipeline({ skip: ['events'] });
  const run = (text: string) => pipeline.run({ id: 't', url: null, source: null, published: '2024-05-10', title: null, text }).layers.quotes;

  test('"he said" is the subject of the sentence before, not the last speaker', () => {
    const text = 'Gunmen seized 12 farm workers near Kaduna on Friday, according to a district council chairman.\n\nGovernor Musa Danladi condemned the kidnapping and ordered police to search the forest. “We will bring every one of them home,” he said in a statement.';
    const s = speakerOf(quoteStarting(run(text), 'We will bring'));
    assert.equal(s?.text, 'he');
    assert.equal(s?.name, 'Musa Danladi');
    assert.equal(s?.resolvedBy, 'pronoun');
    assert.equal(s?.code, 'NGAGOV');
  });

  test('a person named only as an object in the pronoun\'s own sentence is not its antecedent', () => {
    const text = 'Army spokeswoman Col. Dana Whitfield briefed reporters on Monday.\n\nAsked about Gen. Omar Sadiq, she said the plan “will not change.”';
    const s = speakerOf(quoteStarting(run(text), 'will not change'));
    assert.equal(s?.name, 'Dana Whitfield');
  });

  test('gender: "she" skips a man, "he" skips a spokeswoman', () => {
    const she = 'Foreign Minister Lena Varga met Mr. Tomas Reyes in Vienna. “The talks were useful,” she said.';
    assert.equal(speakerOf(quoteStarting(run(she), 'The talks'))?.name, 'Lena Varga');
    const he = 'Gen. Paul Odum spoke after Pentagon spokeswoman Ruth Kemp. “Nobody was hurt,” he said.';
    assert.equal(speakerOf(quoteStarting(run(he), 'Nobody was hurt'))?.name, 'Paul Odum');
  });

  test('with no person in its paragraph or the sentence before, the pronoun keeps the last speaker', () => {
    const text = '“The base is safe,” said Gen. Paul Odum.\n\nThe convoy reached the city on Friday.\n\n“We expect more attacks,” he said.';
    const s = speakerOf(quoteStarting(run(text), 'We expect'));
    assert.equal(s?.name, 'Paul Odum');
    assert.equal(s?.resolvedBy, 'pronoun');
  });

  test('a name with "Sheikh" inside is one speaker name', () => {
    const text = 'Somali President Abdi Sheikh Warsame visited the front. “We will win this war,” Warsame said.';
    const s = speakerOf(quoteStarting(run(text), 'We will win'));
    assert.equal(s?.name, 'Abdi Sheikh Warsame');
    assert.equal(s?.code, 'SOMGOV');
  });

  test('"the command said" links to the command named before it', () => {
    const text = 'U.S. Africa Command said it struck a training camp near Kismayo. “No civilians were harmed,” the command said.';
    const s = speakerOf(quoteStarting(run(text), 'No civilians'));
    assert.equal(s?.text, 'the command');
    assert.equal(s?.code, 'USAMIL');
    assert.ok(s?.actor);
  });
});

describe('quotes: reported speech', () => {
  test('"officials said the mission would …" is reported speech (direct: false)', () => {
    const quotes = quotesOf('Officials said the mission would end by the autumn.');
    assert.equal(quotes.length, 1);
    assert.equal(quotes[0]!.direct, false);
    assert.equal(quotes[0]!.text, 'the mission would end by the autumn');
    assert.equal(speakerOf(quotes[0])?.text, 'Officials');
    assert.equal(speakerOf(quotes[0])?.anonymous, true);
  });

  test('"X said Tuesday that …" skips the time and "that"', () => {
    const [q] = quotesOf('The coastguard said Tuesday that the ferry had been found.');
    assert.equal(q?.direct, false);
    assert.equal(q?.text, 'the ferry had been found');
    assert.equal(speakerOf(q)?.text, 'The coastguard');
  });

  test('an attribution at the end of the sentence', () => {
    const [q] = quotesOf('The airport will reopen on Monday, the transport ministry said.');
    assert.equal(q?.direct, false);
    assert.equal(q?.text, 'The airport will reopen on Monday');
    assert.equal(speakerOf(q)?.text, 'the transport ministry');
  });

  test('an infinitive after the verb is no reported clause', () => {
    assert.deepEqual(quotesOf('The rebels vowed to fight on.'), []);
    assert.deepEqual(quotesOf('The governor told farmers not to sell their grain before the harvest.'), []);
  });

  const reported = (text: string) => quotesOf(text).filter((q) => !q.direct).map((q) => q.text);

  test('when, where and to whom it was said is no reported clause', () => {
    // A listener and a time after "told", a prepositional phrase, an adverb of time.
    assert.deepEqual(reported('“The pass is open again,” the mayor told villagers after the funeral.'), []);
    assert.deepEqual(reported('The general told a crowded news conference before the parade in Basra.'), []);
    assert.deepEqual(reported('The minister spoke briefly and said again in the capital on Sunday.'), []);
    assert.deepEqual(reported('The envoy said in Amman, Jordan Wednesday.'), []);
    // A participle describes the statement, not what it said.
    assert.deepEqual(reported('The ministry said in a statement marking the anniversary of the flood.'), []);
  });

  test('"which he said would …" has lost its subject and is no reported clause', () => {
    assert.deepEqual(reported('The council approved a new levy, which the treasurer said would pay for the dam.'), []);
  });

  test('a modifier of the saying before "that": the clause starts after "that"', () => {
    assert.deepEqual(reported('The senator said during an interview with a local radio station that the bill would pass.'), ['the bill would pass']);
    assert.deepEqual(reported('The captain told sailors gathering on the deck that the storm had passed.'), ['the storm had passed']);
  });

  test('a clause may open with a modifier of its own', () => {
    // With an auxiliary, or after the comma that closes the modifier.
    assert.deepEqual(reported('The mayor said over the past five years the river had flooded twice.'), ['over the past five years the river had flooded twice']);
    assert.deepEqual(reported('Police said after breaking into the shop, the thieves drove north.'), ['after breaking into the shop, the thieves drove north']);
    assert.deepEqual(reported('The agency said on Monday at least nine boats were lost.'), ['at least nine boats were lost']);
  });

  test('the hearer of "told" ends where the subject of the clause begins', () => {
    assert.deepEqual(reported('The inspector told judges the fire started in the kitchen.'), ['the fire started in the kitchen']);
  });
});

describe('quotes on the dev gold, scored by the reference scorer', { skip: skipWithoutShared }, () => {
  test('quotes_f1 reaches 0.90 and quotes_speaker_acc 0.85', () => {
    const figures = devGoldFigures();
    assert.ok(figures.quotes_f1! >= 0.9, `quotes_f1 ${figures.quotes_f1}`);
    assert.ok(figures.quotes_speaker_acc! >= 0.85, `quotes_speaker_acc ${figures.quotes_speaker_acc}`);
  });
});
