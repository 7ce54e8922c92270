// One module for every page. It calls the JSON API with the bearer token it keeps in
// sessionStorage (see the README for why not a cookie); <body data-page> picks the page.

const TOKEN_KEY = "task-pyramid.token";
const NOTICE_KEY = "task-pyramid.notice";

const token = {
  get: () => sessionStorage.getItem(TOKEN_KEY),
  set: (value) => sessionStorage.setItem(TOKEN_KEY, value),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

class ApiError extends Error {
  constructor(status, body) {
    super(body?.message ?? `HTTP ${status}`);
    this.status = status;
    this.body = body ?? {};
  }
}

async function api(method, path, body) {
  const headers = { Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const bearer = token.get();
  if (bearer) headers.Authorization = `Bearer ${bearer}`;
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
}

// A protected call the server refuses (expired, forged, revoked) ends the session.
async function authed(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      token.clear();
      goTo("/sign-in", "Your session has ended. Please sign in again.");
    }
    throw error;
  }
}

function goTo(path, notice) {
  if (notice) sessionStorage.setItem(NOTICE_KEY, notice);
  window.location.assign(path);
}

function showNotice(text) {
  const notice = document.getElementById("notice");
  notice.textContent = text;
  notice.hidden = false;
}

function showPendingNotice() {
  const text = sessionStorage.getItem(NOTICE_KEY);
  if (text) {
    sessionStorage.removeItem(NOTICE_KEY);
    showNotice(text);
  }
}

// ---- forms: every problem the API lists is shown beside its field ----

function labelOf(field) {
  const label = document.querySelector(`label[for="${field.id}"]`);
  return label ? label.firstChild.textContent.trim() : field.name;
}

function clearErrors(form) {
  for (const slot of form.querySelectorAll(".field-error, .form-error")) {
    slot.textContent = "";
    slot.hidden = true;
  }
  for (const field of form.querySelectorAll("[aria-invalid]")) {
    field.removeAttribute("aria-invalid");
    field.removeAttribute("aria-describedby");
  }
}

function showErrors(form, error) {
  let placed = false;
  for (const { pointer, message } of error.body.errors ?? []) {
    const name = pointer.replace(/^\//, "");
    const field = form.elements.namedItem(name);
    const slot = form.querySelector(`#${CSS.escape(name)}-error`);
    if (!field || !slot) continue;
    slot.textContent = /^[a-z]/.test(message) ? `${labelOf(field)} ${message}.` : message;
    slot.hidden = false;
    field.setAttribute("aria-invalid", "true");
    field.setAttribute("aria-describedby", slot.id);
    placed = true;
  }
  if (!placed) {
    const box = form.querySelector(".form-error");
    box.textContent = error.body.message ?? "Something went wrong. Please try again.";
    box.hidden = false;
  }
}

function onSubmit(form, handle) {
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    clearErrors(form);
    const button = form.querySelector("button[type=submit]");
    button.disabled = true;
    try {
      await handle(Object.fromEntries(new FormData(form)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status !== 401 || form.id === "sign-in-form") showErrors(form, error);
    } finally {
      button.disabled = false;
    }
  });
}

// ---- the signed-in header ----

function requireSignIn() {
  if (!token.get()) {
    goTo("/sign-in");
    return false;
  }
  return true;
}

async function showAccount() {
  const me = await authed("GET", "/me");
  document.getElementById("signed-in-as").textContent = `Signed in as ${me.name}`;
  document.getElementById("admin-link").hidden = !me.is_admin;
  document.querySelector("nav.account").hidden = false;
  document.getElementById("sign-out").addEventListener("click", () => {
    token.clear();
    goTo("/sign-in", "You have signed out.");
  });
  return me;
}

// ---- pages ----

function signIn() {
  onSubmit(document.getElementById("sign-in-form"), async (values) => {
    const { token: issued } = await api("POST", "/auth/login", values);
    token.set(issued);
    goTo("/tasks");
  });
}

function signUp() {
  onSubmit(document.getElementById("sign-up-form"), async (values) => {
    const { token: issued } = await api("POST", "/auth/register", values);
    token.set(issued);
    goTo("/tasks", "Welcome! Your account is ready.");
  });
}

function forgotPassword() {
  const form = document.getElementById("forgot-password-form");
  onSubmit(form, async (values) => {
    const { message } = await api("POST", "/auth/password-reset", values);
    form.reset();
    showNotice(message);
  });
}

function resetPassword() {
  const form = document.getElementById("reset-password-form");
  const resetToken = new URLSearchParams(window.location.hash.slice(1)).get("token");
  // Keep the token out of the browser's history once it has been read.
  window.history.replaceState(null, "", window.location.pathname);
  if (!resetToken) {
    showErrors(form, new ApiError(400, { message: "This reset link is incomplete. Ask for a new one." }));
    return;
  }
  onSubmit(form, async ({ new_password }) => {
    await api("POST", "/auth/password-reset/confirm", { token: resetToken, new_password });
    goTo("/sign-in", "Your password has been changed. Sign in with your new password.");
  });
}

async function tasks() {
  if (!requireSignIn()) return;
  await showAccount();
  const form = document.getElementById("new-task-form");
  onSubmit(form, async ({ title, due_at }) => {
    const body = due_at ? { title, due_at: new Date(due_at).toISOString() } : { title };
    await authed("POST", "/tasks", body);
    form.reset();
    await renderTasks();
  });
  await renderTasks();
}

async function renderTasks() {
  const { tasks: items } = await authed("GET", "/tasks");
  const list = document.getElementById("task-list");
  const template = document.getElementById("task-template");
  list.replaceChildren(
    ...items.map((task) => {
      const item = template.content.firstElementChild.cloneNode(true);
      item.dataset.taskId = task.id;
      item.classList.toggle("done", task.done);
      item.classList.toggle("overdue", task.overdue);
      item.querySelector(".title").textContent = task.title;
      item.querySelector(".due").textContent = task.due_at
        ? `due ${new Date(task.due_at).toLocaleString()}`
        : "";
      item.querySelector(".overdue-badge").hidden = !task.overdue;
      const done = item.querySelector(".done");
      done.checked = task.done;
      done.setAttribute("aria-label", `Done: ${task.title}`);
      done.addEventListener("change", async () => {
        await authed("PATCH", `/tasks/${task.id}`, { done: done.checked });
        await renderTasks();
      });
      const remove = item.querySelector(".delete");
      remove.setAttribute("aria-label", `Delete: ${task.title}`);
      remove.addEventListener("click", async () => {
        await authed("DELETE", `/tasks/${task.id}`);
        await renderTasks();
      });
      return item;
    }),
  );
  document.getElementById("no-tasks").hidden = items.length > 0;
}

async function admin() {
  if (!requireSignIn()) return;
  await showAccount();
  try {
    const { users } = await authed("GET", "/admin/users");
    const rows = users.map((user) => {
      const row = document.createElement("tr");
      for (const text of [user.name, user.email, user.is_admin ? "yes" : "no", new Date(user.created_at).toLocaleDateString()]) {
        row.append(Object.assign(document.createElement("td"), { textContent: text }));
      }
      return row;
    });
    const table = document.getElementById("users");
    table.querySelector("tbody").replaceChildren(...rows);
    table.hidden = false;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 403) throw error;
    const box = document.getElementById("admin-error");
    box.textContent = "Only administrators can see this page.";
    box.hidden = false;
  }
}

const pages = {
  "sign-in": signIn,
  "sign-up": signUp,
  "forgot-password": forgotPassword,
  "reset-password": resetPassword,
  tasks,
  admin,
};

showPendingNotice();
pages[document.body.dataset.page]?.();
