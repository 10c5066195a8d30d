import { useEffect, useState } from 'react';
import type { ImportCommitRequest, ImportCommitResult } from '@boussole/shared';
import { commitImport } from '../api/imports.js';
import { errorText } from '../ui/forms.js';

/** Quiet time after the last change of the mapping before the server is asked again. */
const DEBOUNCE_MS = 350;

export interface DryRun {
  result: ImportCommitResult | undefined;
  error: string | undefined;
  pending: boolean;
}

/**
 * The server's answer to `request` as a dry run (what would be created, skipped, unmatched),
 * asked again once the mapping stops changing; answers to older requests are dropped.
 * `request` undefined (the required field unmapped) asks nothing.
 */
export function useDryRun(importId: string, request: ImportCommitRequest | undefined): DryRun {
  const key = request ? JSON.stringify(request) : '';
  const [state, setState] = useState<DryRun>({
    result: undefined,
    error: undefined,
    pending: false,
  });
  useEffect(() => {
    if (!key) {
      setState({ result: undefined, error: undefined, pending: false });
      return;
    }
    let current = true;
    setState((was) => ({ ...was, pending: true }));
    const timer = setTimeout(() => {
      commitImport(importId, { ...(JSON.parse(key) as ImportCommitRequest), dryRun: true })
        .then((result) => {
          if (current) setState({ result, error: undefined, pending: false });
        })
        .catch((e: unknown) => {
          if (current) setState({ result: undefined, error: errorText(e), pending: false });
        });
    }, DEBOUNCE_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [importId, key]);
  return state;
}
