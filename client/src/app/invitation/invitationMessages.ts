import type { InstanceKind, WorkspaceRole } from '@boussole/shared';
import { ApiRequestError } from '../../api/api.js';
import {
  catalogHook,
  catalogTranslate,
  type Catalogs,
  type Translator,
} from '../../i18n/catalog.js';
import type { Language } from '../../i18n/messages.js';

/**
 * The invitation page's own text, French first, kept beside the page (like
 * imports/importMessages.ts). `{name}` placeholders are filled from values.
 */
export const fr = {
  title: 'Rejoindre l’analyse des besoins sociaux',
  loading: 'Lecture de l’invitation…',
  noToken: 'Ce lien d’invitation est incomplet : demandez-en un nouveau à l’équipe.',
  'workspace.one': 'Vous êtes invité·e à l’analyse des besoins sociaux « {name} » ({communes}).',
  'workspace.none': 'Vous êtes invité·e à l’analyse des besoins sociaux « {name} ».',
  'communes.more': '{list} et {n} autres communes',
  'communes.moreOne': '{list} et une autre commune',
  and: ' et ',
  'role.sentence': 'Vous rejoignez {where} en tant que {who} : {can}.',
  'role.where.none': 'cette démarche',
  'notice.title': 'Comment vos contributions et votre nom sont utilisés',
  'name.label': 'Votre prénom ou vos initiales',
  'name.hint': 'Un prénom ou un pseudonyme suffit.',
  'name.suggest': 'Utiliser « {name} »',
  submit: 'Rejoindre',
  'refused.unknown': 'Ce lien d’invitation n’est pas valide. Vérifiez qu’il a été copié en entier.',
  'refused.gone':
    'Ce lien d’invitation ne peut plus servir (expiré, désactivé ou déjà utilisé). Demandez-en un nouveau à l’équipe.',
  'refused.tooMany':
    'Trop d’essais avec des liens invalides depuis cette adresse. Réessayez plus tard.',
} as const;

export type InvitationMessageKey = keyof typeof fr;

export const en: Record<InvitationMessageKey, string> = {
  title: 'Join the social needs analysis',
  loading: 'Reading the invitation…',
  noToken: 'This invitation link is incomplete: ask the team for a new one.',
  'workspace.one': 'You are invited to the social needs analysis “{name}” ({communes}).',
  'workspace.none': 'You are invited to the social needs analysis “{name}”.',
  'communes.more': '{list} and {n} other communes',
  'communes.moreOne': '{list} and one other commune',
  and: ' and ',
  'role.sentence': 'You are joining {where} as {who}: {can}.',
  'role.where.none': 'this analysis',
  'notice.title': 'How your contributions and your name are used',
  'name.label': 'Your first name or initials',
  'name.hint': 'A first name or a pseudonym is enough.',
  'name.suggest': 'Use “{name}”',
  submit: 'Join',
  'refused.unknown': 'This invitation link is not valid. Check that it was copied in full.',
  'refused.gone':
    'This invitation link can no longer be used (expired, disabled or used up). Ask the team for a new one.',
  'refused.tooMany': 'Too many attempts with invalid links from this address. Try again later.',
};

const catalogs: Catalogs<InvitationMessageKey> = { fr, en };

export type InvitationT = Translator<InvitationMessageKey>;

export const translate = catalogTranslate(catalogs);

export const useInvitationT = catalogHook(catalogs);

/** The instance as the object of « Vous rejoignez … »: with its article. */
const instanceNames: Record<Language, Record<InstanceKind, string>> = {
  fr: {
    comite_pilotage: 'le comité de pilotage',
    collectif_projet: 'le collectif projet',
    groupe_enquete: 'le groupe enquête de terrain',
    comite_redaction: 'le comité de rédaction',
    comite_relecture: 'le comité de relecture',
  },
  en: {
    comite_pilotage: 'the steering committee',
    collectif_projet: 'the project group',
    groupe_enquete: 'the field survey group',
    comite_redaction: 'the drafting committee',
    comite_relecture: 'the review committee',
  },
};

