/**
 * whatsapp-web.js brings puppeteer, whose installer downloads its own Chrome. RRNet Console drives
 * the Chrome / Edge / Chromium already on the user's machine (see main/wa/providers/wwebjs), and
 * the build machines cannot download browsers at all, so the download is switched off here.
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
