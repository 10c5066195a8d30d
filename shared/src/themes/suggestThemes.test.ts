import { describe, expect, it } from 'vitest';
import { suggestThemes, type TextToGroup } from './suggestThemes.js';

/** A tiny seeded generator: the generated observations are the same at every run. */
function seeded(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const topics: Record<string, string[]> = {
  logement: ['logement', 'loyer', 'propriétaire', 'chauffage', 'appartement', 'travaux', 'HLM'],
  mobilite: ['voiture', 'permis', 'transport', 'autobus', 'covoiturage', 'essence', 'gare'],
  emploi: ['formation', 'stage', 'embauche', 'contrat', 'chômage', 'entreprise', 'métier'],
  sante: ['médecin', 'hôpital', 'pharmacie', 'infirmière', 'ordonnance', 'dentiste', 'soins'],
  enfance: ['crèche', 'école', 'cantine', 'garderie', 'nounou', 'devoirs', 'périscolaire'],
};
const everyday = ['souvent', 'vraiment', 'difficile', 'problème', 'compliqué', 'question'];

/** `count` verbatims, each naming three words of its topic among everyday words. */
function generated(count: number): { texts: TextToGroup[]; topicOf: Map<string, string> } {
  const random = seeded(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T;
  const names = Object.keys(topics);
  const texts: TextToGroup[] = [];
  const topicOf = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    const topic = names[i % names.length] as string;
    const words = topics[topic] as string[];
    const text = `Pour moi le ${pick(words)}, c’est ${pick(everyday)}. Le ${pick(words)} et la ${pick(words)}, ${pick(everyday)}.`;
    texts.push({ id: `o${i}`, text });
    topicOf.set(`o${i}`, topic);
  }
  return { texts, topicOf };
}

describe('theme suggestions from observation verbatims', () => {
  const texts: TextToGroup[] = [
    { id: 'a', text: 'Le loyer de mon logement a encore augmenté.' },
    { id: 'b', text: 'Les logements sont trop chers, un loyer à 600 euros.' },
    { id: 'c', text: 'Pas de logement à louer au village, les loyers flambent.' },
    { id: 'd', text: 'Sans voiture ni permis, je ne peux pas aller travailler.' },
    { id: 'e', text: 'Le permis coûte une fortune, et la voiture aussi.' },
    { id: 'f', text: 'J’aime beaucoup le marché du jeudi.' },
  ];

  it('groups texts that share vocabulary, labels each group with its words, and leaves the rest', () => {
    const result = suggestThemes(texts);
    expect(result.suggestions).toEqual([
      { label: 'Loyer, logement', ids: ['a', 'b', 'c'] },
      { label: 'Voiture, permis', ids: ['d', 'e'] },
    ]);
    expect(result.ungrouped).toEqual(['f']);
  });

  it('groups a small board on the word most of its texts share', () => {
    const few = [
      { id: '1', text: 'Mon logement est humide.' },
      { id: '2', text: 'Un logement trop petit.' },
      { id: '3', text: 'Le logement coûte cher.' },
      { id: '4', text: 'Le car passe tôt.' },
    ];
    expect(suggestThemes(few)).toEqual({
      suggestions: [{ label: 'Logement', ids: ['1', '2', '3'] }],
      ungrouped: ['4'],
    });
  });

  it('gives the same suggestions for the same input', () => {
    const { texts: many } = generated(120);
    expect(suggestThemes(many)).toEqual(suggestThemes(many));
  });

  it('leaves everything ungrouped when nothing is shared, and handles no input at all', () => {
    expect(suggestThemes([])).toEqual({ suggestions: [], ungrouped: [] });
    expect(
      suggestThemes([
        { id: '1', text: 'Le car du matin.' },
        { id: '2', text: 'Un loyer trop cher.' },
        { id: '3', text: '12 34 56' },
      ]),
    ).toEqual({ suggestions: [], ungrouped: ['1', '2', '3'] });
  });

  it('sorts 500 generated observations into their topics, each observation exactly once', () => {
    const { texts: many, topicOf } = generated(500);
    const { suggestions, ungrouped } = suggestThemes(many);
    const placed = [...suggestions.flatMap((s) => s.ids), ...ungrouped];
    expect(placed).toHaveLength(500);
    expect(new Set(placed).size).toBe(500);
    for (const suggestion of suggestions) {
      expect(suggestion.ids.length).toBeGreaterThanOrEqual(2);
      expect(suggestion.label).toMatch(/^\p{Lu}/u);
      // Every group is one topic, and its label is made of that topic's words.
      const groupTopics = new Set(suggestion.ids.map((id) => topicOf.get(id)));
      expect(groupTopics.size).toBe(1);
      const words = (topics[[...groupTopics][0] as string] as string[]).map((w) => w.toLowerCase());
      for (const word of suggestion.label.toLowerCase().split(', ')) expect(words).toContain(word);
    }
    expect(ungrouped.length).toBeLessThan(25);
  });
});
