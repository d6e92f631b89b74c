// Demo sign-in: the server answers with an HttpOnly session cookie; the password goes only in the body.
const form = document.getElementById('login');
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(form);
  const res = await fetch('/api/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: data.get('username'), password: data.get('password') }),
  });
  if (res.ok) return location.assign('/');
  const body = await res.json().catch(() => ({}));
  document.getElementById('error').textContent = body.message ?? `Sign-in failed (${res.status})`;
});
