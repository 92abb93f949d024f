/**
 * A button that opens the file chooser for one JSON file (the input itself is hidden). The chosen
 * file goes to `onFile`, and the input is cleared, so the same file can be chosen again.
 */
import { useRef } from 'react';

export function JsonFileButton(props: {
  label: string;
  onFile: (file: File) => void;
  testId: string;
  className?: string;
  tabIndex?: number;
}) {
  const { label, onFile, testId, className, tabIndex } = props;
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button type="button" className={className} onClick={() => input.current?.click()}>
        {label}
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        data-testid={testId}
        tabIndex={tabIndex}
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) onFile(f);
          e.target.value = '';
        }}
      />
    </>
  );
}
