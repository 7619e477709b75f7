package org.musubi.imaging.proxy.web;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.imaging.studies.IndexedStudy;

/**
 * The DICOMweb paths the proxy serves under a study, and what each is in the archive. Anything else (the whole
 * study's retrieve, a query, a path of another shape) is served to nobody.
 *
 * @param series   the series UID in the path, or null
 * @param instance the instance UID in the path, or null
 * @param archive  the path to ask the archive (relative to its DICOMweb root)
 * @param json     whether the answer is DICOM JSON whose URLs must be rewritten
 */
record ProxyPaths(String series, String instance, String archive, boolean json) {

    private static final String UID = "((?:0|[1-9][0-9]*)(?:\\.(?:0|[1-9][0-9]*))*)";
    private static final Pattern SERIES = Pattern.compile("^series/" + UID + "/(metadata|instances)$");
    private static final Pattern INSTANCE = Pattern.compile("^series/" + UID + "/instances/" + UID
            + "/(metadata|rendered|thumbnail|frames/[1-9][0-9]{0,5}(?:/rendered)?|bulk/[0-9A-Fa-f]{8}(?:/[0-9A-Fa-f]{8}|/[0-9]{1,4})*)$");

    /** The paths the viewer asks, relative to the study ({@code metadata}, {@code series/1.2/instances} …). */
    static Optional<ProxyPaths> of(String study, String rest) {
        if (!IndexedStudy.isUid(study) || rest == null) {
            return Optional.empty();
        }
        String base = "studies/" + study;
        if (rest.equals("metadata") || rest.equals("series")) {
            return Optional.of(new ProxyPaths(null, null, base + "/" + rest, true));
        }
        Matcher s = SERIES.matcher(rest);
        if (s.matches() && IndexedStudy.isUid(s.group(1))) {
            return Optional.of(new ProxyPaths(s.group(1), null, base + "/" + rest, true));
        }
        Matcher i = INSTANCE.matcher(rest);
        if (i.matches() && IndexedStudy.isUid(i.group(1)) && IndexedStudy.isUid(i.group(2))) {
            String what = i.group(3);
            String path = base + "/series/" + i.group(1) + "/instances/" + i.group(2) + "/"
                    + (what.equals("thumbnail") ? "rendered" : what);
            return Optional.of(new ProxyPaths(i.group(1), i.group(2), path, what.equals("metadata")));
        }
        return Optional.empty();
    }

    /** The query the archive is asked with: a thumbnail is a small rendered frame; rendered keeps its viewport. */
    static String query(String rest, Map<String, String[]> parameters) {
        if (rest.endsWith("/thumbnail")) {
            return "?viewport=128,128";
        }
        String[] viewport = parameters.get("viewport");
        if (rest.endsWith("/rendered") && viewport != null && viewport.length == 1
                && viewport[0].matches("[1-9][0-9]{0,3},[1-9][0-9]{0,3}")) {
            return "?viewport=" + viewport[0];
        }
        return "";
    }
}
