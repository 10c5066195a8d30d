import type { Editor } from '@tiptap/react';
import { useT } from '../i18n/useT.js';
import { InsertExcerptMenu } from './excerpts/InsertExcerptMenu.js';

/** The formatting the report needs, and no more: an ABS report is headings, text and tables. */
export function ReportToolbar({ editor }: { editor: Editor }) {
  const t = useT();
  const chain = () => editor.chain().focus();
  const button = (label: string, active: boolean, run: () => void) => (
    <button
      type="button"
      aria-pressed={active}
      className={active ? 'active' : undefined}
      onMouseDown={(e) => e.preventDefault()}
      onClick={run}
    >
      {label}
    </button>
  );
  return (
    <div className="report-toolbar" role="toolbar" aria-label={t('report.toolbar')}>
      {button(t('report.h1'), editor.isActive('heading', { level: 1 }), () =>
        chain().toggleHeading({ level: 1 }).run(),
      )}
      {button(t('report.h2'), editor.isActive('heading', { level: 2 }), () =>
        chain().toggleHeading({ level: 2 }).run(),
      )}
      {button(t('report.h3'), editor.isActive('heading', { level: 3 }), () =>
        chain().toggleHeading({ level: 3 }).run(),
      )}
      {button(t('report.paragraph'), editor.isActive('paragraph'), () =>
        chain().setParagraph().run(),
      )}
      {button(t('report.bold'), editor.isActive('bold'), () => chain().toggleBold().run())}
      {button(t('report.italic'), editor.isActive('italic'), () => chain().toggleItalic().run())}
      {button(t('report.bullets'), editor.isActive('bulletList'), () =>
        chain().toggleBulletList().run(),
      )}
      {button(t('report.numbers'), editor.isActive('orderedList'), () =>
        chain().toggleOrderedList().run(),
      )}
      {button(t('report.quote'), editor.isActive('blockquote'), () =>
        chain().toggleBlockquote().run(),
      )}
      {button(t('report.link'), editor.isActive('link'), () => {
        const previous = editor.getAttributes('link').href as string | undefined;
        const href = window.prompt(t('report.linkPrompt'), previous ?? 'https://');
        if (href === null) return;
        if (href === '') chain().unsetLink().run();
        // "www.insee.fr" means the web site: the server accepts only web and mail links.
        else {
          const full = /^(https?:\/\/|mailto:|\/|#)/i.test(href) ? href : `https://${href}`;
          chain().extendMarkRange('link').setLink({ href: full }).run();
        }
      })}
      {button(t('report.table'), editor.isActive('table'), () =>
        chain().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run(),
      )}
      <InsertExcerptMenu editor={editor} />
      {button(t('report.undo'), false, () => chain().undo().run())}
      {button(t('report.redo'), false, () => chain().redo().run())}
    </div>
  );
}
