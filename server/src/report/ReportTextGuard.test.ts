import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  fragmentToJson,
  reportDocLayout,
  reportTemplate,
  writeJsonToFragment,
  type PmNode,
} from '@boussole/shared';
import { createReportTextValidator } from './ReportTextGuard.js';

/** A room's copy of the report, guarded, and a client's copy that writes into it. */
function setup(initial?: PmNode) {
  const room = new Y.Doc();
  if (initial) writeJsonToFragment(initial, room.getXmlFragment(reportDocLayout.fragment));
  const guard = createReportTextValidator().guard(room);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(room));
  const send = () => {
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(room));
    return guard.applyChecked(() => Y.applyUpdate(room, update));
  };
  const text = () => fragmentToJson(room.getXmlFragment(reportDocLayout.fragment));
  return {
    room,
    client,
    send,
    text,
    clientFragment: client.getXmlFragment(reportDocLayout.fragment),
  };
}

const paragraph = (value: string, marks?: PmNode['marks']): PmNode => ({
  type: 'paragraph',
  content: [marks ? { type: 'text', text: value, marks } : { type: 'text', text: value }],
});

describe('the report’s content rules', () => {
  it('accepts everything the editor writes: the outline, tables, links, excerpts', () => {
    const { clientFragment, send, text } = setup();
    const doc = reportTemplate({
      name: 'ABS',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      communes: [{ name: 'Rochebrune', inseeCode: '99006' }],
      topics: ['mobilité'],
      publics: [],
    });
    doc.content!.push(
      paragraph('Voir le site', [
        { type: 'link', attrs: { href: 'https://www.insee.fr', target: '_blank' } },
      ]),
      {
        type: 'boardExcerpt',
        attrs: {
          source: 'recommendations',
          fingerprint: '0a1b2c3d',
          insertedAt: '2026-11-23T10:00:00Z',
        },
        content: [
          { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph('P1')] }] },
        ],
      },
      {
        type: 'orderedList',
        attrs: { start: 3 },
        content: [{ type: 'listItem', content: [paragraph('trois')] }],
      },
    );
    writeJsonToFragment(doc, clientFragment);
    expect(send()).toEqual([]);
    expect(text()).toEqual(doc);
  });

  it('removes foreign nodes, handler attributes, bad levels and script links; keeps the rest', () => {
    const { clientFragment, send, text } = setup({ type: 'doc', content: [paragraph('Avant.')] });
    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert(1)')]);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 99 as never);
    heading.insert(0, [new Y.XmlText('Titre')]);
    const handler = new Y.XmlElement('paragraph');
    handler.setAttribute('onclick', 'alert(1)');
    const linkText = new Y.XmlText();
    linkText.insert(0, 'cliquez', { link: { href: 'javascript:alert(1)' }, bold: {} });
    handler.insert(0, [linkText]);
    clientFragment.insert(1, [script, heading, handler, new Y.XmlText('texte nu')]);

    const refused = send();
    expect(refused.map((r) => r.id).sort()).toEqual(
      ['heading', 'link', 'paragraph', 'script', 'texte'].sort(),
    );
    expect(text()).toEqual({
      type: 'doc',
      content: [
        paragraph('Avant.'),
        { type: 'heading', content: [{ type: 'text', text: 'Titre' }] },
        paragraph('cliquez', [{ type: 'bold' }]),
      ],
    });
  });
});
