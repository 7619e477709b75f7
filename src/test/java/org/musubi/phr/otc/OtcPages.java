package org.musubi.phr.otc;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what the tests need from the notebook's pages: the ids of the self-entered medicines listed. */
public final class OtcPages {

    private static final Pattern ENTRY = Pattern.compile("data-otc=\"([^\"]+)\"");

    private OtcPages() {
    }

    /** The ids of the entries a page lists, in order. */
    public static List<String> ids(String page) {
        List<String> ids = new ArrayList<>();
        Matcher m = ENTRY.matcher(page);
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /** The only entry a page lists. */
    public static String only(String page) {
        List<String> ids = ids(page);
        if (ids.size() != 1) {
            throw new AssertionError("expected one entry, found " + ids);
        }
        return ids.getFirst();
    }
}
