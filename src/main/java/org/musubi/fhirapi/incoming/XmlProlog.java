package org.musubi.fhirapi.incoming;

/**
 * Whether an XML body declares a document type. FHIR XML never has one (R4, "XML Representation":
 * no DTD), and a DTD is where entity tricks live (external entities reading server files, "billion
 * laughs"), so a body with one is refused before any parser sees it. HAPI's StAX reader does not
 * expand DTD entities either; this makes the refusal explicit and independent of that setting.
 */
final class XmlProlog {

    private XmlProlog() {
    }

    /** True when a {@code <!DOCTYPE} comes before the root element (after the declaration, comments and PIs). */
    static boolean declaresDoctype(String xml) {
        int i = xml.startsWith("\uFEFF") ? 1 : 0;
        while (i < xml.length()) {
            if (Character.isWhitespace(xml.charAt(i))) {
                i++;
            } else if (xml.startsWith("<?", i)) {
                i = after(xml, "?>", i + 2);
            } else if (xml.startsWith("<!--", i)) {
                i = after(xml, "-->", i + 4);
            } else {
                return xml.regionMatches(true, i, "<!DOCTYPE", 0, 9);
            }
        }
        return false;
    }

    private static int after(String xml, String end, int from) {
        int at = xml.indexOf(end, from);
        return at < 0 ? xml.length() : at + end.length();
    }
}
