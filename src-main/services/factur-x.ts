/**
 * Factur-X / ZUGFeRD: the invoice PDF a rep already prints, turned into PDF/A-3 with the CII XML embedded as
 * `factur-x.xml`, so a person reads the PDF and the buyer's bookkeeping reads the XML, from one file. Plain Node
 * with @cantoo/pdf-lib (the maintained pdf-lib fork); the PDF comes from Chromium's printToPDF / page.pdf().
 *
 * What is added to Chromium's PDF:
 * - the XML as an embedded file with AFRelationship /Alternative (the XML is the invoice in another form),
 *   listed in the catalog's /AF array, as Factur-X requires for the EN 16931 profile;
 * - an XMP metadata stream declaring PDF/A-3B (pdfaid) and the Factur-X extension schema (fx:DocumentType
 *   INVOICE, fx:DocumentFileName factur-x.xml, fx:Version 1.0, fx:ConformanceLevel EN 16931), with the title,
 *   author, tool and dates equal to the document information dictionary's, as PDF/A asks;
 * - a file identifier in the trailer and the PDF 1.7 header PDF/A-3 is based on;
 * - an sRGB OutputIntent, since Chromium paints in DeviceRGB, which PDF/A allows only with one; its ICC profile is
 *   built here (srgb-icc.ts) because no sRGB profile ships with the systems we run on.
 */
import { createHash } from 'node:crypto'
import {
  AFRelationship,
  PDFDocument,
  PDFHeader,
  PDFHexString,
  PDFName,
  PDFString,
} from '@cantoo/pdf-lib'
import { srgbIccProfile } from './srgb-icc'

export const FACTUR_X_FILE_NAME = 'factur-x.xml'

/** The Factur-X profile this XML follows; ours is always the EN 16931 profile (called COMFORT in ZUGFeRD). */
export type FacturXLevel = 'EN 16931'

export interface FacturXInput {
  /** The invoice PDF as Chromium printed it. */
  pdf: Uint8Array
  /** The CII XML (buildCiiXml). */
  xml: string
  /** Document title, e.g. 'Invoice INV-00042-ABCDEF'. */
  title: string
  /** The seller: the document's author. */
  author: string
  /** When the file is made; the same instant goes into the info dictionary, the XMP and the attachment. */
  at: Date
  /** The RGB ICC profile of the OutputIntent; default the sRGB profile of srgb-icc.ts. */
  iccProfile?: Uint8Array
}

const TOOL = 'Fieldbill'

const xmlText = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An instant as XMP writes it; seconds precision, UTC, matching the info dictionary's D:…Z dates. */
const xmpDate = (at: Date) => `${at.toISOString().slice(0, 19)}Z`

const FX_PROPERTIES: ReadonlyArray<[string, string]> = [
  ['DocumentFileName', 'The name of the embedded XML document'],
  ['DocumentType', 'The type of the hybrid document in capital letters, e.g. INVOICE or ORDER'],
  ['Version', 'The actual version of the standard applying to the embedded XML document'],
  ['ConformanceLevel', 'The conformance level of the embedded XML document'],
]

/** The XMP packet: PDF/A-3B identification, Dublin Core, the Factur-X extension schema and its values. */
export function facturXXmp(input: {
  title: string
  author: string
  at: Date
  level: FacturXLevel
}): string {
  const date = xmpDate(input.at)
  const property = ([name, description]: [string, string]) => `
            <rdf:li rdf:parseType="Resource">
              <pdfaProperty:name>${name}</pdfaProperty:name>
              <pdfaProperty:valueType>Text</pdfaProperty:valueType>
              <pdfaProperty:category>external</pdfaProperty:category>
              <pdfaProperty:description>${description}</pdfaProperty:description>
            </rdf:li>`
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
  <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
    <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
      <pdfaid:part>3</pdfaid:part>
      <pdfaid:conformance>B</pdfaid:conformance>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
      <dc:format>application/pdf</dc:format>
      <dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xmlText(input.title)}</rdf:li></rdf:Alt></dc:title>
      <dc:creator><rdf:Seq><rdf:li>${xmlText(input.author)}</rdf:li></rdf:Seq></dc:creator>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
      <pdf:Producer>${TOOL}</pdf:Producer>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
      <xmp:CreatorTool>${TOOL}</xmp:CreatorTool>
      <xmp:CreateDate>${date}</xmp:CreateDate>
      <xmp:ModifyDate>${date}</xmp:ModifyDate>
      <xmp:MetadataDate>${date}</xmp:MetadataDate>
    </rdf:Description>
    <rdf:Description rdf:about=""
        xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
        xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
        xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas>
        <rdf:Bag>
          <rdf:li rdf:parseType="Resource">
            <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
            <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
            <pdfaSchema:prefix>fx</pdfaSchema:prefix>
            <pdfaSchema:property>
              <rdf:Seq>${FX_PROPERTIES.map(property).join('')}
              </rdf:Seq>
            </pdfaSchema:property>
          </rdf:li>
        </rdf:Bag>
      </pdfaExtension:schemas>
    </rdf:Description>
    <rdf:Description rdf:about="" xmlns:fx="urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#">
      <fx:DocumentType>INVOICE</fx:DocumentType>
      <fx:DocumentFileName>${FACTUR_X_FILE_NAME}</fx:DocumentFileName>
      <fx:Version>1.0</fx:Version>
      <fx:ConformanceLevel>${input.level}</fx:ConformanceLevel>
    </rdf:Description>
  </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`
}

/**
 * Makes the Factur-X PDF.
 *
 * @returns the PDF/A-3 bytes with `factur-x.xml` embedded, byte for byte the given XML (UTF-8)
 * @throws Error when the PDF cannot be read (not a PDF, or encrypted, which PDF/A forbids)
 */
export async function makeFacturX(input: FacturXInput): Promise<Uint8Array> {
  const doc = await PDFDocument.load(input.pdf, { updateMetadata: false })
  const xmlBytes = new TextEncoder().encode(input.xml)
  const { at } = input

  // The information dictionary and the XMP must say the same (PDF/A); both are written from the same values.
  doc.setTitle(input.title)
  doc.setAuthor(input.author)
  doc.setCreator(TOOL)
  doc.setProducer(TOOL)
  doc.setCreationDate(at)
  doc.setModificationDate(at)

  await doc.attach(xmlBytes, FACTUR_X_FILE_NAME, {
    mimeType: 'text/xml',
    description: 'Factur-X invoice (EN 16931)',
    creationDate: at,
    modificationDate: at,
    afRelationship: AFRelationship.Alternative,
  })

  const xmp = doc.context.stream(facturXXmp({ ...input, level: 'EN 16931' }), {
    Type: 'Metadata',
    Subtype: 'XML',
  })
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp))

  const icc = doc.context.stream(input.iccProfile ?? srgbIccProfile(), { N: 3 })
  const intent = doc.context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFString.of('sRGB IEC61966-2.1'),
    Info: PDFString.of('sRGB IEC61966-2.1'),
    DestOutputProfile: doc.context.register(icc),
  })
  doc.catalog.set(PDFName.of('OutputIntents'), doc.context.obj([intent]))

  // PDF/A needs a file identifier; one derived from the content keeps the output reproducible.
  const id = createHash('md5').update(input.pdf).update(xmlBytes).update(xmpDate(at)).digest('hex')
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)])
  doc.context.header = PDFHeader.forVersion(1, 7)

  // No object streams: PDF/A-3 allows them, but plain objects keep the file readable by every checker.
  return doc.save({ useObjectStreams: false })
}
