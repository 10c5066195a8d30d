import { useEffect, useId, useMemo, useState } from 'react';
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
// After tldraw's: the cards' classes override its container's (imported here, not by CardView,
// because Node scripts and benchmarks load the shapes without a CSS loader).
import './shapes/cardView.css';
import {
  ApiRequestError,
  getBoardForPage,
  getClientConfig,
  type BoardForPage,
} from '../api/api.js';
import { navigate, workspacePath } from '../ui/router.js';
import { rememberBoard, rememberedBoard } from '../app/rememberedBoards.js';
import type { CollabSession } from '../collab/collabSession.js';
import { useCollabSession } from '../collab/useCollabSession.js';
import { useT } from '../i18n/useT.js';
import { useUiStore } from '../stores/uiStore.js';
import { bindAwareness } from './awarenessBinding.js';
import { CardToolbar } from './CardToolbar.js';
import { CardSidePanel } from './panel/CardSidePanel.js';
import { ConnectionPill } from '../collab/ConnectionPill.js';
import { BoardFocus, FocusPeopleList, type FocusSession } from './focus/BoardFocus.js';
import { BoardExportLinks } from './BoardExportLinks.js';
import { BoardSearchBar } from './search/BoardSearchBar.js';
import { ThemeSuggestions } from './suggest/ThemeSuggestions.js';
import { boardUiComponents } from './tldrawUi.js';
import { BoardArrange } from './arrange/ArrangeControls.js';
import { arrangeText } from './arrange/arrangeText.js';
import {
  PersonalDataCheckButton,
  PersonalDataCheckPanel,
} from '../personalData/PersonalDataCheck.js';
import { ImportFileLink } from '../personalData/ImportFileLink.js';
import { boussoleShapeUtils } from './shapes/index.js';
import { applyTemplateOnce } from './templates/applyTemplate.js';
import { useBoardStore } from './useBoardStore.js';
import { BoardVote } from './vote/BoardVote.js';
import { BoardContribution } from './contribution/BoardContribution.js';
import { SessionBar } from './session/SessionBar.js';
import { useBoardSession } from './session/useBoardSession.js';

// Fonts, icons and translations come from this server, never from a CDN.
const assetUrls = getAssetUrlsByImport();

/**
 * Asks the server what this board is and what the person may do on it before connecting: a
 * refused person gets a sentence in French instead of a socket that retries forever.
 */
/** Why the board cannot be shown: a message key, or the server's own words. */
type Refusal =
  | { key: 'board.signIn' | 'board.forbidden' | 'board.notFound' | 'board.offlineUnknown' }
  | { message: string };

