/**
 * How a report lives in its Yjs document, for every reader of it (the editor, the server's
 * template, exports and versions): the rich text is `doc.getXmlFragment(reportDocLayout.
 * fragment)`, in y-prosemirror's encoding — one Y.XmlElement per ProseMirror node (nodeName
 * = node type, attributes = node attrs), runs of text as Y.XmlText whose formatting attributes
 * are the marks (name → mark attrs).
 */
export const reportDocLayout = {
  fragment: 'default',
} as const;

/** The comments of a report live in their own document, so reviewers may write them. */
export function commentsDocIdOf(reportId: string): string {
  return `${reportId}-comments`;
}
