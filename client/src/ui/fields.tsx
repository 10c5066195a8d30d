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

/** A labelled number input whose change handler gets the number. */
export function NumberField({
  onChange,
  ...field
}: Omit<Parameters<typeof InputField>[0], 'type' | 'onChange'> & {
  onChange(value: number): void;
}) {
  return <InputField {...field} type="number" onChange={(value) => onChange(Number(value))} />;
}

/** A labelled, required date input (YYYY-MM-DD). */
export function DateField(field: Omit<Parameters<typeof InputField>[0], 'type' | 'required'>) {
  return <InputField {...field} type="date" required />;
}

/** A select over `options`, each shown by `optionLabel`; the change handler gets the option. */
export function Select<V extends string>({
  value,
  options,
  optionLabel,
  onChange,
}: {
  value: V;
  options: readonly V[];
  optionLabel(option: V): string;
  onChange(value: V): void;
}) {
  return (
    <select value={value} onChange={(e) => onChange(e.target.value as V)}>
      {options.map((option) => (
        <option key={option} value={option}>
          {optionLabel(option)}
        </option>
      ))}
    </select>
  );
}
