package org.musubi.secretariat.helpdesk;

import java.util.List;
import java.util.Optional;

/** The FAQ the secretariat writes and publishes on the portal (table {@code helpdesk_faq}). */
public interface FaqEntries {

    /** One entry; {@code id} 0 for one not stored yet. Shown in {@code position} order within its category. */
    record FaqEntry(long id, HelpCategory category, String question, String answer, int position, boolean published) {
    }

    /**
     * The published entries, of {@code category} when given, holding every one of {@code words} in the question or the
     * answer (case-insensitive), in category and position order.
     */
    List<FaqEntry> published(HelpCategory category, List<String> words, int limit);

    /** Every entry, published or not, for the secretariat's editor. */
    List<FaqEntry> all();

    Optional<FaqEntry> find(long id);

    /** Stores a new entry ({@code id} 0) or changes one; its id, or 0 when the id names nothing. */
    long save(FaqEntry entry, long byUser);

    /** Stores {@code entry} under {@code seedKey} unless an entry with that key exists (edited or not): true if stored. */
    boolean seed(String seedKey, FaqEntry entry);
}
