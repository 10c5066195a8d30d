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
  type TLShapeId,
  type TLUserPreferences,
} from 'tldraw';
import { getAssetUrlsByImport } from '@tldraw/assets/imports.vite';
import 'tldraw/tldraw.css';
import {
  ApiRequestError,
  getBoardForPage,
  getClientConfig,
  type BoardForPage,
} from '../api/api.js';
import { navigate, workspacePath } from '../ui/router.js';
import type { CollabSession } from '../collab/collabSession.js';
import { useCollabSession } from '../collab/useCollabSession.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { bindAwareness } from './awarenessBinding.js';
import { CardToolbar } from './CardToolbar.js';
import { CardSidePanel } from './panel/CardSidePanel.js';
import { ConnectionPill } from '../collab/ConnectionPill.js';
import { PeopleList } from './PeopleList.js';
import { boussoleShapeUtils } from './shapes/index.js';
import { applyTemplateOnce } from './templates/applyTemplate.js';
import { useBoardStore } from './useBoardStore.js';

// Fonts, icons and translations come from this server, never from a CDN.
const assetUrls = getAssetUrlsByImport();

/**
 * Asks the server what this board is and what the person may do on it before connecting: a
 * refused person gets a sentence in French instead of a socket that retries forever.
 */
export default function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const [board, setBoard] = useState<BoardForPage | undefined>();
  const [refusal, setRefusal] = useState<string>();

  useEffect(() => {
    setBoard(undefined);
    setRefusal(undefined);
    getBoardForPage(boardId)
      .then(setBoard)
      .catch((error: unknown) => {
        const status = error instanceof ApiRequestError ? error.status : 0;
        setRefusal(
          status === 401
            ? t('board.signIn')
            : status === 403
              ? t('board.forbidden')
              : status === 404
                ? t('board.notFound')
                : error instanceof Error
                  ? error.message
                  : String(error),
        );
      });
  }, [boardId, t]);

  if (refusal) {
    return (
      <p className="loading error" role="alert">
        {refusal}
      </p>
    );
  }
  if (!board) return <p className="loading">{t('board.loading')}</p>;
  return <BoardView boardId={boardId} board={board} />;
}

function BoardView({ boardId, board }: { boardId: string; board: BoardForPage }) {
  const t = useT();
  const session = useCollabSession(boardId);
  if (!session) return <p className="loading">{t('board.loading')}</p>;
  return <BoardCanvas board={board} session={session} />;
}

function BoardCanvas({ board, session }: { board: BoardForPage; session: CollabSession }) {
  const t = useT();
  const { userId: localUserId, displayName: localName, color, language } = useUiStore();
  // In a workspace, the server says who this is; others see that name whatever is typed here.
  const userId = board.access?.identity.id ?? localUserId;
  const displayName = board.access?.identity.name ?? localName;
  const readOnly = board.access ? !board.access.canWrite : false;
  const [licenseKey, setLicenseKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();

  useEffect(() => {
    void getClientConfig().then((c) => setLicenseKey(c?.tldrawLicenseKey ?? undefined));
  }, []);

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
    // Said the way the server stamps it (server/src/collab/awarenessIdentity.ts): a state that
    // already shows the right identity is relayed as written, without being re-encoded.
    session.awareness.setLocalStateField('user', { id: userId, name: displayName });
    const presence = bindAwareness(storeState.store, session.awareness, {
      localPresence: createPresenceStateDerivation($user)(storeState.store),
    });
    return () => presence.dispose();
  }, [editor, storeState, session, preferences, color, userId, displayName]);

  useEffect(() => {
    if (!editor) return;
    // The server refuses a reader's changes anyway; the editor does not offer them.
    editor.updateInstanceState({ isReadonly: readOnly });
    if (!readOnly) applyTemplateOnce(editor, session.doc, board.template, language);
  }, [editor, board, session, language, readOnly]);

  // Whoever opens a board sees all of it first (the camera is each person's own, never shared),
  // unless the link names one card (`#shape:…`, from the report's excerpts): then that card,
  // selected, as soon as it has arrived.
  useEffect(() => {
    if (!editor) return;
    const target = decodeURIComponent(window.location.hash.slice(1));
    const showTarget = (): boolean => {
      const shape = target.startsWith('shape:') ? editor.getShape(target as TLShapeId) : undefined;
      if (!shape) return false;
      editor.select(shape.id);
      const bounds = editor.getSelectionPageBounds();
      // Close enough to read the card, never zoomed in beyond its real size.
      if (bounds) editor.zoomToBounds(bounds, { targetZoom: 1, animation: { duration: 0 } });
      return true;
    };
    if (showTarget()) return;
    if (editor.getCurrentPageShapeIds().size > 0) {
      editor.zoomToFit({ animation: { duration: 0 } });
    }
    if (!target.startsWith('shape:')) return;
    const stop = editor.store.listen(() => {
      if (showTarget()) stop();
    });
    const timer = setTimeout(stop, 10_000);
    return () => {
      stop();
      clearTimeout(timer);
    };
  }, [editor]);

  return (
    <section className="board-page">
      <div className="board-header">
        {board.workspaceId && (
          <a
            className="back"
            href={workspacePath(board.workspaceId)}
            onClick={(e) => {
              e.preventDefault();
              if (board.workspaceId) navigate(workspacePath(board.workspaceId));
            }}
          >
            {t('board.workspace')}
          </a>
        )}
        <h1>{board.title}</h1>
        {readOnly ? (
          <p className="read-only">{t('board.readOnly')}</p>
        ) : (
          <CardToolbar editor={editor} />
        )}
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
        {editor && !readOnly && <CardSidePanel editor={editor} />}
      </div>
    </section>
  );
}
