// The report draft edited as a document (issue 11): Tiptap/ProseMirror from django-prose-editor
// (served from our own static files, never a CDN), autosave to the JSON endpoint, the state
// "Đang lưu…" / "Đã lưu lúc HH:MM", a warning before leaving with unsaved changes, and the
// checker's findings that move the editor to their excerpt. No inline script (CSP).
import {
  Editor, Document, Paragraph, Text, HardBreak, Bold, Italic, Heading, BulletList,
  OrderedList, ListItem, Table, TableRow, TableHeader, TableCell, History, Menu,
  Dropcursor, Gapcursor,
} from "../django_prose_editor/editor.js";

const form = document.getElementById("editor-form");
const textarea = document.getElementById("editor-html");
const stateLine = document.getElementById("save-state");
const badge = document.getElementById("report-state");
const findingsList = document.getElementById("findings");
const findingsCount = document.getElementById("findings-count");
const preview = document.getElementById("preview");
const headerErrors = document.getElementById("header-errors");
const AUTOSAVE_MS = 1500;

const holder = document.createElement("div");
holder.className = "prose-editor";
textarea.before(holder);
holder.append(textarea);

let changes = 0;     // edits made since the page was opened
let savedUpTo = 0;   // the edits the last successful save holds
let saving = false;
let timer = null;

const say = (text, css) => {
  stateLine.textContent = text;
  stateLine.className = css || "";
};
const dirty = () => changes > savedUpTo;

const editor = new Editor({
  element: holder,
  injectCSS: false,
  extensions: [
    Document, Paragraph, Text, HardBreak, Bold, Italic,
    Heading.configure({ levels: [1, 2, 3, 4] }),
    BulletList, OrderedList, ListItem, Table, TableRow, TableHeader, TableCell,
    History, Menu, Dropcursor, Gapcursor,
  ],
  content: textarea.value,
  onUpdate({ editor: ed }) {
    textarea.value = ed.getHTML();
    changed();
  },
});
textarea.value = editor.getHTML();
holder.dataset.ready = "true";

function changed() {
  changes += 1;
  say("Có thay đổi chưa lưu", "unsaved");
  clearTimeout(timer);
  timer = setTimeout(save, AUTOSAVE_MS);
}

function showFieldErrors(errors) {
  for (const el of form.querySelectorAll(".field-error")) {
    el.hidden = true;
    el.textContent = "";
  }
  let first = null;
  for (const [name, messages] of Object.entries(errors || {})) {
    const el = document.getElementById(`error-${name}`);
    if (el) {
      el.textContent = messages.join(" ");
      el.hidden = false;
      first = first || document.getElementById(`id_${name}`);
    }
  }
  if (first) {
    document.getElementById("header-fields").open = true;
    first.focus();
  }
}

function renderFindings(findings) {
  findingsList.replaceChildren();
  findingsCount.textContent = `(${findings.length} ý kiến)`;
  if (!findings.length) {
    const li = document.createElement("li");
    li.className = "hint none";
    li.textContent = "Không phát hiện lỗi.";
    findingsList.append(li);
    return;
  }
  for (const f of findings) {
    const li = document.createElement("li");
    li.className = `finding ${f.severity}`;
    li.dataset.line = f.line;
    li.dataset.excerpt = f.excerpt || "";
    li.tabIndex = 0;
    li.setAttribute("role", "button");
    const head = document.createElement("strong");
    head.textContent = f.where;
    const sev = document.createElement("span");
    sev.className = "severity";
    sev.textContent = f.severity_vi;
    li.append(head, " · ", sev, ` [${f.rule}]`);
    for (const [css, text] of [["", f.message], ["excerpt", f.excerpt], ["suggestion", f.suggestion && `→ ${f.suggestion}`]]) {
      if (!text) continue;
      const div = document.createElement("div");
      if (css) div.className = css;
      div.textContent = text;
      li.append(div);
    }
    findingsList.append(li);
  }
}

async function save() {
  clearTimeout(timer);
  if (saving) {
    timer = setTimeout(save, AUTOSAVE_MS);
    return;
  }
  if (!dirty()) return;
  saving = true;
  const upTo = changes;
  textarea.value = editor.getHTML();
  say("Đang lưu…", "saving");
  try {
    const response = await fetch(form.dataset.saveUrl, {
      method: "POST",
      body: new FormData(form),
      headers: {
        "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
        Accept: "application/json",
      },
      credentials: "same-origin",
    });
    const data = await response.json();
    if (!response.ok || !data.ok) {
      say(data.message || "Chưa lưu được.", "failed");
      headerErrors.textContent = data.message || "";
      headerErrors.hidden = !data.message;
      showFieldErrors(data.errors);
      return;
    }
    headerErrors.hidden = true;
    showFieldErrors({});
    savedUpTo = upTo;
    say(dirty() ? "Có thay đổi chưa lưu" : `Đã lưu lúc ${data.saved_at}`, dirty() ? "unsaved" : "saved");
    badge.textContent = data.state_display;
    badge.className = `badge state-${data.state}`;
    renderFindings(data.findings);
    preview.innerHTML = data.preview; // escaped by the server (capuy.render.html_preview)
  } catch (error) {
    say("Chưa lưu được: mất kết nối tới máy chủ. Các thay đổi vẫn còn trên trang.", "failed");
  } finally {
    saving = false;
    if (dirty()) timer = setTimeout(save, AUTOSAVE_MS);
  }
}

