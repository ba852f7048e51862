/** Reading Word files back in tests: the parts of the zip, and the text of document.xml paragraph by paragraph. */
import JSZip from 'jszip';

/** The file names in the package and a reader for one part's XML. */
export async function openDocx(data: Buffer): Promise<{ names: string[]; xml(name: string): Promise<string> }> {
  const zip = await JSZip.loadAsync(data);
  return {
    names: Object.keys(zip.files),
    xml: async (name) => {
      const file = zip.file(name);
      if (!file) throw new Error(`${name} is not in the package`);
      return file.async('string');
    },
  };
}

const unescape = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Each <w:p>'s text (its <w:t> runs joined), empty paragraphs left out. */
export function paragraphs(documentXml: string): string[] {
  return [...documentXml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([p]) => [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescape(m[1])).join(''))
    .filter((text) => text !== '');
}

/** The East Asian font names the runs ask for (w:rFonts w:eastAsia), each once. */
export function eastAsianFonts(xml: string): string[] {
  return [...new Set([...xml.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]))];
}