/** Who the guest will be, inclusive in French since the page knows nothing about them yet. */
const roleNames: Record<Language, Record<WorkspaceRole, string>> = {
  fr: {
    administrateur: 'administrateur·rice',
    animateur: 'animateur·rice',
    contributeur: 'contributeur·rice',
    relecteur: 'relecteur·rice',
    lecteur: 'lecteur·rice',
  },
  en: {
    administrateur: 'an administrator',
    animateur: 'a facilitator',
    contributeur: 'a contributor',
    relecteur: 'a reviewer',
    lecteur: 'a reader',
  },
};

/**
 * What the role lets the guest do, in the words of shared/src/access/roles.ts's rules
 * (canWriteDocument): boards are written by contributors and up, the report by facilitators
 * and the drafting committee's contributors, comments by everyone but readers.
 */
function abilities(language: Language, role: WorkspaceRole, drafting: boolean): string {
  const fr = language === 'fr';
  switch (role) {
    case 'administrateur':
      return fr
        ? 'vous pourrez tout modifier dans cet espace, y compris ses membres et ses liens d’invitation'
        : 'you will be able to change everything in this workspace, its members and invitation links included';
    case 'animateur':
      return fr
        ? 'vous pourrez écrire sur les tableaux, animer les ateliers (minuteur, votes, verrous) et rédiger le rapport'
        : 'you will be able to write on the boards, run the workshops (timer, votes, locks) and write the report';
    case 'contributeur':
      if (drafting) {
        return fr
          ? 'vous pourrez écrire sur les tableaux et rédiger le rapport'
          : 'you will be able to write on the boards and write the report';
      }
      return fr
        ? 'vous pourrez écrire sur les tableaux et commenter le rapport'
        : 'you will be able to write on the boards and comment on the report';
    case 'relecteur':
      return fr
        ? 'vous pourrez consulter les tableaux, lire le rapport et le commenter'
        : 'you will be able to view the boards, read the report and comment on it';
    case 'lecteur':
      return fr
        ? 'vous pourrez consulter les tableaux et le rapport, sans les modifier'
        : 'you will be able to view the boards and the report, without changing them';
    default: {
      const unreachable: never = role;
      throw new Error(`unknown role ${String(unreachable)}`);
    }
  }
}

/** « Vous rejoignez le collectif projet en tant que contributeur·rice : vous pourrez … ». */
export function roleSentence(
  language: Language,
  role: WorkspaceRole,
  instance: InstanceKind | null,
): string {
  return translate(language, 'role.sentence', {
    where: instance ? instanceNames[language][instance] : translate(language, 'role.where.none'),
    who: roleNames[language][role],
    can: abilities(language, role, instance === 'comite_redaction'),
  });
}

/** At most this many communes are named; an intercommunal ABS may have dozens. */
export const COMMUNES_SHOWN = 4;

/** « Rochebrune et Saint-Aubin », « A, B, C, D et 8 autres communes »; '' for none. */
export function communesText(communes: readonly string[], language: Language): string {
  const and = translate(language, 'and');
  if (communes.length <= COMMUNES_SHOWN) {
    if (communes.length < 2) return communes.join('');
    return `${communes.slice(0, -1).join(', ')}${and}${communes.at(-1)}`;
  }
  const n = communes.length - COMMUNES_SHOWN;
  return translate(language, n === 1 ? 'communes.moreOne' : 'communes.more', {
    list: communes.slice(0, COMMUNES_SHOWN).join(', '),
    n,
  });
}

/**
 * Why the preview was refused. In French the server's own message says which of expired,
 * disabled or used up; in English (the server speaks French) the status picks ours.
 */
export function refusalText(error: unknown, language: Language): string {
  if (!(error instanceof ApiRequestError)) return error instanceof Error ? error.message : '';
  const fromServer = !/^HTTP \d+$/.test(error.message);
  if (language === 'fr' && fromServer) return error.message;
  if (error.status === 404) return translate(language, 'refused.unknown');
  if (error.status === 410) return translate(language, 'refused.gone');
  if (error.status === 429) return translate(language, 'refused.tooMany');
  return error.message;
}

/** The notice as its administrators wrote it: paragraphs separated by blank lines. */
export function noticeParagraphs(text: string): string[] {
  return text
    .split(/\n[ \t]*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);
}
