package org.musubi.testing.screenlint;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.unbescape.html.HtmlEscape;

/**
 * The forms of an HTML page as a browser would send them untouched: text fields, hidden fields, checked boxes and
 * radios, text areas, and for a list the option chosen, or else the first real one (what a person picking anything
 * picks). For the screen lint: a GET form (a search, a filter, a step that picks a facility) is a way to a page as a
 * link is; a POST form is sent only by a test's deliberate act (a referral).
 */
public final class Forms {

    /** A form: where it goes, how, and its fields in order. */
    public record Form(String id, String action, String method, Map<String, String> fields) {

        /** The address a GET form leads to: its action with its fields as the query. */
        public String address() {
            String query = fields.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            String bare = action.split("\\?", 2)[0];
            return query.isEmpty() ? bare : bare + "?" + query;
        }
    }

    private Forms() {
    }

    /** Every form of the page, in order. */
    public static List<Form> of(String html) {
        List<Form> forms = new ArrayList<>();
        find(parse(html), forms);
        return forms;
    }

    /** The form with this id. */
    public static Optional<Form> byId(String html, String id) {
        return of(html).stream().filter(f -> id.equals(f.id())).findFirst();
    }

    private static INestableNode parse(String html) {
        try {
            return new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse(html);
        } catch (ParseException e) {
            throw new IllegalArgumentException("not an HTML page a browser could show: " + e.getMessage(), e);
        }
    }

    private static void find(INestableNode parent, List<Form> forms) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Element e) {
                if (e.getElementName().equalsIgnoreCase("form")) {
                    Map<String, String> fields = new LinkedHashMap<>();
                    collect(e, fields);
                    forms.add(new Form(e.getAttributeValue("id"), attribute(e, "action"),
                            attribute(e, "method").isEmpty() ? "get" : attribute(e, "method").toLowerCase(Locale.ROOT),
                            fields));
                } else {
                    find(e, forms);
                }
            }
        }
    }

    private static void collect(Element parent, Map<String, String> fields) {
        for (INode node : parent.getChildren()) {
            if (!(node instanceof Element e)) {
                continue;
            }
            String name = e.getAttributeValue("name");
            String tag = e.getElementName().toLowerCase(Locale.ROOT);
            if (name != null && tag.equals("input")) {
                String type = attribute(e, "type").isEmpty() ? "text" : attribute(e, "type").toLowerCase(Locale.ROOT);
                boolean choice = Set.of("checkbox", "radio").contains(type);
                if (choice ? e.hasAttribute("checked") : !Set.of("file", "submit", "button", "image", "reset").contains(type)) {
                    fields.put(name, choice && !e.hasAttribute("value") ? "on" : attribute(e, "value"));
                }
            } else if (name != null && tag.equals("textarea")) {
                fields.put(name, HtmlEscape.unescapeHtml(e.getChildrenOfType(Text.class).stream().map(Text::getContent)
                        .collect(Collectors.joining())));
            } else if (name != null && tag.equals("select")) {
                List<Element> options = new ArrayList<>();
                options(e, options);
                options.stream().filter(o -> o.hasAttribute("selected")).findFirst()
                        .or(() -> options.stream().filter(o -> !attribute(o, "value").isEmpty()).findFirst())
                        .or(() -> options.stream().findFirst())
                        .ifPresent(o -> fields.put(name, attribute(o, "value")));
            } else {
                collect(e, fields);
            }
        }
    }

    private static void options(Element parent, List<Element> options) {
        for (INode node : parent.getChildren()) {
            if (node instanceof Element e) {
                if (e.getElementName().equalsIgnoreCase("option")) {
                    options.add(e);
                } else {
                    options(e, options);
                }
            }
        }
    }

    private static String attribute(Element element, String name) {
        String value = element.getAttributeValue(name);
        return value == null ? "" : HtmlEscape.unescapeHtml(value);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
