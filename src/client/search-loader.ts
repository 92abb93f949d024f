/** Loads the search code and index only when someone shows intent to search. Kept tiny on purpose. */
const form = document.querySelector<HTMLFormElement>('form[data-search]');
if (form) {
  const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
  let started: Promise<void> | undefined;
  const start = () => (started ??= import('./search-ui.ts').then((m) => m.attachSearch(form, input)));
  input.addEventListener('focus', start, { once: true });
  input.addEventListener('input', start, { once: true });
  form.addEventListener('pointerenter', start, { once: true });
  // Someone may have focused the box (or typed) before this script ran.
  if (document.activeElement === input || input.value) void start();
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement | null;
    const typing = target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
    if ((e.key === '/' && !typing) || (e.key.toLowerCase() === 'k' && (e.ctrlKey || e.metaKey))) {
      e.preventDefault();
      input.focus();
    }
  });
}

// The language switch keeps the page's state (query string and hash: filters, simulator inputs…).
const langSwitch = document.querySelector<HTMLAnchorElement>('a.lang-switch');
if (langSwitch && (location.search || location.hash))
  langSwitch.href = langSwitch.pathname + location.search + location.hash;
