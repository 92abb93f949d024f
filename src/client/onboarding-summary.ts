/** Loads the "Your onboarding" renderer only when this browser keeps onboarding progress (else: no more JS). */
for (const box of document.querySelectorAll<HTMLElement>('[data-onboarding-summary]')) {
  let kept = false;
  try {
    kept = !!localStorage.getItem(`banso:onboarding:${box.dataset.track}`);
  } catch {
    /* storage blocked */
  }
  if (kept) {
    void import('./onboarding-summary-render.ts').then((m) => m.render(box));
  }
}
