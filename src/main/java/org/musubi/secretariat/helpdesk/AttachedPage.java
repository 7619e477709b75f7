package org.musubi.secretariat.helpdesk;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The page a question was asked from, as it is kept: the path of a page of this Musubi (never another site's, never
 * the query or the fragment, which can carry search words such as a patient's name), each segment that could name
 * something — digits in it, an encoded character, more than 40 characters — masked as {@code {id}}, and the patient key
 * of a viewer page ({@code /portal/patients/<key>/…}) masked as {@code {patient}}: the path alone then names no patient
 * and no record. That key is offered back as {@link #patientKey} so that the asker may choose to name the patient —
 * which the access policy checks ({@link HelpDesk#ask}). At most {@link #MAX} characters.
 *
 * @param path       the masked path, or empty when the page was not one of this Musubi's portal or admin pages
 * @param patientKey the chart key of the viewer page asked from (digits, or {@code own-<n>}), or empty
 */
public record AttachedPage(Optional<String> path, Optional<String> patientKey) {

    public static final int MAX = 200;
    private static final AttachedPage NONE = new AttachedPage(Optional.empty(), Optional.empty());
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_.-]{1,40}|\\{id}|\\{patient}");
    private static final Pattern PATIENT_KEY = Pattern.compile("(own-)?[0-9]{1,18}");

    /**
     * The page a browser came from ({@code Referer}): kept only when it is a page of {@code ownHost} (the host and port
     * this request was made to), under {@code /portal} or {@code /admin}, or the home page.
     */
    public static AttachedPage fromReferer(String referer, String ownHost) {
        if (referer == null || referer.isBlank() || referer.length() > 2000 || ownHost == null) {
            return NONE;
        }
        try {
            URI uri = new URI(referer.strip());
            if (!uri.isAbsolute() || uri.getRawAuthority() == null || !uri.getRawAuthority().equalsIgnoreCase(ownHost)
                    || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return NONE;
            }
            return masked(uri.getRawPath());
        } catch (URISyntaxException e) {
            return NONE;
        }
    }

    /** A path the ask form sent back: masked again, so whatever was typed there is kept only as a masked path. */
    public static Optional<String> fromForm(String path) {
        return path == null || path.length() > 2000 || path.contains("?") || path.contains("#") ? Optional.empty()
                : masked(path).path();
    }

    private static AttachedPage masked(String raw) {
        if (raw == null || !raw.startsWith("/") || raw.contains("\\") || raw.contains("//")) {
            return NONE;
        }
        if (raw.equals("/")) {
            return new AttachedPage(Optional.of("/"), Optional.empty());
        }
        String[] segments = raw.substring(1).split("/", -1);
        if (!segments[0].equals("portal") && !segments[0].equals("admin")) {
            return NONE;
        }
        Optional<String> key = Optional.empty();
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            boolean chart = i == 2 && segments[0].equals("portal") && segments[1].equals("patients");
            if (segment.equals(".") || segment.equals("..")) {
                return NONE;
            }
            if (chart) {
                Matcher matcher = PATIENT_KEY.matcher(segment);
                key = matcher.matches() ? Optional.of(segment) : Optional.empty();
                segment = "{patient}";
            } else if (!segment.isEmpty() && !PLAIN.matcher(segment).matches()) {
                segment = "{id}";
            }
            if (path.length() + 1 + segment.length() > MAX) {
                break;
            }
            path.append('/').append(segment);
        }
        return new AttachedPage(Optional.of(path.toString()), key);
    }
}
