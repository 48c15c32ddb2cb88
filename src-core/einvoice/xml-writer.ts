/**
 * A small XML writer: elements, attributes and text, escaped, nothing else. An e-invoice needs no DOM, namespaces
 * resolution or parsing, only correct escaping, so this stays a few lines instead of a dependency.
 */

/** An element: its qualified name, attributes, and children (elements or text). Absent children are skipped. */
export interface XmlElement {
  name: string
  attributes?: Readonly<Record<string, string>>
  children: readonly XmlNode[]
}

export type XmlNode = XmlElement | string | undefined | false

/**
 * Builds an element; `undefined` and `false` children are left out, so optional parts read inline.
 *
 * @example
 * el('ram:ID', { schemeID: 'VA' }, 'DE123456789')
 */
export function el(
  name: string,
  attributesOrChild?: Readonly<Record<string, string>> | XmlNode,
  ...children: XmlNode[]
): XmlElement {
  if (
    typeof attributesOrChild === 'object' &&
    attributesOrChild !== null &&
    !('children' in attributesOrChild)
  ) {
    return { name, attributes: attributesOrChild, children }
  }
  return { name, children: [attributesOrChild as XmlNode, ...children] }
}

// XML 1.0 allows tab, newline, carriage return and everything from U+0020 except the surrogates' halves on
// their own and U+FFFE/U+FFFF. A rep's text pasted from elsewhere may hold other control characters, which no
// XML parser accepts, so they are dropped rather than making the whole invoice unreadable.
// eslint-disable-next-line no-control-regex
const NOT_XML = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu

/** Escapes text for an element's content or an attribute value (both quotes, so either quoting works). */
export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Writes the element tree, indented by two spaces, after an XML declaration (UTF-8). */
export function writeXml(root: XmlElement): string {
  const out: string[] = ['<?xml version="1.0" encoding="UTF-8"?>\n']
  write(root, 0, out)
  return out.join('')
}

function write(node: XmlElement, depth: number, out: string[]): void {
  const pad = '  '.repeat(depth)
  const attrs = Object.entries(node.attributes ?? {})
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join('')
  const children = node.children.filter(
    (c): c is XmlElement | string => c !== undefined && c !== false,
  )
  if (children.length === 0) {
    out.push(`${pad}<${node.name}${attrs}/>\n`)
    return
  }
  if (children.every((c) => typeof c === 'string')) {
    out.push(`${pad}<${node.name}${attrs}>${escapeXml(children.join(''))}</${node.name}>\n`)
    return
  }
  out.push(`${pad}<${node.name}${attrs}>\n`)
  for (const child of children) {
    if (typeof child === 'string') out.push(`${pad}  ${escapeXml(child)}\n`)
    else write(child, depth + 1, out)
  }
  out.push(`${pad}</${node.name}>\n`)
}
