import type { InputHTMLAttributes, ReactNode } from 'react';

/**
 * A label that wraps its control, so clicking the words focuses it and screen readers name it
 * (forms find their fields by label). Every form in the app uses this markup.
 */
export function Field({
  label,
  className,
  children,
}: {
  label: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  return (
    <label className={className}>
      {label}
      {children}
    </label>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>;

/** A labelled input whose change handler gets the text, not the event. */
export function InputField({
  label,
  className,
  value,
  onChange,
  ...input
}: InputProps & {
  label: ReactNode;
  /** The label's class (layout), not the input's. */
  className?: string;
  value: string | number;
  onChange(value: string): void;
}) {
  return (
    <Field label={label} className={className}>
      <input {...input} value={value} onChange={(e) => onChange(e.target.value)} />
    </Field>
  );
}
