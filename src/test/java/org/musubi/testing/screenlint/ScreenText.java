package org.musubi.testing.screenlint;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Document;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.unbescape.html.HtmlEscape;

/**
 * What a person reads on an HTML page, line by line: the text of the page's elements (the tab's title included) and
 * the attribute values a browser shows or reads aloud — {@code title}, {@code alt}, {@code placeholder},
 * {@code aria-label}, a table cell's {@code data-label} the style sheet prints in front of it, and the value of an input a
 * person sees (a text field, a button); never a script, a style, a template, an {@code href}, an {@code id}, a class
 * or another {@code data-} attribute, nor the value of a hidden, password, checkbox or radio input or of an option
 * (an option shows its text, which is read). A closed {@code <details>} or an element marked {@code hidden} is read:
 * one click or one script shows it. Text inside {@code <code>}, {@code <kbd>} and {@code <samp>}, or in an element
 * marked {@code translate="no"} (HTML's mark of what must stay as written), is marked literal: what a person is meant
 * to type, edit or copy exactly (a login id, an app's scopes, a form's item codes in its editor), so that the
 * detectors of internal words and notation may leave it alone.
 *
 * <p>Also the page's language ({@code <html lang>}) and the links a person can follow ({@code <a href>}).
 *
 * <p>Parsed with AttoParser, the parser Thymeleaf renders Musubi's pages with (on the classpath through it), its
 * entities decoded with unbescape (idem).
 */
public final class ScreenText {

    private static final Set<String> UNREAD = Set.of("script", "style", "template", "noscript");
    private static final Set<String> LITERAL = Set.of("code", "kbd", "samp");
    private static final Set<String> READ_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label");
    /** Inputs whose value is on the screen (a field's content, a button's caption). */
    private static final Set<String> SHOWN_VALUE = Set.of("", "text", "search", "submit", "button", "reset", "email", "tel",
            "url", "number", "date", "datetime-local", "time", "month", "week");
    private static final Set<String> BLOCK = Set.of("address", "article", "aside", "blockquote", "br", "caption", "dd",
            "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3",
            "h4", "h5", "h6", "header", "hr", "legend", "li", "main", "nav", "ol", "option", "p", "pre", "section",
            "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr", "ul", "label", "button", "select",
            "textarea", "optgroup");

    /** One line a person reads; {@code literal} when it sits in a code, kbd or samp element. */
    public record Line(String text, boolean literal) {
    }

    private final List<Line> lines;
    private final String lang;
    private final List<String> links;

    private ScreenText(List<Line> lines, String lang, List<String> links) {
        this.lines = List.copyOf(lines);
        this.lang = lang;
        this.links = List.copyOf(links);
    }

    /** Reads an HTML page. */
    public static ScreenText of(String html) {
        Document document;
        try {
            document = new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an HTML page a browser could show: " + e.getMessage(), e);
        }
        Walk walk = new Walk();
        walk.children(document, false);
        walk.endLine();
        return new ScreenText(walk.lines, walk.lang == null ? "" : walk.lang, walk.links);
    }

