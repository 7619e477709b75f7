package org.musubi.archfixtures.architecture;

import org.musubi.record.store.ResourceStore;

/** A feature that reads the policy-free record store instead of asking {@code ReadRecords}. */
final class ReadsTheStore {

    private final ResourceStore store;

    ReadsTheStore(ResourceStore store) {
        this.store = store;
    }

    boolean exists(String type, String id) {
        return store.find(type, id).isPresent();
    }
}
