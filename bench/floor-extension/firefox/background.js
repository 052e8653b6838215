// The floor probe's background: answers every message at once (bench/floor-extension/README.md).
browser.runtime.onMessage.addListener((message) => {
  return Promise.resolve({ ok: true, chars: typeof message.html === 'string' ? message.html.length : 0 });
});
