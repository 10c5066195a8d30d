/** A labelled progress bar that screen readers announce (role=progressbar with its values). */
export function ProgressBar({
  label,
  done,
  total,
  text,
}: {
  label: string;
  done: number;
  total: number;
  /** How the amount reads, when « done / total » does not (bytes). */
  text?: string;
}) {
  const max = Math.max(total, 1);
  const now = Math.min(done, max);
  const shown = text ?? `${now} / ${total}`;
  return (
    <div className="import-progress">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={max}
        aria-valuenow={now}
        aria-valuetext={shown}
        className="import-progress-track"
      >
        <div className="import-progress-fill" style={{ width: `${(100 * now) / max}%` }} />
      </div>
      <span className="muted">{shown}</span>
    </div>
  );
}
