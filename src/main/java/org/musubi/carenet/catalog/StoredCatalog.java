package org.musubi.carenet.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.musubi.pathway.PathwayCatalog;
import org.musubi.pathway.PathwayTemplate;
import org.musubi.pathway.PathwayTemplates;

/**
 * The pathway templates offered, from the operators' store: per code the newest published version ({@link #current}),
 * and any published or retired version by its number ({@link #version}; never a draft). A published version never
 * changes, so each is read from its JSON once per node. Before the store holds anything (a read-only standby whose
 * primary has not seeded it yet) the shipped templates are served from memory.
 */
public final class StoredCatalog implements PathwayCatalog {

    private final TemplateRows rows;
    private final Map<String, PathwayTemplate> read = new ConcurrentHashMap<>();
    /** The shipped templates, read from their files once, for a store that holds nothing yet. */
    private volatile PathwayCatalog shipped;

    public StoredCatalog(TemplateRows rows) {
        this.rows = rows;
    }

    @Override
    public List<PathwayTemplate> current() {
        List<TemplateRow> current = rows.currentPublished();
        if (current.isEmpty() && rows.isEmpty()) {
            return shipped().current();
        }
        return current.stream().map(this::template).toList();
    }

    @Override
    public Optional<PathwayTemplate> current(String code) {
        return current().stream().filter(t -> t.code().equals(code)).findFirst();
    }

    @Override
    public Optional<PathwayTemplate> version(String code, String version) {
        int number;
        try {
            number = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Optional<TemplateRow> row = rows.find(code, number);
        if (row.isEmpty() && rows.isEmpty()) {
            return shipped().version(code, version);
        }
        return row.filter(r -> r.status() != TemplateStatus.DRAFT).map(this::template);
    }

    private PathwayCatalog shipped() {
        PathwayCatalog known = shipped;
        if (known == null) {
            known = PathwayCatalog.shipped();
            shipped = known;
        }
        return known;
    }

    private PathwayTemplate template(TemplateRow row) {
        return read.computeIfAbsent(row.name(), name -> PathwayTemplates.read(row.body()));
    }
}
