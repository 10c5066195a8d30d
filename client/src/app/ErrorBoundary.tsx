import { Component, type ReactNode } from 'react';
import { useT } from '../i18n/useT.js';

/**
 * A page that throws while rendering shows this instead of a blank screen. Edits already made
 * are safe (they live in the Y.Doc and its offline copy), so reloading is the useful action.
 */
export function CrashNotice({
  onReload = () => window.location.reload(),
}: {
  onReload?: () => void;
}) {
  const t = useT();
  return (
    <div role="alert" className="crash-notice">
      <p>{t('app.crash.message')}</p>
      <button type="button" onClick={onReload}>
        {t('app.crash.reload')}
      </button>
    </div>
  );
}

interface ErrorBoundaryProps {
  children: ReactNode;
  /** When it changes (another page), a failed boundary tries its children again. */
  resetKey?: string;
  /** For tests: what the reload button does. */
  onReload?: () => void;
}

/** React catches render errors only in a class component; this is the app's one. */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidUpdate(previous: ErrorBoundaryProps): void {
    if (this.state.failed && previous.resetKey !== this.props.resetKey) {
      this.setState({ failed: false });
    }
  }

  override render() {
    if (this.state.failed) return <CrashNotice onReload={this.props.onReload} />;
    return this.props.children;
  }
}
