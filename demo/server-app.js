// The host page on the reference server: the widgets reach the API through api-base="/api"; this
// script only follows their events, shows who is signed in and signs out.
const log = document.getElementById('log');

for (const name of ['acct-saved', 'acct-error', 'acct-ticket-created', 'acct-locale-change', 'acct-theme-change']) {
  document.addEventListener(name, (event) => {
    const item = document.createElement('li');
    item.textContent = `${new Date().toLocaleTimeString()} ${name} ${JSON.stringify(event.detail)}`;
    log.prepend(item);
  });
}
document.addEventListener('acct-theme-change', (e) => (document.documentElement.dataset.theme = e.detail.theme));
document.addEventListener('acct-locale-change', (e) => (document.documentElement.lang = e.detail.locale));

fetch('/api/viewer', { headers: { accept: 'application/json' } }).then(async (res) => {
  if (res.status === 401) return location.assign('/login');
  if (res.ok) document.getElementById('who').textContent = `Signed in as ${(await res.json()).username}`;
});

document.getElementById('logout').addEventListener('click', async () => {
  await fetch('/api/logout', { method: 'POST' });
  location.assign('/login');
});
