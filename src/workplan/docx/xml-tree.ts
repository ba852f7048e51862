/** A small XML element tree (tag names with their prefixes, as in "w:p") built with the saxes parser. */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

/** Parses an XML document into its root element; throws on malformed XML. */
export function parseXml(text: string): XmlElement {
  const parser = new SaxesParser();
  const root: XmlElement = { name: '#document', attributes: {}, children: [] };
  const stack: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [] };
    stack[stack.length - 1].children.push(element);
    stack.push(element);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (data) => {
    stack[stack.length - 1].children.push(data);
  });
  parser.on('cdata', (data) => {
    stack[stack.length - 1].children.push(data);
  });
  parser.write(text).close();
  const element = root.children.find((child): child is XmlElement => typeof child !== 'string');
  if (!element) throw new Error('XML document has no root element');
  return element;
}

/** The element children of an element. */
export function elements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter((child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name));
}

/** The first child element with this name, or undefined. */
export function child(element: XmlElement | undefined, name: string): XmlElement | undefined {
  return element ? elements(element, name)[0] : undefined;
}

/** The w:val attribute of a child element ("<w:pStyle w:val="Heading1"/>"), or undefined. */
export function childVal(element: XmlElement | undefined, name: string): string | undefined {
  return child(element, name)?.attributes['w:val'];
}
