// The upload page: sends each picked file, or the pasted text, to POST /articles with the
// token, and shows the facts found in each article, or the server's message when it refuses.
// Values go into the page as text, never as markup.
"use strict";

const TYPES = {
  txt: "text/plain", htm: "text/plain", html: "text/plain",
  json: "application/json", jsonl: "application/x-ndjson",
};
const VERBS = {
  met: "met", visited: "visited", leads: "leads", member_of: "is a member of",
  holds_position: "holds the post", works_for: "works for", located_in: "is in",
  based_in: "is based in", lives_in: "lives in", credited: "is credited on", said: "said",
};

const $ = (id) => document.getElementById(id);

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

// What to send: each picked file with its type by extension, then the pasted text.
function sends() {
  const list = [];
  for (const file of $("files").files) {
    const extension = file.name.toLowerCase().split(".").pop();
    list.push({ name: file.name, body: file, type: TYPES[extension] });
  }
  if ($("pasted").value.trim()) {
    list.push({ name: "the pasted text", body: $("pasted").value, type: $("format").value });
  }
  return list;
}

async function post(send, token) {
  if (!send.type) {
    return { error: `${send.name}: not an article file; give a .txt, .html, .json or .jsonl file.` };
  }
  const headers = { "Content-Type": send.type, Accept: "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch("/articles", { method: "POST", headers, body: send.body });
  } catch (error) {
    return { error: `${send.name}: the server could not be reached (${error.message}).` };
  }
  const answer = await response.json().catch(() => null);
  if (response.ok) return { articles: Array.isArray(answer) ? answer : [answer] };
  return { error: `${send.name}: ${response.status}: ${detail(answer, response.statusText)}` };
}

function detail(answer, fallback) {
  const said = answer && answer.detail;
  if (typeof said === "string") return said;
  if (Array.isArray(said)) return said.map((e) => `${(e.loc || []).join(".")}: ${e.msg}`).join("; ");
  return fallback;
}

function factLine(fact) {
  const verb = VERBS[fact.predicate] || fact.predicate;
  const object = fact.predicate === "said" ? `“${fact.object}”` : fact.object;
  const when = [fact.status !== "asserted" ? fact.status : "", fact.date || "", fact.place || ""];
  const extra = when.filter(Boolean).join(", ");
  return `${fact.subject} ${verb} ${object}${extra ? ` (${extra})` : ""}`;
}

function showArticle(item, from) {
  const section = element("article");
  const heading = element("h2");
  const link = element("a", item.title || `Article ${item.id}`);
  link.href = `/id/article/${encodeURIComponent(item.id)}`;
  heading.append(link);
  const count = item.facts.length;
  const published = item.published ? `, published ${item.published}` : "";
  const about = `From ${from}${published}: ${count} fact${count === 1 ? "" : "s"}.`;
  section.append(heading, element("p", about, "about"));
  const list = element("ul", undefined, "facts");
  list.setAttribute("aria-label", `Facts of article ${item.id}`);
  for (const fact of item.facts) {
    const entry = element("li", factLine(fact));
    if (fact.evidence && fact.evidence.sentence) entry.append(element("q", fact.evidence.sentence));
    list.append(entry);
  }
  section.append(list);
  $("ingested").append(section);
}

async function submit(event) {
  event.preventDefault();
  const status = $("status");
  const todo = sends();
  $("ingested").replaceChildren();
  status.className = "";
  if (!todo.length) {
    status.className = "error";
    status.textContent = "Pick an article file or paste an article first.";
    return;
  }
  status.textContent = `Sending ${todo.length === 1 ? todo[0].name : `${todo.length} documents`}…`;
  const token = $("token").value.trim();
  const errors = [];
  let articles = 0;
  let facts = 0;
  for (const send of todo) {
    const result = await post(send, token);
    if (result.error) {
      errors.push(result.error);
      $("ingested").append(element("p", result.error, "failed"));
      continue;
    }
    for (const item of result.articles) {
      articles += 1;
      facts += item.facts.length;
      showArticle(item, send.name);
    }
  }
  const added = `Added ${articles} article${articles === 1 ? "" : "s"} with ${facts} fact${facts === 1 ? "" : "s"}.`;
  if (errors.length) {
    status.className = "error";
    status.textContent = articles ? `${added} Not added: ${errors.join(" ")}` : errors.join(" ");
  } else {
    status.textContent = added;
  }
}

$("upload").addEventListener("submit", submit);
