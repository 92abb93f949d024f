/**
 * Registers the portal's service worker (offline reading) and, when a new build has been installed
 * beside the running one, shows the reload banner. The new version takes over only when the reader
 * chooses Reload (the worker waits for SKIP_WAITING), so nothing changes under a half-filled form.
 */
const banner = document.querySelector<HTMLElement>('[data-sw-update]');

function offer(worker: ServiceWorker): void {
  if (!banner) return;
  banner.hidden = false;
  banner.querySelector('[data-sw-reload]')?.addEventListener(
    'click',
    () => {
      let reloaded = false;
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        if (reloaded) return;
        reloaded = true;
        location.reload();
      });
      worker.postMessage({ type: 'SKIP_WAITING' });
    },
    { once: true },
  );
  banner.querySelector('[data-sw-later]')?.addEventListener(
    'click',
    () => {
      banner.hidden = true;
    },
    { once: true },
  );
}

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  const base = (document.body.dataset.base || '/').replace(/\/?$/, '/');
  const register = () =>
    navigator.serviceWorker.register(`${base}sw.js`, { scope: base }).then(
      (reg: ServiceWorkerRegistration | undefined) => {
        if (!reg) return; // registration blocked (by policy or a test harness): nothing to watch
        if (reg.waiting && navigator.serviceWorker.controller) offer(reg.waiting);
        reg.addEventListener('updatefound', () => {
          const w = reg.installing;
          w?.addEventListener('statechange', () => {
            if (w.state === 'installed' && navigator.serviceWorker.controller) offer(w);
          });
        });
      },
      () => {
        /* no worker (private mode, blocked): the portal works online as before */
      },
    );
  if (document.readyState === 'complete') register();
  else addEventListener('load', register, { once: true });
}
