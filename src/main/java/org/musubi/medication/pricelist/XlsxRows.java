package org.musubi.medication.pricelist;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * An Excel workbook (.xlsx: a zip of XML parts, ECMA-376) read with StAX, no DTDs or external entities:
 * every worksheet in workbook order, cells as text (shared strings without their phonetic runs, inline
 * strings, numbers in plain decimal notation).
 */
final class XlsxRows {

    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static final long MAX_PART = 512L * 1024 * 1024;
    private static final XMLInputFactory XML = secureFactory();

    private XlsxRows() {
    }

    static void read(Path file, RowSink sink) throws IOException, XMLStreamException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> strings = zip.getEntry("xl/sharedStrings.xml") == null ? List.of() : sharedStrings(zip);
            Map<String, String> targets = relationships(zip);
            for (Map.Entry<String, String> sheet : sheets(zip).entrySet()) {
                String target = targets.get(sheet.getValue());
                if (target != null) {
                    rows(zip, target.startsWith("/") ? target.substring(1) : "xl/" + target, sheet.getKey(), strings, sink);
                }
            }
        }
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        try (InputStream in = part(zip, "xl/sharedStrings.xml")) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("si")) {
                    strings.add(text(xml, "si"));
                }
            }
        }
        return strings;
    }

    /** Sheet name → relationship id, in workbook order. */
    private static Map<String, String> sheets(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, String> sheets = new LinkedHashMap<>();
        try (InputStream in = part(zip, "xl/workbook.xml")) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("sheet")) {
                    sheets.put(xml.getAttributeValue(null, "name"), xml.getAttributeValue(RELATIONSHIPS, "id"));
                }
            }
        }
        return sheets;
    }

    /** Relationship id → target part (relative to xl/ unless absolute). */
    private static Map<String, String> relationships(ZipFile zip) throws IOException, XMLStreamException {
        Map<String, String> targets = new LinkedHashMap<>();
        try (InputStream in = part(zip, "xl/_rels/workbook.xml.rels")) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("Relationship")) {
                    targets.put(xml.getAttributeValue(null, "Id"), xml.getAttributeValue(null, "Target"));
                }
            }
        }
        return targets;
    }

    private static void rows(ZipFile zip, String name, String sheet, List<String> strings, RowSink sink)
            throws IOException, XMLStreamException {
        try (InputStream in = part(zip, name)) {
            XMLStreamReader xml = XML.createXMLStreamReader(in);
            int rowNumber = 0;
            List<String> cells = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("row")) {
                    String r = xml.getAttributeValue(null, "r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new ArrayList<>();
                } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("c")) {
                    String ref = xml.getAttributeValue(null, "r");
                    int column = ref == null ? cells.size() : column(ref);
                    String value = cell(xml, xml.getAttributeValue(null, "t"), strings);
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, value);
                } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("row")) {
                    sink.row(sheet, rowNumber, List.copyOf(cells));
                }
            }
        }
    }

    /** The text of the cell the reader is at, leaving it at the cell's end. */
    private static String cell(XMLStreamReader xml, String type, List<String> strings) throws XMLStreamException {
        String value = "";
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("v")) {
                value = xml.getElementText();
            } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("is")) {
                return finish(xml, text(xml, "is"));
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c")) {
                break;
            }
        }
        if (type == null || type.equals("n")) {
            return number(value);
        }
        if (type.equals("s") && !value.isBlank()) {
            int index = Integer.parseInt(value.strip());
            return index < strings.size() ? strings.get(index) : "";
        }
        return value;
    }

    private static String finish(XMLStreamReader xml, String value) throws XMLStreamException {
        while (xml.hasNext() && !(xml.next() == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("c"))) {
            // skip to the end of the cell
        }
        return value;
    }

    /** The text runs ({@code t}) inside {@code element}, without phonetic runs ({@code rPh}). */
    private static String text(XMLStreamReader xml, String element) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("rPh")) {
                phonetic++;
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals("rPh")) {
                phonetic--;
            } else if (event == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("t") && phonetic == 0) {
                text.append(xml.getElementText());
            } else if (event == XMLStreamConstants.END_ELEMENT && xml.getLocalName().equals(element)) {
                break;
            }
        }
        return text.toString();
    }

    /** Plain decimal notation, floating-point noise removed (5.7000000000000002 → 5.7). */
    static String number(String value) {
        if (value.isBlank()) {
            return "";
        }
        try {
            BigDecimal number = new BigDecimal(value.strip());
            if (number.scale() > 6) {
                number = number.setScale(6, RoundingMode.HALF_UP);
            }
            return number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** 0-based column of a cell reference: A1 → 0, AB12 → 27. */
    static int column(String ref) {
        int column = 0;
        for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
            column = column * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
        }
        return Math.max(column - 1, 0);
    }

    private static InputStream part(ZipFile zip, String name) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IOException("missing part " + name);
        }
        if (entry.getSize() > MAX_PART) {
            throw new IOException("part too large: " + name);
        }
        return zip.getInputStream(entry);
    }

    private static XMLInputFactory secureFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
