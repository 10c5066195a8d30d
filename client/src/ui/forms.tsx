import { useState, type FormEvent } from 'react';

/** A refusal or failure, said in the words the server (or the browser) gave. */
export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The message of the last failed action, announced to screen readers. */
export function ErrorAlert({ error }: { error: string | undefined }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error}
    </p>
  );
}

/**
 * A form's submit handler that runs `action` and keeps its failure for ErrorAlert, so each
 * page does not rewrite the same try/catch.
 */
export function useFormAction(action: () => Promise<void>) {
  const [error, setError] = useState<string>();
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setError(undefined);
    action().catch((e: unknown) => setError(errorText(e)));
  };
  return { error, onSubmit };
}
