package org.musubi.fhirapi.summary;

import java.util.Arrays;
import java.util.List;
import org.hl7.fhir.r4.model.Narrative.NarrativeStatus;

/** A section's human-readable text: its lines as an XHTML list, escaped. */
final class Narrative {

    private Narrative() {
    }

    static org.hl7.fhir.r4.model.Narrative of(List<String> lines, String none) {
        StringBuilder div = new StringBuilder("<div xmlns=\"http://www.w3.org/1999/xhtml\">");
        if (lines.isEmpty()) {
            div.append("<p>").append(escape(none)).append("</p>");
        } else {
            div.append("<ul>");
            lines.forEach(l -> div.append("<li>").append(escape(l)).append("</li>"));
            div.append("</ul>");
        }
        org.hl7.fhir.r4.model.Narrative narrative = new org.hl7.fhir.r4.model.Narrative();
        narrative.setStatus(NarrativeStatus.GENERATED);
        narrative.setDivAsString(div.append("</div>").toString());
        return narrative;
    }

    /** The words joined by {@code 、}, blanks left out. */
    static String words(String... words) {
        return String.join("、", Arrays.stream(words).filter(w -> w != null && !w.isBlank()).toList());
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
