/** A text or date field inside its label, tied to it by id as well (the review page's forms). */
import { useId } from 'react';

export function LabelledInput({
  label,
  onChange,
  testId,
  ...input
}: {
  label: string;
  type: 'text' | 'date';
  value: string;
  onChange: (value: string) => void;
  testId: string;
  maxLength?: number;
  autoComplete?: string;
}) {
  const id = useId();
  return (
    <label htmlFor={id}>
      {label}
      <input id={id} {...input} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}
