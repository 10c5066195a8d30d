/**
 * Refusals of the held-cards API, each with its HTTP status, stable code and French message. A
 * message names limits and modes, never a card's content.
 */
export class ContributionProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ContributionProblem';
  }
}

export const contributionProblems = {
  boardNotFound: () => new ContributionProblem(404, 'board-not-found', 'Ce tableau n’existe pas.'),
  cardNotFound: () =>
    new ContributionProblem(
      404,
      'held-card-not-found',
      'Cette carte n’existe plus : elle a peut-être déjà été révélée, acceptée ou refusée.',
    ),
  notHeld: () =>
    new ContributionProblem(
      409,
      'not-held',
      'Ni l’écriture privée ni la modération ne sont actives sur ce tableau : ajoutez la carte directement au tableau.',
    ),
  readOnly: () =>
    new ContributionProblem(
      403,
      'forbidden',
      'Votre rôle permet de consulter ce tableau, pas d’y ajouter des cartes.',
    ),
  facilitatorsOnly: () =>
    new ContributionProblem(
      403,
      'facilitators-only',
      'Cette action est réservée aux animateurs et administrateurs de l’espace.',
    ),
  tooManyOfYours: (max: number) =>
    new ContributionProblem(
      429,
      'too-many-held-cards',
      `Vous avez déjà ${max} cartes en attente sur ce tableau : attendez la révélation ou supprimez-en une.`,
    ),
  tooManyOnBoard: (max: number) =>
    new ContributionProblem(
      429,
      'board-held-cards-full',
      `Ce tableau a déjà ${max} cartes en attente : l’animateur doit les révéler ou les traiter d’abord.`,
    ),
  tooLarge: (kilobytes: number) =>
    new ContributionProblem(
      413,
      'held-cards-too-large',
      `Vos cartes en attente dépassent ${kilobytes} Ko : raccourcissez-les ou attendez la révélation.`,
    ),
  boardRefused: () =>
    new ContributionProblem(
      409,
      'board-refused',
      'Le tableau a refusé ces cartes (il est peut-être trop volumineux, ou doit être ouvert une fois pour être mis à jour). Rien n’a été perdu : elles restent en attente.',
    ),
};
