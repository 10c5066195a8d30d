import {
  CSRF_HEADER,
  importCommitResultSchema,
  importPreviewSchema,
  importStatusSchema,
  type ImportCommitRequest,
  type ImportCommitResult,
  type ImportPreview,
  type ImportStatus,
  type ImportUploadQuery,
} from '@boussole/shared';
import { ApiRequestError, refusal, send } from './api.js';

/**
 * The import API (shared/src/api/imports.ts), typed and validated like api.ts. The upload goes
 * through XMLHttpRequest because fetch cannot report how much of a large file has been sent.
 */

export interface UploadProgress {
  loaded: number;
  total: number;
}

/** Sends `file` for a preview; `onProgress` hears the bytes sent. Rejects with ApiRequestError. */
export function uploadImport(
  workspaceId: string,
  file: File,
  options: ImportUploadQuery & {
    onProgress?(progress: UploadProgress): void;
    signal?: AbortSignal;
  } = {},
): Promise<ImportPreview> {
  const query = new URLSearchParams();
  if (options.encoding) query.set('encoding', options.encoding);
  if (options.delimiter) query.set('delimiter', options.delimiter);
  const search = query.size > 0 ? `?${query.toString()}` : '';
  const url = `/api/workspaces/${encodeURIComponent(workspaceId)}/imports${search}`;
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader(CSRF_HEADER, '1');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable)
        options.onProgress?.({ loaded: event.loaded, total: event.total });
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(importPreviewSchema.parse(JSON.parse(xhr.responseText)));
        } catch (error) {
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      } else {
        reject(refusal(xhr.status, xhr.responseText));
      }
    };
    xhr.onerror = () => reject(new ApiRequestError(0, 'Le serveur est injoignable.'));
    xhr.onabort = () => reject(new DOMException('Envoi annulé.', 'AbortError'));
    options.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(form);
  });
}

function importUrl(importId: string): string {
  return `/api/imports/${encodeURIComponent(importId)}`;
}

export async function getImportStatus(importId: string): Promise<ImportStatus> {
  return importStatusSchema.parse(await send(importUrl(importId), 'GET'));
}

/** A dry run (`dryRun: true`) or the real creation of the cards. */
export async function commitImport(
  importId: string,
  request: ImportCommitRequest,
): Promise<ImportCommitResult> {
  return importCommitResultSchema.parse(
    await send(`${importUrl(importId)}/commit`, 'POST', request),
  );
}

export async function cancelImport(importId: string): Promise<void> {
  await send(importUrl(importId), 'DELETE');
}

/**
 * Cancelling while the page is being left: fetch with keepalive outlives the page (sendBeacon
 * cannot send DELETE nor the CSRF header). Best effort: the server forgets imports anyway.
 */
export function cancelImportOnLeave(importId: string): void {
  try {
    void fetch(importUrl(importId), {
      method: 'DELETE',
      headers: { [CSRF_HEADER]: '1' },
      keepalive: true,
    }).catch(() => undefined);
  } catch {
    // The page is going away; nothing more to do.
  }
}