export default function BoardPage({ boardId }: { boardId: string }) {
  const t = useT();
  const [board, setBoard] = useState<BoardForPage | undefined>();
  const [refusal, setRefusal] = useState<Refusal>();
  // Bumped when the network comes back after a board could not be opened offline: fetch again.
  const [attempt, setAttempt] = useState(0);
  const offlineUnknown =
    refusal !== undefined && 'key' in refusal && refusal.key === 'board.offlineUnknown';
  useEffect(() => {
    if (!offlineUnknown) return;
    const retry = () => setAttempt((n) => n + 1);
    window.addEventListener('online', retry);
    return () => window.removeEventListener('online', retry);
  }, [offlineUnknown]);

  // Keyed on the board only: the refusal is kept as a code and worded at render, so switching
  // the language neither fetches the board again nor reopens its connection.
  useEffect(() => {
    setBoard(undefined);
    setRefusal(undefined);
    getBoardForPage(boardId)
      .then((found) => {
        rememberBoard(boardId, found);
        setBoard(found);
      })
      .catch((error: unknown) => {
        const status = error instanceof ApiRequestError ? error.status : 0;
        // Offline (no answer at all): the board as last seen in this tab, from its local copy.
        const offline = status === 0 && !navigator.onLine ? rememberedBoard(boardId) : undefined;
        if (offline) return setBoard(offline);
        setRefusal(
          status === 0 && !navigator.onLine
            ? // Offline, and this tab never opened the board: nothing local to show.
              { key: 'board.offlineUnknown' }
            : status === 401
              ? { key: 'board.signIn' }
              : status === 403
                ? { key: 'board.forbidden' }
                : status === 404
                  ? { key: 'board.notFound' }
                  : { message: error instanceof Error ? error.message : String(error) },
        );
      });
  }, [boardId, attempt]);

  if (refusal) {
    return (
      <p className="loading error" role="alert">
        {'key' in refusal ? t(refusal.key) : refusal.message}
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
  const role = board.access?.role;
  const facilitator = role === 'animateur' || role === 'administrateur';
  // The session document (timer, agenda, vote, lock, modes, focus) is opened here once and
  // handed to every part of the page that reads it.
  const boardSession = useBoardSession(board.id, facilitator);
  const { focus, serverNow, clockReady, write: writeSession } = boardSession;
  // The focus waits for the first clock measurement: a summon is obeyed only if recent, and a
  // computer minutes off would otherwise judge that by its own wrong clock.
  const focusSession = useMemo<FocusSession>(
    () => ({
      focus: clockReady ? focus : undefined,
      serverNow,
      writeFocus: writeSession ? (value) => writeSession('focus', value) : undefined,
    }),
    [focus, clockReady, serverNow, writeSession],
  );
  const [licenseKey, setLicenseKey] = useState<string | undefined>();
  const [editor, setEditor] = useState<Editor | undefined>();
  const [checkOpen, setCheckOpen] = useState(false);
  const checkPanelId = useId();

  useEffect(() => {
    void getClientConfig().then((c) => setLicenseKey(c?.tldrawLicenseKey ?? undefined));
  }, []);

  const storeState = useBoardStore(session);

  // The person's identity as tldraw sees it (cursor label and colour, locale of its menus).
  // One atom for the page, updated in place (below): a new one would make tldraw rebuild its
  // editor, losing the selection, each time the name, colour or language changes.
  const preferences = useMemo(
    () =>
      atom<TLUserPreferences>('boussole user', {
        id: userId,
        name: displayName || null,
        color,
        locale: language,
      }),
    [userId],
  );
  useEffect(() => {
    preferences.set({ id: userId, name: displayName || null, color, locale: language });
  }, [preferences, userId, displayName, color, language]);
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
          <>
            <CardToolbar editor={editor} />
            <PersonalDataCheckButton
              open={checkOpen}
              disabled={!editor}
              panelId={checkPanelId}
              onToggle={() => setCheckOpen(!checkOpen)}
            />
            {editor && <ThemeSuggestions editor={editor} />}
            {editor && <BoardArrange editor={editor} text={arrangeText[language]} />}
          </>
        )}
        <BoardExportLinks boardId={board.id} title={board.title} editor={editor} />
        {board.workspaceId && board.access && (
          <ImportFileLink
            workspaceId={board.workspaceId}
            boardId={board.id}
            role={board.access.role}
          />
        )}
        <FocusPeopleList session={session} editor={editor} />
        <ConnectionPill session={session} />
      </div>
      <SessionBar editor={editor} session={boardSession} board={session} />
      {editor && <BoardSearchBar editor={editor} />}
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
            components={boardUiComponents}
            onMount={(mounted) => {
              setEditor(mounted);
              return () => setEditor(undefined);
            }}
          />
        )}
        {editor && boardSession.doc && (
          <BoardContribution
            editor={editor}
            boardId={board.id}
            role={role}
            canWrite={!readOnly}
            board={session}
            sessionDoc={boardSession.doc}
          />
        )}
        {editor && (
          <BoardVote
            editor={editor}
            boardId={board.id}
            role={role}
            canWrite={!readOnly}
            vote={boardSession.vote}
            voteFromPage
          />
        )}
        {editor && !readOnly && (
          <CardSidePanel editor={editor} boardId={board.id} workspaceId={board.workspaceId} />
        )}
        {editor && (
          <BoardFocus
            editor={editor}
            session={session}
            boardId={board.id}
            selfName={displayName}
            focusSession={focusSession}
            readOnly={readOnly}
          />
        )}
        {editor && !readOnly && checkOpen && (
          <PersonalDataCheckPanel
            id={checkPanelId}
            editor={editor}
            workspaceId={board.workspaceId}
            onClose={() => setCheckOpen(false)}
          />
        )}
      </div>
    </section>
  );
}
