import { foldAccents } from './foldAccents.js';

/**
 * A French stop-word list written for Boussole (not copied from a published list), accents
 * folded as `foldAccents` folds them. Besides the usual grammatical words (articles,
 * pronouns, prepositions, conjunctions, common adverbs) it holds the forms of the verbs that
 * carry little topic in spoken French (être, avoir, faire, aller, pouvoir, vouloir, devoir,
 * falloir, savoir, dire, croire, voir, venir, prendre, mettre, passer, rester, trouver,
 * partir, aimer), vague words (personne, chose, gens, fois, seul), durations (jour, semaine, mois, an,
 * heure), civilities (M., Mme) and numbers in words:
 * verbatims are transcribed speech, full of them.
 * « car » is left out on purpose: in field verbatims it is the coach (« le car scolaire »);
 * spoken French says « parce que » for the conjunction.
 */
const words = `
a à au aux avec ce ces cet cette ceci cela ça celui celle ceux celles chez comme dans de des du
elle elles en et eux il ils je j la le les leur leurs lui ma mais me m meme memes mes moi mon
ne n ni nos notre nous on ou où par pas pour qu que qui quoi quel quelle quels quelles sa se s
ses si son sur ta te t tes toi ton tu un une vos votre vous y d l c
ici la là voici voila dont donc or puis alors ensuite aussi ainsi encore deja toujours
jamais souvent parfois tres trop peu plus moins tant tellement bien mal beaucoup assez presque
seulement surtout meme vraiment rien tout tous toute toutes autre autres chaque quelque
quelques plusieurs certain certains certaine certaines aucun aucune nul nulle tel telle tels
telles quand comment pourquoi combien parce lorsque lorsqu puisque puisqu quoique jusque jusqu
avant apres pendant depuis entre vers sans sous contre selon malgre parmi hors envers
oui non ah oh bon bah ben euh hein voila enfin sinon tandis cependant pourtant toutefois
aujourd hui maintenant hier demain ya
etre suis es est sommes etes sont etais etait etions etiez etaient fus fut furent serai seras
sera serons serez seront serais serait serions seriez seraient sois soit soyons soyez soient
fusse fusses fut etant ete
avoir ai as avons avez ont avais avait avions aviez avaient eus eut eurent aurai auras aura
aurons aurez auront aurais aurait aurions auriez auraient aie aies ait ayons ayez aient eu
ayant
faire fais fait faisons faites font faisais faisait faisions faisaient ferai fera ferons
feront ferais ferait feraient fasse fassent faisant faits faite
aller vais vas va allons allez vont allais allait allions alliez allaient irai ira irons
iront irais irait iraient aille aillent alle allee alles allees allant
pouvoir peux peut pouvons pouvez peuvent pouvais pouvait pouvions pouvaient pourrai pourra
pourrons pourront pourrais pourrait pourrions pourraient puisse puissent pu
vouloir veux veut voulons voulez veulent voulais voulait voulions voulaient voudrai voudra
voudrais voudrait voudrions voudraient voulu
devoir dois doit devons devez doivent devais devait devaient devrai devra devrais devrait
devraient du dus due
falloir faut fallait faudra faudrait fallu
savoir sais sait savons savez savent savais savait savions savaient saurai saura saurais
saurait su
dire dis dit disons dites disent disais disait disaient dira dirait
croire crois croit croyais croyait cru
voir vois voit voyons voyez voient voyais voyait verrai verra vu vue vus
venir viens vient venons venez viennent venais venait venu venue venus viendra viendrait
prendre prends prend prenons prenez prennent prenais prenait pris prise prendra
mettre mets met mettons mettez mettent mettais mettait mis mise
passer passe passes passons passez passent passais passait passe passee
rester reste restes restons restez restent restais restait reste restee
trouver trouve trouves trouvons trouvez trouvent trouvais trouvait trouvee
partir pars part partons partez partent partais partait parti partie
aimer aime aimes aimons aimez aiment aimais aimait aimerais aimerait
personne personnes chose choses gens fois an ans seul seule seuls seules
jour jours semaine semaines mois annee annees heure heures minute minutes
mme mlle monsieur madame
zero deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize
vingt trente quarante cinquante soixante cent cents mille premier premiere second seconde
`;

export const frenchStopWords: ReadonlySet<string> = new Set(
  words.split(/\s+/).filter(Boolean).map(foldAccents),
);
