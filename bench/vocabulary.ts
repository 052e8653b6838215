/**
 * The word list the synthetic articles draw from, most frequent first, and a Zipf sampler over it.
 *
 * Real news text is Zipf-distributed: a few function words make up a large share of it and most content words
 * are rare. That matters to a word diff (frequent tokens give an LCS many candidate matches), so a uniform draw
 * from a word list would flatter the diff-based peers.
 */
import { createRandom, type Random } from './random';

const FUNCTION_WORDS = `the of and to a in that is for on it with was as at by he said from his be
have has are an this but not they were who will had their been its would which or after more she about
her up one also we there new when than over into two could out other some can all if them what only
first no last most while before under year people just because so many against between during since
three where those how back then any time through both these like now may our did down still being
should such even well much very made your own off each government police last told according week
officials`
  .split(/\s+/)
  .filter(Boolean);

const NEWS_WORDS = `president minister city country state court report years day security party
election vote campaign war military forces attack killed health company market million billion percent
economy prices workers union strike school students children women men family home water energy climate
border migrants refugees talks deal agreement plan budget tax spending debt bank rates inflation crisis
hospital doctors patients virus vaccine study research scientists data records law judge trial case
charges prison lawyer investigation evidence witness statement spokesman spokeswoman officer officers
department agency council mayor governor senator congress parliament committee leader leaders opposition
protest protesters rally crowd streets capital region province village town residents community local
national international foreign allies sanctions troops ceasefire aid convoy civilians rebels fighters
government's minister's announced warned added expected reported confirmed denied called asked
described suggested agreed refused planned continued began started ended raised cut increased fell rose
during nearly about almost around least later earlier early late recent former current senior chief
general public private official independent major key small large high low long short full free open
early fire storm flood weather power network phone online internet technology software users app
service services support system systems policy policies rules decision decisions plans changes
program programme project projects costs cost price value growth jobs job business businesses industry
firms firm shares investors trade exports imports oil gas coal car cars train flight flights airport
road roads bridge building buildings house houses land farmers food crops drought season team match
game player players coach club league final title win won lost victory defeat goal goals fans stadium
film music show book author artist museum festival award story news media journalists newspaper
television radio interview social video images photos message messages letter email meeting talks
summit visit trip tour speech comments remarks question questions answer response reaction concern
concerns fears risk threat danger damage losses victims survivors injured dead death deaths funeral
memorial anniversary history century decade month months weeks hours minutes morning afternoon
evening night Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
June July August September October November December north south east west northern southern eastern
western central coast island river mountain valley area areas site sites place places part parts
number numbers rate level levels amount half quarter third majority minority group groups members
member organisation organisations charity campaigners activists experts analysts critics supporters`
  .split(/\s+/)
  .filter(Boolean);

const ONSETS = ['b', 'br', 'c', 'ch', 'cl', 'd', 'dr', 'f', 'fl', 'g', 'gr', 'h', 'j', 'k', 'l', 'm', 'n'];
const MORE_ONSETS = ['p', 'pl', 'pr', 'r', 's', 'sh', 'sl', 'st', 't', 'th', 'tr', 'v', 'w', 'z'];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'ou', 'io'];
const CODAS = ['', '', 'n', 'r', 'l', 's', 't', 'nd', 'rt', 'st', 'ck', 'm', 'ng'];
const SUFFIXES = ['', '', '', 'ed', 'ing', 'er', 'ers', 'tion', 'ment', 'al', 'ly', 's', 'ity'];

/** How many words the vocabulary holds: "a few thousand", like a news section's working vocabulary. */
export const VOCABULARY_SIZE = 3000;

// Fixed seed: the vocabulary is part of the benchmark's definition, not of any one article.
const VOCABULARY_SEED = 0x5eed;

function inventWords(count: number, taken: Set<string>, random: Random): string[] {
  const onsets = [...ONSETS, ...MORE_ONSETS];
  const words: string[] = [];
  while (words.length < count) {
    const syllables = random.chance(0.15) ? 3 : random.int(1, 2);
    let word = '';
    for (let i = 0; i < syllables; i++) word += random.pick(onsets) + random.pick(VOWELS);
    word += random.pick(CODAS) + random.pick(SUFFIXES);
    // Names and places, capitalised, are a real share of news text.
    if (random.chance(0.15)) word = word.charAt(0).toUpperCase() + word.slice(1);
    if (word.length < 3 || taken.has(word)) continue;
    taken.add(word);
    words.push(word);
  }
  return words;
}

function buildVocabulary(): string[] {
  const taken = new Set<string>();
  const real: string[] = [];
  for (const word of [...FUNCTION_WORDS, ...NEWS_WORDS]) {
    if (taken.has(word)) continue;
    taken.add(word);
    real.push(word);
  }
  return [...real, ...inventWords(VOCABULARY_SIZE - real.length, taken, createRandom(VOCABULARY_SEED))];
}

/** The vocabulary, most frequent first. */
export const VOCABULARY: readonly string[] = buildVocabulary();

/** Draws words with probability ∝ 1 / (rank + 2.7), Mandelbrot's fit to English text. */
export interface WordSampler {
  word(random: Random): string;
}

export function createWordSampler(words: readonly string[] = VOCABULARY): WordSampler {
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let rank = 0; rank < words.length; rank++) {
    total += 1 / (rank + 2.7);
    cumulative[rank] = total;
  }
  return {
    word(random) {
      const target = random.next() * total;
      let lo = 0;
      let hi = words.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((cumulative[mid] as number) < target) lo = mid + 1;
        else hi = mid;
      }
      return words[lo] as string;
    },
  };
}
