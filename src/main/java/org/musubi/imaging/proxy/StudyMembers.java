package org.musubi.imaging.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.musubi.imaging.archive.OrthancClient;
import org.musubi.imaging.studies.IndexedStudy;
import tools.jackson.databind.JsonNode;

/**
 * Which series belong to a study and which instances to a series, as the archive lists them (QIDO-RS {@code
 * studies/…/series}, {@code …/series/…/instances}), kept in this node's memory for a few hundred studies: the proxy
 * never relies on the archive to refuse a series or an instance of another study asked under a study's path. A UID not
 * listed is looked up again once (a study still arriving), then refused.
 */
public class StudyMembers {

    private static final int KEPT = 512;
    private static final String SERIES_UID = "0020000E";
    private static final String INSTANCE_UID = "00080018";

    private final OrthancClient archive;
    private final Map<String, Set<String>> members = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Set<String>> eldest) {
            return size() > KEPT;
        }
    });

    public StudyMembers(OrthancClient archive) {
        this.archive = archive;
    }

    /** Whether the series belongs to the study (both UIDs checked by the caller). */
    public boolean seriesOf(String study, String series) {
        return listed("studies/" + study + "/series", SERIES_UID, series);
    }

    /** Whether the instance belongs to the series, itself checked to belong to the study. */
    public boolean instanceOf(String study, String series, String instance) {
        return seriesOf(study, series)
                && listed("studies/" + study + "/series/" + series + "/instances", INSTANCE_UID, instance);
    }

    private boolean listed(String path, String tag, String uid) {
        Set<String> known = members.get(path);
        if (known != null && known.contains(uid)) {
            return true;
        }
        Set<String> fresh = list(path, tag);
        if (fresh == null) {
            return false;
        }
        members.put(path, fresh);
        return fresh.contains(uid);
    }

    private Set<String> list(String path, String tag) {
        Set<String> uids = new TreeSet<>();
        JsonNode answer;
        try {
            answer = archive.json(archive.dicomWeb(path));
        } catch (OrthancClient.ArchiveUnavailable e) {
            return null;
        }
        for (JsonNode item : answer) {
            JsonNode value = item.path(tag).path("Value");
            if (value.isArray() && !value.isEmpty() && IndexedStudy.isUid(value.get(0).asString())) {
                uids.add(value.get(0).asString());
            }
        }
        return uids;
    }
}
