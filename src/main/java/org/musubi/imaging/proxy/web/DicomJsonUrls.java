package org.musubi.imaging.proxy.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The archive's URLs in DICOM JSON (BulkDataURI, RetrieveURL 0008,1190 …) rewritten to Musubi's proxy: a URL naming a
 * study ({@code …/studies/<uid>…}) becomes the same path under the proxy; any other URL or absolute reference is
 * removed, so that no address of the archive reaches the browser.
 */
final class DicomJsonUrls {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DicomJsonUrls() {
    }

    /** {@code json} with its URLs under {@code proxyStudies} (e.g. {@code /imaging/dicomweb/studies/}). */
    static byte[] rewrite(byte[] json, String proxyStudies) {
        JsonNode tree = MAPPER.readTree(json);
        walk(tree, proxyStudies);
        return MAPPER.writeValueAsBytes(tree);
    }

    private static void walk(JsonNode node, String proxyStudies) {
        if (node instanceof ObjectNode object) {
            List<String> drop = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : new ArrayList<>(object.properties())) {
                JsonNode value = field.getValue();
                if (value.isString()) {
                    String url = rewritten(value.asString(), proxyStudies);
                    if (url == null) {
                        drop.add(field.getKey());
                    } else if (!url.equals(value.asString())) {
                        object.put(field.getKey(), url);
                    }
                } else {
                    walk(value, proxyStudies);
                }
            }
            drop.forEach(object::remove);
        } else if (node instanceof ArrayNode array) {
            for (int i = array.size() - 1; i >= 0; i--) {
                JsonNode value = array.get(i);
                if (value.isString()) {
                    String url = rewritten(value.asString(), proxyStudies);
                    if (url == null) {
                        array.remove(i);
                    } else if (!url.equals(value.asString())) {
                        array.remove(i);
                        array.insert(i, url);
                    }
                } else {
                    walk(value, proxyStudies);
                }
            }
        }
    }

    /** The value itself when it is no URL, the proxy's URL for a study's, or null for another URL. */
    static String rewritten(String value, String proxyStudies) {
        boolean url = value.startsWith("http://") || value.startsWith("https://") || value.startsWith("//");
        if (!url) {
            return value;
        }
        int at = value.indexOf("/studies/");
        return at < 0 ? null : proxyStudies + value.substring(at + "/studies/".length());
    }
}
