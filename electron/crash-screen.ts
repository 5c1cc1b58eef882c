/** What the window shows when its page keeps crashing: no script, both languages, where the log is. */
export function crashScreenHtml(options: { logFile: string; retryUrl: string }): string {
  const log = escapeHtml(options.logFile);
  const retry = escapeHtml(options.retryUrl);
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>RRNet Console</title>
<style>
  body { margin: 0; min-height: 100vh; display: grid; place-items: center; background: #f5f7fa; color: #1f2933; font: 15px/1.5 system-ui, "Segoe UI", sans-serif; }
  main { max-width: 640px; padding: 32px 40px; background: #fff; border: 1px solid #d9e2ec; border-radius: 8px; }
  h1 { font-size: 20px; margin: 0 0 12px; }
  p { margin: 0 0 12px; }
  .en { color: #52606d; }
  code { display: block; padding: 8px 10px; margin: 0 0 16px; background: #f0f4f8; border-radius: 4px; word-break: break-all; }
  a { display: inline-block; padding: 8px 16px; background: #1f6feb; color: #fff; border-radius: 4px; text-decoration: none; }
</style>
</head>
<body>
<main>
  <h1>Tampilan aplikasi berhenti berulang kali</h1>
  <p>RRNet Console sudah mencoba memuat ulang tampilannya beberapa kali dan tetap gagal, jadi berhenti mencoba. Data Anda aman: data tersimpan terpisah dari tampilan ini.</p>
  <p>Tutup lalu buka lagi aplikasinya. Jika tetap terjadi, kirim berkas log ini ke dukungan RRNet:</p>
  <p class="en" lang="en">The app's screen kept stopping, so RRNet Console stopped reloading it. Your data is safe. Close and reopen the app; if it happens again, send this log file to RRNet support:</p>
  <code>${log}</code>
  <a href="${retry}">Coba muat lagi / Try again</a>
</main>
</body>
</html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