    /** What a PDF's pages say (PDFBox's text, line by line); its language is Japanese when it has kana. */
    public static ScreenText ofPdf(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return plain(new PDFTextStripper().getText(document), "");
        } catch (IOException e) {
            throw new IllegalArgumentException("not a PDF a viewer could open: " + e.getMessage(), e);
        }
    }

    /** A PDF's or another document's text as read, in {@code lang} (lines as given). */
    public static ScreenText plain(String text, String lang) {
        List<Line> lines = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String shown = squeeze(line);
            if (!shown.isEmpty()) {
                lines.add(new Line(shown, false));
            }
        }
        return new ScreenText(lines, lang, List.of());
    }

    /**
     * The same text in the language it is actually in (Musubi's templates declare {@code lang="ja"} whatever the
     * language they are answered in).
     */
    public ScreenText inLanguage(String language) {
        return new ScreenText(lines, language, links);
    }

    public List<Line> lines() {
        return lines;
    }

    /** The page's language as declared ({@code ja}, {@code en}), empty when it declares none. */
    public String lang() {
        return lang;
    }

    /** Whether the page is a Japanese one (declared so, or for a document without a language: Japanese text in it). */
    public boolean japanese() {
        if (!lang.isEmpty()) {
            return lang.toLowerCase(Locale.ROOT).startsWith("ja");
        }
        return lines.stream().anyMatch(l -> l.text().codePoints().anyMatch(ScreenText::kana));
    }

    /** The links' targets as written ({@code href} of every {@code a}). */
    public List<String> links() {
        return links;
    }

    /** The whole text, one line each, for a message. */
    public String text() {
        return String.join("\n", lines.stream().map(Line::text).toList());
    }

    private static boolean kana(int c) {
        Character.UnicodeBlock block = Character.UnicodeBlock.of(c);
        return block == Character.UnicodeBlock.HIRAGANA || block == Character.UnicodeBlock.KATAKANA;
    }

    private static String squeeze(String text) {
        return text.replaceAll("[\\s\\u00a0\\u3000]+", " ").strip();
    }

    /** A depth-first walk that collects lines; a line ends at every block element's start and end. */
    private static final class Walk {

        private final List<Line> lines = new ArrayList<>();
        private final List<String> links = new ArrayList<>();
        private final StringBuilder current = new StringBuilder();
        private boolean currentLiteral;
        private String lang;

        void children(INestableNode parent, boolean literal) {
            for (INode node : parent.getChildren()) {
                if (node instanceof Text text) {
                    add(HtmlEscape.unescapeHtml(text.getContent()), literal);
                } else if (node instanceof Element element) {
                    element(element, literal);
                }
            }
        }

        private void element(Element element, boolean literal) {
            String name = element.getElementName().toLowerCase(Locale.ROOT);
            if (name.equals("html") && element.hasAttribute("lang")) {
                lang = element.getAttributeValue("lang");
            }
            if (UNREAD.contains(name)) {
                return;
            }
            if (name.equals("a") && element.hasAttribute("href")) {
                links.add(HtmlEscape.unescapeHtml(element.getAttributeValue("href")));
            }
            boolean block = BLOCK.contains(name);
            if (block) {
                endLine();
            }
            for (String attribute : READ_ATTRIBUTES) {
                attribute(element, attribute);
            }
            if (name.equals("td") || name.equals("th")) {
                attribute(element, "data-label"); // a table cell's label, printed before it on a phone (musubi.css)
            }
            boolean code = literal || LITERAL.contains(name) || "no".equalsIgnoreCase(element.getAttributeValue("translate"));
            if (name.equals("input") && SHOWN_VALUE.contains(type(element))) {
                attribute(element, "value", code);
            }
            children(element, code);
            if (block) {
                endLine();
            }
        }

        private static String type(Element input) {
            String type = input.getAttributeValue("type");
            return type == null ? "" : type.strip().toLowerCase(Locale.ROOT);
        }

        /** An attribute a person reads is a line of its own. */
        private void attribute(Element element, String name) {
            attribute(element, name, false);
        }

        private void attribute(Element element, String name, boolean literal) {
            String value = element.getAttributeValue(name);
            if (value != null && !value.isBlank()) {
                endLine();
                add(HtmlEscape.unescapeHtml(value), literal);
                endLine();
            }
        }

        private void add(String text, boolean literal) {
            if (text.isBlank()) {
                current.append(' ');
                return;
            }
            if (literal != currentLiteral && !squeeze(current.toString()).isEmpty()) {
                endLine();
            }
            currentLiteral = literal;
            current.append(text);
        }

        void endLine() {
            String line = squeeze(current.toString());
            if (!line.isEmpty()) {
                lines.add(new Line(line, currentLiteral));
            }
            current.setLength(0);
            currentLiteral = false;
        }
    }
}
