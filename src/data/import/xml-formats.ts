/**
 * KML and GPX into GeoJSON with `@tmcw/togeojson`, on `@xmldom/xmldom`'s parser because a worker
 * has no DOMParser. Malformed XML is refused with the line and column the parser stopped at;
 * entity declarations (a DTD) are refused outright, so no entity can expand into gigabytes of
 * text or name an outside file, whatever the parser would do with it.
 */
import type { Feature, FeatureCollection } from 'geojson';
import { DOMParser } from '@xmldom/xmldom';
import { gpx, kmlWithFolders, type Folder, type Root } from '@tmcw/togeojson';

export type XmlFormat = 'kml' | 'gpx';

export type XmlConversion = { ok: true; collection: FeatureCollection } | { ok: false; message: string };

/**
 * A KML's features in document order, each inside folders given a `folder` property naming the
 * path ("规划 / 地块"), so the folders a field app or Google Earth exported survive as something to
 * group by. A feature's own `folder` property, if it has one, is left as written.
 */
function featuresWithFolders(root: Root): Feature[] {
  const features: Feature[] = [];
  const pending: { node: Folder | Root | Feature; path: string[] }[] = [{ node: root, path: [] }];
  // Explicit stack, children pushed in reverse: nesting depth is the file's to choose.
  while (pending.length > 0) {
    const { node, path } = pending.pop()!;
    if (node.type === 'Feature') {
      const properties = node.properties ?? {};
      if (path.length > 0 && !('folder' in properties)) node.properties = { ...properties, folder: path.join(' / ') };
      features.push(node);
      continue;
    }
    const childPath = node.type === 'folder' ? [...path, String(node.meta['name'] ?? '').trim() || '—'] : path;
    for (let index = node.children.length - 1; index >= 0; index--)
      pending.push({ node: node.children[index] as Folder | Feature, path: childPath });
  }
  return features;
}

/**
 * togeojson assigns each `<Data name="…">` to a plain object, where the name `__proto__` hits the
 * prototype setter and the value is silently lost (found by the fuzzer, issue 12; a string value
 * cannot change the prototype, so nothing is polluted). Such names are renamed in the document to
 * a placeholder no real file uses, and the placeholder becomes an own data property afterwards.
 */
const PROTOTYPE_NAME = '__proto__';
const PROTOTYPE_PLACEHOLDER = '\uE000__proto__';

function hidePrototypeNames(document: Document): boolean {
  let renamed = false;
  for (const tag of ['Data', 'SimpleData']) {
    for (const element of Array.from(document.getElementsByTagName(tag))) {
      if (element.getAttribute('name') === PROTOTYPE_NAME) {
        element.setAttribute('name', PROTOTYPE_PLACEHOLDER);
        renamed = true;
      }
    }
  }
  return renamed;
}

function restorePrototypeNames(features: Feature[]): void {
  for (const feature of features) {
    const properties = feature.properties;
    if (!properties || !Object.hasOwn(properties, PROTOTYPE_PLACEHOLDER)) continue;
    Object.defineProperty(properties, PROTOTYPE_NAME, {
      value: properties[PROTOTYPE_PLACEHOLDER],
      enumerable: true,
      writable: true,
      configurable: true,
    });
    delete properties[PROTOTYPE_PLACEHOLDER];
  }
}

/**
 * The parser's own words, cut short: xmldom lists every unclosed tag, so a file cut inside deep
 * nesting gave a message of tens of kilobytes (found by the fuzzer, issue 12).
 */
const LONGEST_PROBLEM = 200;
function shortened(problem: string): string {
  return problem.length > LONGEST_PROBLEM ? `${problem.slice(0, LONGEST_PROBLEM)}…` : problem;
}

/** Thrown from the parser's error callback with where it stopped; caught below. */
class XmlProblem extends Error {
  constructor(
    readonly problem: string,
    readonly line: number | null,
    readonly column: number | null,
  ) {
    super(problem);
  }
}

/**
 * @example
 * convertXml('<kml xmlns="http://www.opengis.net/kml/2.2"><Placemark>…</Placemark></kml>', 'a.kml', 'kml')
 * // { ok: true, collection: { type: 'FeatureCollection', features: [ … ] } }
 */
export function convertXml(text: string, fileName: string, format: XmlFormat): XmlConversion {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return { ok: false, message: `${fileName}: the file is empty (文件为空)` };
  const declaration = /<!DOCTYPE|<!ENTITY/i.exec(body);
  if (declaration) {
    const line = body.slice(0, declaration.index).split('\n').length;
    return {
      ok: false,
      message: `${fileName}: contains a document type or entity declaration (${declaration[0]}) at line ${line}; refused for safety, ${format.toUpperCase()} files never need one (含有 DTD/实体声明，已拒绝)`,
    };
  }
  let document: Document;
  let stoppedAt: XmlProblem | null = null;
  try {
    const parser = new DOMParser({
      onError: (level, message, context) => {
        // Warnings (e.g. an unknown namespace) do not stop a browser's parser either.
        if (level === 'warning') return;
        const locator = (context as { locator?: { lineNumber?: number; columnNumber?: number } } | undefined)?.locator;
        stoppedAt = new XmlProblem(message, locator?.lineNumber ?? null, locator?.columnNumber ?? null);
        throw stoppedAt;
      },
    });
    document = parser.parseFromString(body, 'text/xml') as unknown as Document;
  } catch (error) {
    // xmldom wraps what the callback threw in its own ParseError, so the problem is kept aside.
    const problem = stoppedAt as XmlProblem | null;
    if (problem) {
      const where = problem.line ? ` at line ${problem.line}, column ${problem.column ?? 1}` : '';
      return {
        ok: false,
        message: `${fileName}: not well-formed XML: ${shortened(problem.problem)}${where} (XML 格式错误)`,
      };
    }
    return {
      ok: false,
      message: `${fileName}: not well-formed XML: ${shortened(error instanceof Error ? error.message : String(error))} (XML 格式错误)`,
    };
  }
  const root = document.documentElement;
  const rootName = root ? (root.localName ?? root.nodeName).toLowerCase() : '';
  if (rootName !== format) {
    return {
      ok: false,
      message: `${fileName}: the root element is <${rootName || 'none'}>, not <${format}> (不是 ${format.toUpperCase()} 文件)`,
    };
  }
  try {
    const hasPrototypeNames = format === 'kml' && hidePrototypeNames(document);
    const collection: FeatureCollection =
      format === 'kml'
        ? { type: 'FeatureCollection', features: featuresWithFolders(kmlWithFolders(document)) }
        : (gpx(document) as FeatureCollection);
    if (hasPrototypeNames) restorePrototypeNames(collection.features);
    return { ok: true, collection };
  } catch (error) {
    return {
      ok: false,
      message: `${fileName}: could not be read as ${format.toUpperCase()} (${shortened(error instanceof Error ? error.message : String(error))})`,
    };
  }
}
