package org.musubi.ingest.checkup;

import org.musubi.ingest.adapter.Location;
import org.musubi.ingest.adapter.ParseResult;
import org.musubi.ingest.adapter.Problem;
import org.musubi.ingest.adapter.ProblemTexts;

/**
 * The checkup reader's problems, from {@code org/musubi/ingest/checkup/messages*.properties}, and where they sit: the
 * file (a ZIP's entry as {@code archive.zip!/DATA/h….xml}), the element's line, the record (the document, or one
 * result as {@code observation <item code>}) and the element or attribute, as a path from the record's element.
 */
final class CheckupProblems {

    static final ProblemTexts TEXTS = new ProblemTexts("org.musubi.ingest.checkup.messages");
    static final String DOCUMENT = "ClinicalDocument";

    private CheckupProblems() {
    }

    static ParseResult.Rejected rejected(Location where, String raw, String code, Object... args) {
        return new ParseResult.Rejected(TEXTS.problem(where, code, args), raw);
    }

    static Problem problem(Location where, String code, Object... args) {
        return TEXTS.problem(where, code, args);
    }

    /** The document's element {@code node} (its line and its path below the root) in {@code file}. */
    static Location inDocument(String file, XmlNode node) {
        return new Location(file, node.line(), DOCUMENT, node.parent() == null ? null : node.pathFrom(root(node)));
    }

    /** {@code node}'s attribute {@code attribute}: the element's path with {@code /@attribute}. */
    static Location inDocument(String file, XmlNode node, String attribute) {
        Location at = inDocument(file, node);
        return at.field(at.field() == null ? "@" + attribute : at.field() + "/@" + attribute);
    }

    private static XmlNode root(XmlNode node) {
        XmlNode root = node;
        while (root.parent() != null) {
            root = root.parent();
        }
        return root;
    }
}
