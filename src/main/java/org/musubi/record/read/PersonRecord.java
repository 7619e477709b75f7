package org.musubi.record.read;

import java.util.Collection;
import java.util.List;
import org.musubi.policy.PersonView;
import org.musubi.record.Found;
import org.musubi.record.Outline;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;

/**
 * A person's record as one interaction sees it ({@code ReadRecords.readPerson}): only what the policy lets the reader
 * see.
 */
public interface PersonRecord {

    PersonView view();

    /** Every live resource the reader may see, without content, newest clinical date first. */
    List<Outline> outline();

    /** The content of these resources (those the reader may see); each is named in the audit row. */
    List<StoredResource> contents(Collection<String> ids);

    /**
     * A search within the record, filtered by the same view as everything else the interaction reads (as
     * {@code ReadRecords.search}); each resource found is named in the audit row.
     */
    Found search(RecordQuery query);

    /**
     * Names in the interaction's one audit row the resources the body wrote ({@code Type/id} or id), for a write
     * that depends on what the record holds (a value computed from an earlier one): what it read and what it
     * wrote are then one interaction, decided and audited once.
     */
    void wrote(Collection<String> ids);

    /** A record that hands every question to another ({@link #delegate}); a wrapper overrides what it adds to. */
    interface Forwarding extends PersonRecord {

        PersonRecord delegate();

        @Override
        default PersonView view() {
            return delegate().view();
        }

        @Override
        default List<Outline> outline() {
            return delegate().outline();
        }

        @Override
        default List<StoredResource> contents(Collection<String> ids) {
            return delegate().contents(ids);
        }

        @Override
        default Found search(RecordQuery query) {
            return delegate().search(query);
        }

        @Override
        default void wrote(Collection<String> ids) {
            delegate().wrote(ids);
        }
    }
}
