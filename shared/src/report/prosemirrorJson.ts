import * as Y from 'yjs';

/**
 * ProseMirror's JSON form of a document (what Tiptap's `editor.getJSON()` gives), and its
 * conversion to and from a Y.XmlFragment in y-prosemirror's encoding (see reportDocLayout).
 * The server uses it for the template, exports and versions without loading ProseMirror.
 */
export interface PmMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface PmNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: PmNode[];
  text?: string;
  marks?: PmMark[];
}

/** y-prosemirror names overlapping marks `name--<8-char hash>`. */
const hashedMarkName = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

function marksOf(attributes: Record<string, unknown> | undefined): PmMark[] | undefined {
  if (!attributes) return undefined;
  const marks: PmMark[] = [];
  for (const [name, attrs] of Object.entries(attributes)) {
    const type = hashedMarkName.exec(name)?.[1] ?? name;
    const plain = attrs && typeof attrs === 'object' ? (attrs as Record<string, unknown>) : {};
    marks.push(Object.keys(plain).length > 0 ? { type, attrs: plain } : { type });
  }
  return marks.length > 0 ? marks : undefined;
}

function textNodes(text: Y.XmlText): PmNode[] {
  const delta = text.toDelta() as { insert: unknown; attributes?: Record<string, unknown> }[];
  return delta
    .filter(
      (op): op is { insert: string; attributes?: Record<string, unknown> } =>
        typeof op.insert === 'string' && op.insert.length > 0,
    )
    .map((op) => {
      const marks = marksOf(op.attributes);
      return marks ? { type: 'text', text: op.insert, marks } : { type: 'text', text: op.insert };
    });
}

function elementNode(element: Y.XmlElement): PmNode {
  const node: PmNode = { type: element.nodeName };
  const attrs = element.getAttributes() as Record<string, unknown>;
  if (Object.keys(attrs).length > 0) node.attrs = attrs;
  const content = childrenOf(element);
  if (content.length > 0) node.content = content;
  return node;
}

function childrenOf(parent: Y.XmlFragment | Y.XmlElement): PmNode[] {
  const nodes: PmNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) nodes.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) nodes.push(elementNode(child));
  }
  return nodes;
}

/** The fragment as a ProseMirror `doc` node. */
export function fragmentToJson(fragment: Y.XmlFragment): PmNode {
  return { type: 'doc', content: childrenOf(fragment) };
}

function attributesOf(marks: PmMark[] | undefined): Record<string, unknown> | undefined {
  if (!marks || marks.length === 0) return undefined;
  return Object.fromEntries(marks.map((m) => [m.type, m.attrs ?? {}]));
}

function yNodesOf(nodes: PmNode[]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let run: PmNode[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const text = new Y.XmlText();
    text.applyDelta(
      run.map((n) => {
        const attributes = attributesOf(n.marks);
        return attributes ? { insert: n.text ?? '', attributes } : { insert: n.text ?? '' };
      }),
    );
    out.push(text);
    run = [];
  };
  for (const node of nodes) {
    if (node.type === 'text') {
      run.push(node);
      continue;
    }
    flush();
    const element = new Y.XmlElement(node.type);
    for (const [key, value] of Object.entries(node.attrs ?? {})) {
      // As y-prosemirror does: null attrs are not stored.
      if (value !== null && value !== undefined) element.setAttribute(key, value as string);
    }
    element.insert(0, yNodesOf(node.content ?? []));
    out.push(element);
  }
  flush();
  return out;
}

/** Replaces the fragment's content with this `doc` node's (in the caller's transaction). */
export function writeJsonToFragment(doc: PmNode, fragment: Y.XmlFragment): void {
  if (fragment.length > 0) fragment.delete(0, fragment.length);
  fragment.insert(0, yNodesOf(doc.content ?? []));
}

/** All the text of a node, blocks separated by newlines: for diffs, searches and tests. */
export function plainText(node: PmNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(plainText);
  const isInline = (node.content ?? []).every((c) => c.type === 'text' || c.type === 'hardBreak');
  return isInline ? inner.join('') : inner.join('\n');
}
