package org.musubi.record.internal;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.musubi.policy.PersonView;
import org.musubi.record.Found;
import org.musubi.record.Outline;
import org.musubi.record.Reader;
import org.musubi.record.RecordQuery;
import org.musubi.record.StoredResource;
import org.musubi.record.read.PersonRecord;
import org.musubi.record.store.ResourceStore;

/**
 * A person's record as one interaction of {@code reader} reads it, under the view the policy opened: everything it
 * reads is filtered by that view and {@link Shown} to the reader, and named, with what the interaction wrote, for the
 * interaction's one audit row ({@link #named}).
 */
public final class OpenedRecord implements PersonRecord {

    private final ResourceStore store;
    private final Reader reader;
    private final PersonView view;
    private final ViewScope scope;
    private final Set<String> named = new LinkedHashSet<>();
    private List<Outline> outline;

    public OpenedRecord(ResourceStore store, Reader reader, PersonView view) {
        this.store = store;
        this.reader = reader;
        this.view = view;
        this.scope = ViewScope.of(view);
    }

    @Override
    public PersonView view() {
        return view;
    }

    @Override
    public List<Outline> outline() {
        if (outline == null) {
            outline = store.outline(scope.keys(), scope.allowed());
        }
        return outline;
    }

    @Override
    public List<StoredResource> contents(Collection<String> ids) {
        List<StoredResource> read = store.contents(scope.keys(), scope.allowed(), ids);
        read.forEach(r -> named.add(r.id()));
        return Shown.shown(reader, read);
    }

    @Override
    public Found search(RecordQuery query) {
        Found found = store.search(scope.keys(), scope.allowed(), query);
        found.resources().forEach(r -> named.add(r.id()));
        return Shown.shown(reader, found);
    }

    @Override
    public void wrote(Collection<String> ids) {
        named.addAll(ids);
    }

    /** What the interaction read and wrote, in order, each once: the names of its one audit row. */
    public List<String> named() {
        return List.copyOf(named);
    }
}
