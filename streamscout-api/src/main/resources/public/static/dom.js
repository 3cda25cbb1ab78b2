// Builds DOM nodes. Text always goes in as text nodes / textContent, never as markup, so chat-derived
// strings (messages, logins, titles, tokens) cannot inject elements or scripts.

/**
 * h("a", { class: "x", href, text: "..." }, child, "text", ...) → element.
 * Keys: class, text, dataset, on<event>; anything else becomes an attribute (null/false skipped).
 */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key === "dataset") Object.assign(node.dataset, value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child == null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only http(s) URLs become links, so a stored "javascript:" URL is never clickable. */
export function safeUrl(url) {
  if (typeof url !== "string" || url === "") return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

/** An external link opened in a new tab, or null when the URL is not http(s). */
export function externalLink(url, text, className) {
  const href = safeUrl(url);
  return href ? h("a", { href, class: className, target: "_blank", rel: "noopener noreferrer", text }) : null;
}

/** A status paragraph for loading, empty and error states. */
export function stateLine(text, kind) {
  return h("p", { class: kind ? `state ${kind}` : "state", role: kind === "error" ? "alert" : null, text });
}
