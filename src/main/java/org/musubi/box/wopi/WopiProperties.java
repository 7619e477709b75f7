package org.musubi.box.wopi;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code musubi.box.wopi.*}: the online editor Box files open in (OnlyOffice, Collabora — the WOPI host's extension
 * point).
 *
 * @param editorUrl  the editor's editing action URL, to which Musubi adds {@code WOPISrc=…} (empty: no editor, no
 *                   "編集 / Edit" action, no token issued)
 * @param hostUrl    how the editor's server reaches Musubi, for {@code WOPISrc} (empty: the URL the browser used)
 * @param extensions the file extensions the editor opens
 * @param tokenTtl   how long an access token lasts (every call checks Box's rules again all the same)
 * @param lockTtl    how long an editor's lock lasts unless refreshed (WOPI says 30 minutes)
 */
@ConfigurationProperties("musubi.box.wopi")
public record WopiProperties(@DefaultValue("") String editorUrl, @DefaultValue("") String hostUrl,
                             @DefaultValue({"docx", "xlsx", "pptx", "odt", "ods", "odp", "doc", "xls", "ppt", "rtf",
                                     "csv", "txt"}) List<String> extensions,
                             @DefaultValue("2h") Duration tokenTtl, @DefaultValue("30m") Duration lockTtl) {
}
