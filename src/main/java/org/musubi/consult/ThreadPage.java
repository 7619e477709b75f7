package org.musubi.consult;

import java.util.List;
import java.util.Map;

/**
 * A thread as its participant reads it: the row, whether the reader asked it, the messages in order (the question
 * first), the record items referenced (by {@code Type/id}: the item as a page names it, {@link RecordItem}, or null
 * when the reader may not see it), and
 * how many of the other side's messages were unread before this reading.
 */
public record ThreadPage(ConsultThread thread, boolean asker, List<ConsultMessage> messages,
                         Map<String, RecordItem> references, int unreadBefore) {

    public ThreadPage {
        messages = List.copyOf(messages);
        references = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(references));
    }
}
