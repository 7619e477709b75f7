package org.musubi.ingest.checkup;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.musubi.text.StrictText;
import org.musubi.text.Undecodable;

/**
 * Reads an XML document into {@link XmlNode}s with the JDK's own StAX parser, refusing what a checkup document never
 * needs and an attacker would use: a document type declaration (so no entity of any kind, internal or external, is
 * ever declared or expanded), external resources of any sort (no resolver reads one), nesting deeper than
 * {@link #MAX_DEPTH}, more than {@link #MAX_ELEMENTS} elements, and element text longer than {@link #MAX_TEXT}.
 */
final class XmlTree {

    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 200_000;
    static final int MAX_TEXT = 1 << 20;

    /** A document read: its root element and the character encoding it was written in. */
    record Read(XmlNode root, Charset charset) {
    }

    /** Why a document could not be read: a problem code, the line (0 when unknown) and the parser's words. */
    static final class Refused extends Exception {

        private final String code;
        private final int line;
        private final Object[] args;

        Refused(String code, int line, String detail) {
            this(code, line, new Object[] {detail});
        }

        Refused(String code, int line, Object[] args) {
            super(code, null, false, false);
            this.code = code;
            this.line = line;
            this.args = args.clone();
        }

        String code() {
            return code;
        }

        int line() {
            return line;
        }

        /** The words of the problem's message: the parser's, or where the bytes are that cannot be read. */
        Object[] args() {
            return args.clone();
        }
    }

    private static final ThreadLocal<XMLInputFactory> FACTORY = ThreadLocal.withInitial(XmlTree::factory);

    private XmlTree() {
    }

    /** The JDK's factory (never one found on the class path), with DTDs, external entities and resolution off. */
    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setXMLResolver((publicId, systemId, base, namespace) -> {
            throw new XMLStreamException("external resources are not read: " + systemId);
        });
        return factory;
    }

    static Read parse(byte[] bytes) throws Refused {
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.get().createXMLStreamReader(new ByteArrayInputStream(bytes));
            XmlNode root = read(reader);
            // the encoding the document declares (the parser read it so); the one it detected when it declares none
            String declared = reader.getCharacterEncodingScheme();
            Charset charset = charset(declared != null ? declared : reader.getEncoding());
            strictly(bytes, charset);
            return new Read(root, charset);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : Math.max(e.getLocation().getLineNumber(), 0);
            throw new Refused("checkup.xml.unreadable", line, message(e.getMessage()));
        } catch (RuntimeException e) {
            // the JDK's parser fails with unchecked exceptions on some broken input (a stray control character in a
            // DTD it skips: MissingResourceException for its own message): the file is unreadable all the same
            throw new Refused("checkup.xml.unreadable", 0, e.getClass().getSimpleName() + " " + message(e.getMessage()));
        } finally {
            close(reader);
        }
    }

    private static XmlNode read(XMLStreamReader reader) throws XMLStreamException, Refused {
        Deque<XmlNode> open = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        while (reader.hasNext()) {
            int event = reader.next();
            int line = reader.getLocation() == null ? 0 : Math.max(reader.getLocation().getLineNumber(), 0);
            switch (event) {
                case XMLStreamConstants.DTD -> throw new Refused("checkup.xml.doctype", line, "");
                case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused("checkup.xml.doctype", line, reader.getLocalName());
                case XMLStreamConstants.START_ELEMENT -> {
                    if (open.size() >= MAX_DEPTH || ++elements > MAX_ELEMENTS) {
                        throw new Refused("checkup.xml.tooLarge", line, open.size() >= MAX_DEPTH
                                ? "depth > " + MAX_DEPTH : "elements > " + MAX_ELEMENTS);
                    }
                    XmlNode node = new XmlNode(open.peek(), reader.getNamespaceURI(), reader.getLocalName(), line);
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String local = reader.getAttributeLocalName(i);
                        node.attribute(XmlNode.XSI.equals(reader.getAttributeNamespace(i)) ? "xsi:" + local : local,
                                reader.getAttributeValue(i));
                    }
                    if (open.isEmpty()) {
                        root = node;
                    } else {
                        open.peek().add(node);
                    }
                    open.push(node);
                }
                case XMLStreamConstants.END_ELEMENT -> open.pop();
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (!open.isEmpty()) {
                        if (open.peek().textLength() + reader.getTextLength() > MAX_TEXT) {
                            throw new Refused("checkup.xml.tooLarge", line, "text > " + MAX_TEXT);
                        }
                        open.peek().appendText(reader.getText());
                    }
                }
                default -> {
                    // comments, processing instructions, the document's start and end: nothing to keep
                }
            }
        }
        if (root == null) {
            throw new Refused("checkup.xml.unreadable", 0, "no element");
        }
        return root;
    }

    /** The parser's message without its position prefix ({@code ParseError at [row,col]:[1,1] Message: …}). */
    private static String message(String message) {
        if (message == null) {
            return "";
        }
        int at = message.indexOf("Message: ");
        String text = at < 0 ? message : message.substring(at + "Message: ".length());
        text = text.strip();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /**
     * The JDK's parser reads a document declaring another encoding than UTF-8 (Shift_JIS, say) through a decoder that
     * replaces what it cannot read: the bytes are checked in the declared encoding, strictly, so that such a document is
     * refused naming the place instead of read with U+FFFD.
     */
    private static void strictly(byte[] bytes, Charset charset) throws Refused {
        try {
            StrictText.check(bytes, 0, bytes.length, charset);
        } catch (Undecodable e) {
            throw new Refused("checkup.xml.undecodable", e.line(), new Object[] {String.valueOf(e.line()),
                    String.valueOf(e.column()), String.valueOf(e.offset()), e.bytes(), e.charset()});
        }
    }

    private static Charset charset(String name) {
        try {
            return name == null ? StandardCharsets.UTF_8 : Charset.forName(name);
        } catch (IllegalArgumentException e) {
            return StandardCharsets.UTF_8;
        }
    }

    private static void close(XMLStreamReader reader) {
        if (reader == null) {
            return;
        }
        try {
            reader.close();
        } catch (XMLStreamException e) {
            // nothing was held open beyond the bytes in memory
        }
    }
}
