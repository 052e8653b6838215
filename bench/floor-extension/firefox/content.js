// The least the direction does on a page's thread (bench/floor-extension/README.md): ask whether to read the page,
// wait 600 ms as the settle wait does, serialise the document in one native call, send it in one message, and
// set the test build's status so bench:jank knows the visit is done.
(async () => {
  await browser.runtime.sendMessage({ type: 'check', location: location.href });
  await new Promise((resolve) => setTimeout(resolve, 600));
  const html = document.documentElement.outerHTML;
  await browser.runtime.sendMessage({ type: 'page', html });
  document.documentElement.dataset.redlineStatus = 'captured';
})();
