package org.musubi.ingest.checkup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One element of a document as read ({@link XmlTree}): its namespace, local name, attributes, direct text, child
 * elements and the line it starts on. Attributes are keyed by their local name; those of the XML Schema instance
 * namespace by {@code xsi:} and their local name ({@code xsi:type}), whatever prefix the document gave it.
 * Children are looked up by local name in the HL7 v3 namespace, the only one a checkup document's content is in.
 */
final class XmlNode {

    static final String HL7 = "urn:hl7-org:v3";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    private final XmlNode parent;
    private final String namespace;
    private final String name;
    private final int line;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();

    XmlNode(XmlNode parent, String namespace, String name, int line) {
        this.parent = parent;
        this.namespace = namespace == null ? "" : namespace;
        this.name = name;
        this.line = line;
    }

    String namespace() {
        return namespace;
    }

    String name() {
        return name;
    }

    int line() {
        return line;
    }

    /** The attribute's value without surrounding blanks; null when absent or blank. */
    String attribute(String key) {
        String value = attributes.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code xsi:type} without any namespace prefix ({@code hl7:PQ} is {@code PQ}); null when absent. */
    String xsiType() {
        String type = attribute("xsi:type");
        return type == null ? null : type.substring(type.indexOf(':') + 1);
    }

    /** The element's own text (not its children's), without surrounding blanks. */
    String text() {
        return text.toString().strip();
    }

    /** The element's own text and its children's, in document order, without surrounding blanks. */
    String allText() {
        StringBuilder all = new StringBuilder();
        collect(all);
        return all.toString().strip();
    }

    private void collect(StringBuilder all) {
        all.append(text);
        children.forEach(c -> c.collect(all));
    }

    List<XmlNode> children() {
        return children;
    }

    /** The HL7 child elements of this local name, in document order. */
    List<XmlNode> children(String local) {
        List<XmlNode> found = new ArrayList<>(2);
        for (XmlNode child : children) {
            if (child.name.equals(local) && child.namespace.equals(HL7)) {
                found.add(child);
            }
        }
        return found;
    }

    /** The first HL7 child element of this local name. */
    Optional<XmlNode> child(String local) {
        for (XmlNode child : children) {
            if (child.name.equals(local) && child.namespace.equals(HL7)) {
                return Optional.of(child);
            }
        }
        return Optional.empty();
    }

    /** The element reached by following the local names from here; empty when any step is missing. */
    Optional<XmlNode> at(String... path) {
        Optional<XmlNode> node = Optional.of(this);
        for (String step : path) {
            node = node.flatMap(n -> n.child(step));
        }
        return node;
    }

    /** The path from the document's root element, e.g. {@code ClinicalDocument/recordTarget/patientRole}. */
    String path() {
        return parent == null ? name : parent.path() + "/" + name;
    }

    /** The path from {@code ancestor} (excluded), e.g. {@code value} below an observation; the full path otherwise. */
    String pathFrom(XmlNode ancestor) {
        StringBuilder path = new StringBuilder(name);
        for (XmlNode node = parent; node != null; node = node.parent) {
            if (node == ancestor) {
                return path.toString();
            }
            path.insert(0, node.name + "/");
        }
        return path();
    }

    /**
     * The element written back as XML (its attributes, its text before its children): what a rejected result keeps
     * as its raw input. Namespaces are left out but {@code xsi:}.
     */
    String xml() {
        StringBuilder xml = new StringBuilder();
        write(xml);
        return xml.toString();
    }

    private void write(StringBuilder xml) {
        xml.append('<').append(name);
        attributes.forEach((key, value) -> xml.append(' ').append(key).append("=\"").append(escape(value)).append('"'));
        if (text.toString().isBlank() && children.isEmpty()) {
            xml.append("/>");
            return;
        }
        xml.append('>').append(escape(text.toString().strip()));
        children.forEach(c -> c.write(xml));
        xml.append("</").append(name).append('>');
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    void attribute(String key, String value) {
        attributes.put(key, value);
    }

    void appendText(String characters) {
        text.append(characters);
    }

    int textLength() {
        return text.length();
    }

    void add(XmlNode child) {
        children.add(child);
    }

    XmlNode parent() {
        return parent;
    }
}
