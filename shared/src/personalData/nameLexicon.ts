import { ambiguousFirstNames, frenchFirstNames, titleOnlyFirstNames } from './firstNames.js';
import { normaliseName } from './normalise.js';

/** Lookups are by normalised name (no case, no accents): one Set probe per word. */
const firstNames = new Set(frenchFirstNames.map(normaliseName));
const ambiguous = new Set(ambiguousFirstNames.map(normaliseName));
const titleOnly = new Set(titleOnlyFirstNames.map(normaliseName));

/** "Marie", or a compound made only of first names ("Marie-Claire", "Jean-Baptiste"). */
export function isFirstName(word: string): boolean {
  const name = normaliseName(word);
  if (firstNames.has(name)) return true;
  const parts = name.split('-');
  return parts.length > 1 && parts.every((p) => firstNames.has(p));
}

/** A first name that is also a common word: not a person alone at a sentence start. */
export function isAmbiguousFirstName(word: string): boolean {
  return ambiguous.has(normaliseName(word));
}

/** A first name that is usually a place, holiday or institution: a person only after a title. */
export function isTitleOnlyFirstName(word: string): boolean {
  return titleOnly.has(normaliseName(word));
}

/**
 * Capitalised words that are never part of a person's name here: months, weekdays, holidays,
 * institutions and their acronyms, roles ("Mme la Maire", "Monsieur le Président"), and words
 * that start a clause.
 */
const notNames = new Set(
  `
janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre
lundi mardi mercredi jeudi vendredi samedi dimanche paques
caf msa ccas cias cpam cnav carsat admr mdph mdpa ehpad ssiad pmi ase rsa apa aah apl als pch
cmu css smic cdd cdi cv bts cap bac hlm opac oph sncf ter tad epci udaf unaf ufc crous
ocde insee dgfip urssaf anah fsl fjt chrs chu chs cmp cmpp cesf sdf rdv tel mail
ime itep esat siao cada huda pass qpv mjc csapa caarud cms savs samsah ulis segpa cfa afpa greta
paej bafa clic maia dac ssr had usld epsm cesu cej pacea civis aeeh ash aspa asi ram rpe lape
ame puma ppa cnam ars dreets ddets dgcs atd mecs alf cmuc ape creche qf rib iban nir ddn sms
travail emploi pole mission locale secours populaire catholique restos coeur croix rouge
emmaus departement region etat prefecture mairie commune conseil maire adjoint adjointe
president presidente directeur directrice prefet prefete depute deputee senateur senatrice
ministre juge procureur cure abbe docteur professeur maitre monsieur madame mademoiselle
mme mlle mmes mr dr pr me vve veuve epouse nee
conseiller conseillere elu elue delegue deleguee assistante assistant educateur educatrice
il elle ils elles on je tu nous vous le la les un une des mais et ou donc or ni car
depuis pour avec sans chez dans sur sous en au aux du de ce cette ces son sa ses mon ma mes
saint sainte st ste rue avenue place chemin route impasse allee boulevard quai bricolage
`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(normaliseName),
);

export function isNotAName(word: string): boolean {
  return notNames.has(normaliseName(word));
}

/** Words right before a name that make it the name of a place or building ("lycée Jean Moulin"). */
const venueWords = new Set(
  `
rue avenue av boulevard bd place allee impasse chemin quai square cours route passage
lycee college ecole groupe scolaire hopital clinique centre salle espace residence gymnase
stade mediatheque bibliotheque maison foyer ehpad fondation association institut pont parc
cite quartier hameau lieu-dit eglise paroisse saint sainte st ste cinema theatre musee
`
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map(normaliseName),
);

export function isVenueWord(word: string): boolean {
  return venueWords.has(
    normaliseName(word)
      .replace(/^[ld]'/, '')
      .replace(/\.$/, ''),
  );
}
