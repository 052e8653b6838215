// The floor probe's background: answers every message at once (bench/floor-extension/README.md).
chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  reply({ ok: true, chars: typeof message.html === 'string' ? message.html.length : 0 });
});
