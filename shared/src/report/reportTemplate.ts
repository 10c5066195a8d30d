import type { PmNode } from './prosemirrorJson.js';

/** What the template needs to know about the workspace it starts a report for. */
export interface ReportTemplateContext {
  name: string;
  periodStart: string;
  periodEnd: string;
  communes: { name: string; inseeCode: string }[];
  topics: string[];
  publics: string[];
}

const text = (value: string, marks?: PmNode['marks']): PmNode =>
  marks ? { type: 'text', text: value, marks } : { type: 'text', text: value };
const paragraph = (...content: PmNode[]): PmNode => ({ type: 'paragraph', content });
const heading = (level: number, value: string): PmNode => ({
  type: 'heading',
  attrs: { level },
  content: [text(value)],
});
/** Guidance for the drafters, in italics, meant to be replaced. */
const guidance = (value: string): PmNode => paragraph(text(value, [{ type: 'italic' }]));
const bullets = (items: string[]): PmNode => ({
  type: 'bulletList',
  content: items.map((item) => ({ type: 'listItem', content: [paragraph(text(item))] })),
});

const frenchDate = (iso: string): string => {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
};

function communesTable(communes: ReportTemplateContext['communes']): PmNode {
  const cell = (type: 'tableHeader' | 'tableCell', value: string): PmNode => ({
    type,
    attrs: { colspan: 1, rowspan: 1 },
    content: [paragraph(text(value))],
  });
  return {
    type: 'table',
    content: [
      {
        type: 'tableRow',
        content: [cell('tableHeader', 'Commune'), cell('tableHeader', 'Code INSEE')],
      },
      ...communes.map((c) => ({
        type: 'tableRow',
        content: [cell('tableCell', c.name), cell('tableCell', c.inseeCode)],
      })),
    ],
  };
}

/**
 * The usual outline of an ABS report (CASF R123-1), in French, with the workspace's own facts
 * where they are known and guidance in italics elsewhere. Written once, by the server, when
 * the report is created — never by a client, so two people opening it cannot both insert it.
 */
export function reportTemplate(ctx: ReportTemplateContext): PmNode {
  const territory =
    ctx.communes.length > 0
      ? [
          paragraph(
            text(
              `Le territoire de l’analyse compte ${ctx.communes.length} commune${ctx.communes.length > 1 ? 's' : ''} :`,
            ),
          ),
          communesTable(ctx.communes),
        ]
      : [guidance('Présentez le territoire : communes, population, évolutions récentes.')];
  return {
    type: 'doc',
    content: [
      heading(1, `Analyse des besoins sociaux — ${ctx.name}`),
      paragraph(
        text(
          `Période de l’analyse : du ${frenchDate(ctx.periodStart)} au ${frenchDate(ctx.periodEnd)}.`,
        ),
      ),
      heading(2, 'Contexte et commande des élus'),
      guidance(
        'Rappelez l’obligation (article R123-1 du Code de l’action sociale et des familles), la commande des élus, les questions posées et ce que l’analyse doit éclairer.',
      ),
      ...(ctx.topics.length > 0
        ? [paragraph(text('Thématiques retenues :')), bullets(ctx.topics)]
        : []),
      ...(ctx.publics.length > 0
        ? [paragraph(text('Publics prioritaires :')), bullets(ctx.publics)]
        : []),
      heading(2, 'Méthode et instances'),
      guidance(
        'Décrivez la démarche et le calendrier : qui a participé (comité de pilotage, collectif projet, groupe enquête de terrain, comités de rédaction et de relecture), les ateliers, les entretiens et questionnaires menés.',
      ),
      heading(2, 'Portrait du territoire'),
      ...territory,
      guidance(
        'Insérez les indicateurs clés (population, revenus, logement, mobilité…) et leur source.',
      ),
      heading(2, 'Hypothèses de travail et leur vérification'),
      guidance(
        'Pour chaque hypothèse du collectif projet : les indicateurs et les éléments de terrain qui la confirment, l’infirment ou la nuancent.',
      ),
      heading(2, 'Enseignements de l’enquête de terrain'),
      guidance(
        'Présentez les thèmes issus du regroupement des observations, chacun avec quelques verbatims représentatifs (anonymisés).',
      ),
      heading(2, 'Préconisations et pistes d’action'),
      guidance(
        'Par thématique : chaque préconisation, sa priorité et l’organisation qui la porte. Insérez-les depuis le tableau des préconisations pour garder le lien.',
      ),
      heading(2, 'Suites à donner et suivi'),
      guidance(
        'Calendrier de mise en œuvre, indicateurs de suivi, prochaine actualisation de l’analyse.',
      ),
      heading(2, 'Annexes'),
      heading(3, 'Sources'),
      guidance('Sources des indicateurs (INSEE, CAF, Département…), dates et périmètres.'),
      heading(3, 'Glossaire'),
      bullets([
        'ABS : analyse des besoins sociaux.',
        'CCAS / CIAS : centre communal / intercommunal d’action sociale.',
        'Préconisation : recommandation soumise aux élus.',
      ]),
    ],
  };
}
