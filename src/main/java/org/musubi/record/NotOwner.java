package org.musubi.record;

import java.util.List;

/**
 * A write refused because the writer does not own the resource, or may not create one under that id. {@link #refs()}
 * names every resource of the write refused so ({@code Type/id}), the first of them also as {@link #type()} and
 * {@link #id()}. Thrown by the write doors and by the store's own-facility write, which is why it is a type of its own.
 */
public final class NotOwner extends RuntimeException {

    private final List<String> refs;

    public NotOwner(String type, String id) {
        this(List.of(type + "/" + id));
    }

    public NotOwner(List<String> refs) {
        super("record.notOwner " + String.join(", ", refs));
        if (refs.isEmpty()) {
            throw new IllegalArgumentException("no resource named");
        }
        this.refs = List.copyOf(refs);
    }

    public String type() {
        return refs.getFirst().substring(0, refs.getFirst().indexOf('/'));
    }

    public String id() {
        return refs.getFirst().substring(refs.getFirst().indexOf('/') + 1);
    }

    public List<String> refs() {
        return refs;
    }
}
