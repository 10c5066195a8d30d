import { useEffect, useMemo, useState } from 'react';
import {
  Tldraw,
  atom,
  computed,
  createPresenceStateDerivation,
  createTLCurrentUser,
  createUserId,
  type Editor,
  type TLUser,
  type TLUserPreferences,
} from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import 'tldraw/tldraw.css';
import type { BoardSummary } from '@boussole/shared';
import { getBoard, getClientConfig } from '../app/api.js';
import { openCollabSession } from '../collab/collabSession.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { bindAwareness } from './awarenessBinding.js';
import { CardToolbar } from './CardToolbar.js';
import { CardSidePanel } from './panel/CardSidePanel.js';
import { ConnectionPill } from './ConnectionPill.js';
import { PeopleList } from './PeopleList.js';
import { boussoleShapeUtils } from './shapes/index.js';
import { applyTemplateOnce } from './templates/applyTemplate.js';
import { useBoardStore } from './useBoardStore.js';

// Fonts, icons and translations come from this server, never from a CDN.
const assetUrls = getAssetUrlsByImport();

export default function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const { userId, displayName, color, language } = useUiStore();
  const [board, setBoard] = useState<BoardSummary | null | undefined>();
  const [licenseKey, setLicenseKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();

  useEffect(() => {
    void getBoard(boardId).then((b) => setBoard(b ?? null));
    void getClientConfig().then((c) => setLicenseKey(c?.tldrawLicenseKey ?? undefined));
  }, [boardId]);

  const session = useMemo(() => openCollabSession(boardId, { language }), [boardId, language]);
  useEffect(() => () => session.destroy(), [session]);
  const storeState = useBoardStore(session);

  // The person's identity as tldraw sees it (cursor label and colour, locale of its menus).
  const preferences = useMemo(
    () =>
      atom<TLUserPreferences>('boussole user', {
        id: userId,
        name: displayName || null,
        color,
        locale: language,
      }),
    [userId, displayName, color, language],
  );
  const user = useMemo(() => createTLCurrentUser({ userPreferences: preferences }), [preferences]);

  useEffect(() => {
    if (!editor || storeState.kind !== 'ready') return;
    const $user = computed<TLUser | null>('presence user', () => {
      const p = preferences.get();
      return {
        id: createUserId(p.id),
        typeName: 'user',
        name: p.name ?? '',
        color: p.color ?? color,
        imageUrl: '',
        meta: {},
      };
    });
    const presence = bindAwareness(storeState.store, session.awareness, {
      localPresence: createPresenceStateDerivation($user)(storeState.store),
    });
    return () => presence.dispose();
  }, [editor, storeState, session, preferences, color]);

  useEffect(() => {
    if (editor && board) applyTemplateOnce(editor, session.doc, board.template, language);
  }, [editor, board, session, language]);

  if (board === null) return <p className="loading">{t('board.notFound')}</p>;
  return (
    <section className="board-page">
      <div className="board-header">
        <h1>{board?.title ?? '…'}</h1>
        <CardToolbar editor={editor} />
        <PeopleList awareness={session.awareness} />
        <ConnectionPill session={session} />
      </div>
      <div className="board-canvas">
        {storeState.kind === 'loading' && <p className="loading">{t('board.loading')}</p>}
        {storeState.kind === 'error' && (
          <p className="loading error" role="alert">
            {storeState.error === 'too-new'
              ? 'Ce tableau a été enregistré par une version plus récente de Boussole : rechargez la page.'
              : `Le tableau n’a pas pu être chargé : ${storeState.message}`}
          </p>
        )}
        {storeState.kind === 'ready' && (
          <Tldraw
            store={storeState.store}
            shapeUtils={boussoleShapeUtils}
            assetUrls={assetUrls}
            user={user}
            licenseKey={licenseKey}
            onMount={(mounted) => {
              setEditor(mounted);
              return () => setEditor(undefined);
            }}
          />
        )}
        {editor && <CardSidePanel editor={editor} />}
      </div>
    </section>
  );
}