// --- a finding → its place in the text ------------------------------------------------------
const words = (text) => text.replace(/…/g, " ").replace(/\\([*_|#\\-])/g, "$1")
  .replace(/[*|#]/g, " ").split(/\s+/).filter(Boolean);

const MARK = /\[\^[^\]\s]+\]/g; // a footnote call: not in the checker's excerpts

function blockTexts() {
  // each text block's text (footnote calls left out) and the document position of each char
  const out = [];
  editor.state.doc.descendants((node, pos) => {
    if (!node.isTextblock) return true;
    let raw = "";
    const rawAt = [];
    node.forEach((child, offset) => {
      const piece = child.isText ? child.text : " ";
      for (let i = 0; i < piece.length; i += 1) rawAt.push(pos + 1 + offset + i);
      raw += piece;
    });
    let text = "";
    const at = [];
    let last = 0;
    const keep = (from, to) => {
      for (let i = from; i < to; i += 1) {
        text += /\s/.test(raw[i]) ? " " : raw[i];
        at.push(rawAt[i]);
      }
    };
    for (const mark of raw.matchAll(MARK)) {
      keep(last, mark.index);
      last = mark.index + mark[0].length;
    }
    keep(last, raw.length);
    out.push({ text, at });
    return false;
  });
  return out;
}

function locate(excerpt) {
  // the longest run of the excerpt's words found in one block (its ends may be cut words)
  const all = words(excerpt.replace(MARK, ""));
  const blocks = blockTexts();
  for (let size = all.length; size >= Math.min(2, all.length) && size > 0; size -= 1) {
    for (let start = 0; start + size <= all.length; start += 1) {
      const needle = all.slice(start, start + size).join(" ");
      for (const block of blocks) {
        const index = block.text.indexOf(needle);
        if (index >= 0) return { from: block.at[index], to: block.at[index + needle.length - 1] + 1 };
      }
    }
  }
  return null;
}

function goTo(item) {
  for (const li of findingsList.querySelectorAll(".current")) li.classList.remove("current");
  item.classList.add("current");
  const range = item.dataset.excerpt ? locate(item.dataset.excerpt) : null;
  if (range) {
    editor.chain().focus().setTextSelection(range).scrollIntoView().run();
    const dom = editor.view.domAtPos(range.from).node;
    (dom.nodeType === 1 ? dom : dom.parentElement).scrollIntoView({ block: "center" });
    return;
  }
  // no excerpt in the body (a header finding, or a whole line): the preview's line
  const line = Number(item.dataset.line || 0);
  const blocks = [...preview.querySelectorAll("[data-line]")].filter((el) => Number(el.dataset.line) <= line);
  const target = blocks.length ? blocks[blocks.length - 1] : null;
  if (target && line > Number(preview.querySelector(".doc-body [data-line]")?.dataset.line || 0)) {
    target.scrollIntoView({ block: "center" });
    target.classList.add("flash");
    setTimeout(() => target.classList.remove("flash"), 1500);
  } else {
    document.getElementById("header-fields").open = true;
    document.getElementById("header-fields").scrollIntoView({ block: "start" });
  }
}

findingsList.addEventListener("click", (event) => {
  const item = event.target.closest(".finding");
  if (item) goTo(item);
});
findingsList.addEventListener("keydown", (event) => {
  const item = event.target.closest(".finding");
  if (item && (event.key === "Enter" || event.key === " ")) {
    event.preventDefault();
    goTo(item);
  }
});

// --- the header form, the save button, leaving the page --------------------------------------
for (const field of form.querySelectorAll("input, select, textarea:not(#editor-html)")) {
  field.addEventListener("input", changed);
  field.addEventListener("change", changed);
}
form.addEventListener("submit", (event) => {
  event.preventDefault();
  changes += savedUpTo >= changes ? 1 : 0;
  save();
});
document.getElementById("save-now").addEventListener("click", () => {
  if (!dirty()) changes += 1;
  save();
});
document.addEventListener("keydown", (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key === "s") {
    event.preventDefault();
    if (!dirty()) changes += 1;
    save();
  }
});
window.addEventListener("beforeunload", (event) => {
  if (dirty() || saving) {
    event.preventDefault();
    event.returnValue = "";
  }
});
