/**
 * Refusals of the import API, each with its HTTP status, stable code and French message. A
 * message names fields, columns and limits, never a cell's content or the file's name.
 */
export class ImportProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ImportProblem';
  }
}

const megabytes = (bytes: number) =>
  (bytes / (1024 * 1024)).toLocaleString('fr-FR', { maximumSignificantDigits: 3 });

export const importProblems = {
  notFound: () =>
    new ImportProblem(
      404,
      'import-not-found',
      'Cet import n’existe pas ou a expiré. Importez le fichier à nouveau.',
    ),
  expired: () =>
    new ImportProblem(
      410,
      'import-expired',
      'Cet import a expiré : le fichier n’a pas été gardé. Importez-le à nouveau.',
    ),
  committed: () =>
    new ImportProblem(
      409,
      'import-committed',
      'Cet import a déjà été ajouté au tableau : ses lignes ne sont plus gardées.',
    ),
  busy: () =>
    new ImportProblem(
      409,
      'import-in-progress',
      'Cet import est déjà en cours d’ajout au tableau. Attendez la fin.',
    ),
  tooLarge: (maxBytes: number) =>
    new ImportProblem(
      413,
      'import-too-large',
      `Le fichier dépasse la taille maximale acceptée (${megabytes(maxBytes)} Mo). Découpez-le ou demandez à l’administrateur de relever MAX_IMPORT_BYTES.`,
    ),
  tooMany: (perPerson: boolean) =>
    new ImportProblem(
      429,
      'too-many-imports',
      perPerson
        ? 'Vous avez déjà plusieurs imports en attente : terminez-en ou annulez-en un avant d’en commencer un autre.'
        : 'Trop d’imports sont en cours sur ce serveur. Réessayez dans quelques minutes.',
    ),
  noFile: () =>
    new ImportProblem(
      400,
      'import-no-file',
      'Aucun fichier reçu : envoyez-le dans le champ « file » d’un formulaire multipart.',
    ),
  boardNotInWorkspace: () =>
    new ImportProblem(
      400,
      'board-not-in-workspace',
      'Ce tableau n’existe pas dans l’espace de travail de l’import. Choisissez un tableau de cet espace.',
    ),
  invalidMapping: (message: string) => new ImportProblem(400, 'invalid-mapping', message),
  refused: (detail?: string) =>
    new ImportProblem(
      422,
      'import-refused',
      `Le tableau a refusé les cartes importées : rien n’a été ajouté.${detail ? ` ${detail}` : ''}`,
    ),
  boardOutdated: () =>
    new ImportProblem(
      422,
      'import-refused',
      'Ce tableau a été enregistré par une autre version de Boussole : ouvrez-le une fois dans le navigateur, puis relancez l’import. Rien n’a été ajouté.',
    ),
};
