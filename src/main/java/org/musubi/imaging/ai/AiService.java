package org.musubi.imaging.ai;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * An AI service as an operator registered it: where it answers, the token Musubi sends it (sealed, {@code SecretBox},
 * never shown), the model's name and version as the service reports them, the study kinds it takes (DICOM modality
 * codes, optionally one body part), whether each new study of those kinds is sent without being asked, whether it is
 * enabled, and where the automatic scan of the study index resumes.
 */
public record AiService(long id, String name, String baseUrl, String tokenSealed, String modelName, String modelVersion,
                        List<String> modalities, String bodyPart, boolean automatic, boolean enabled,
                        Instant lastSeenIndexedAt) {

    public AiService {
        modalities = List.copyOf(modalities);
    }

    /** Whether this service takes a study of {@code modality} (the study's first modality, as indexed). */
    public boolean takes(String modality) {
        return enabled && modality != null && modalities.contains(modality.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether {@code url} may be a service's base URL: HTTPS, or HTTP only to a loopback address (tests, development).
     * No user info, query or fragment.
     */
    public static boolean acceptableBaseUrl(String url) {
        if (url == null || url.length() > 500) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (java.net.URISyntaxException e) {
            return false;
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return true;
        }
        String host = uri.getHost();
        return scheme.equals("http") && (host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"));
    }
}
