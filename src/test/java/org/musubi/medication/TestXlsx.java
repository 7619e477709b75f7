package org.musubi.medication;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a minimal .xlsx for tests, the way Excel stores one: text in shared strings (each with a
 * phonetic run, as Japanese Excel adds), {@link Inline} text as inline strings, numbers as numbers.
 */
final class TestXlsx {

    /** A cell written as an inline string. */
    record Inline(String text) {
    }

    /** A number cell with exactly this stored text (e.g. Excel's 5.7000000000000002). */
    record Num(String raw) {
    }

    private TestXlsx() {
    }

    static Path write(Path file, Map<String, List<List<Object>>> sheets) throws IOException {
        List<String> strings = new ArrayList<>();
        Map<String, String> sheetXml = new LinkedHashMap<>();
        for (Map.Entry<String, List<List<Object>>> sheet : sheets.entrySet()) {
            sheetXml.put(sheet.getKey(), sheet(sheet.getValue(), strings));
        }
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            put(zip, "[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            StringBuilder workbook = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
                    + "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>");
            StringBuilder rels = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">");
            int n = 1;
            for (Map.Entry<String, String> sheet : sheetXml.entrySet()) {
                workbook.append("<sheet name=\"").append(escape(sheet.getKey())).append("\" sheetId=\"").append(n)
                        .append("\" r:id=\"rId").append(n).append("\"/>");
                rels.append("<Relationship Id=\"rId").append(n).append("\" Type=\"http://schemas.openxmlformats.org/")
                        .append("officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet").append(n)
                        .append(".xml\"/>");
                put(zip, "xl/worksheets/sheet" + n + ".xml", sheet.getValue());
                n++;
            }
            put(zip, "xl/workbook.xml", workbook.append("</sheets></workbook>").toString());
            put(zip, "xl/_rels/workbook.xml.rels", rels.append("</Relationships>").toString());
            StringBuilder shared = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                    + "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"" + strings.size() + "\">");
            for (String s : strings) {
                shared.append("<si><t xml:space=\"preserve\">").append(escape(s))
                        .append("</t><rPh sb=\"0\" eb=\"1\"><t>ヨミ</t></rPh><phoneticPr fontId=\"1\"/></si>");
            }
            put(zip, "xl/sharedStrings.xml", shared.append("</sst>").toString());
        }
        return file;
    }

    private static String sheet(List<List<Object>> rows, List<String> strings) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>");
        for (int r = 0; r < rows.size(); r++) {
            xml.append("<row r=\"").append(r + 1).append("\">");
            List<Object> cells = rows.get(r);
            for (int c = 0; c < cells.size(); c++) {
                Object value = cells.get(c);
                String ref = column(c) + (r + 1);
                if (value == null) {
                    continue;
                } else if (value instanceof Number || value instanceof Num) {
                    String raw = value instanceof Num num ? num.raw() : value.toString();
                    xml.append("<c r=\"").append(ref).append("\"><v>").append(raw).append("</v></c>");
                } else if (value instanceof Inline inline) {
                    xml.append("<c r=\"").append(ref).append("\" t=\"inlineStr\"><is><t>").append(escape(inline.text()))
                            .append("</t></is></c>");
                } else {
                    strings.add(value.toString());
                    xml.append("<c r=\"").append(ref).append("\" t=\"s\"><v>").append(strings.size() - 1).append("</v></c>");
                }
            }
            xml.append("</row>");
        }
        return xml.append("</sheetData></worksheet>").toString();
    }

    private static String column(int index) {
        return index < 26 ? String.valueOf((char) ('A' + index)) : column(index / 26 - 1) + (char) ('A' + index % 26);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static void put(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        OutputStream out = zip;
        out.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
