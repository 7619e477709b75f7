package org.musubi.letters.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.musubi.blob.Blob;
import org.musubi.blob.BlobStore;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The real blob store, noting for each write whether a database transaction was open on the writing thread (issue 68:
 * no outside call inside one): {@code "put in a transaction: false"}.
 */
final class TransactionWatch implements BlobStore {

    private final BlobStore store;
    private final List<String> calls = new CopyOnWriteArrayList<>();

    TransactionWatch(BlobStore store) {
        this.store = store;
    }

    /** What was called, in order, each with whether a transaction was open. */
    List<String> calls() {
        return List.copyOf(calls);
    }

    private void note() {
        calls.add("put in a transaction: " + TransactionSynchronizationManager.isActualTransactionActive());
    }

    @Override
    public Blob put(InputStream content, long maxBytes) throws IOException {
        note();
        return store.put(content, maxBytes);
    }

    @Override
    public Optional<InputStream> open(String key) throws IOException {
        return store.open(key);
    }

    @Override
    public long putPart(String name, InputStream content, long maxBytes) throws IOException {
        note();
        return store.putPart(name, content, maxBytes);
    }

    @Override
    public Blob putPartHashed(String name, InputStream content, long maxBytes) throws IOException {
        note();
        return store.putPartHashed(name, content, maxBytes);
    }

    @Override
    public Optional<InputStream> openPart(String name) throws IOException {
        return store.openPart(name);
    }

    @Override
    public void deletePart(String name) throws IOException {
        store.deletePart(name);
    }
}
