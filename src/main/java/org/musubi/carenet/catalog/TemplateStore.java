package org.musubi.carenet.catalog;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.musubi.audit.Audit;
import org.musubi.audit.AuditAction;
import org.musubi.audit.AuditEntry;
import org.musubi.audit.Outcome;
import org.musubi.database.Standby;
import org.musubi.pathway.PathwayTemplates;
import org.musubi.pathway.TemplateRejected;
import org.musubi.registry.Administrator;
import org.musubi.registry.NotPermitted;
import tools.jackson.databind.node.ObjectNode;

/**
 * Network operators' changes to the pathway templates: a new template (a draft, version 1), a new version (the newest
 * published one copied into a draft with the next number), edits of a draft ({@link DraftEditor}), a Questionnaire
 * imported into a draft's stage or a whole template imported as a draft (checked first, {@link TemplateRejected}
 * naming the item and the reason), publishing (the whole template checked by {@link PathwayTemplates#read}: nothing is
 * published with a fault) and retiring. Each change is one audit row (no patient); a refused change leaves nothing
 * stored. On a read-only standby every change is refused ({@link Standby#refuseWrites}).
 */
public final class TemplateStore {

    /** The id a refused template import is audited under (its code is not read before the check). */
    private static final String IMPORTED_ID = "import";
    private static final String IMPORTED_REASON = "imported";

    private static final String CODE = "[a-z0-9][a-z0-9-]{0,63}";
    private static final String AUDIT_TYPE = "PathwayTemplate";

    private final TemplateRows rows;
    private final Audit audit;
    private final Standby standby;

    public TemplateStore(TemplateRows rows, Audit audit, Standby standby) {
        this.rows = rows;
        this.audit = audit;
        this.standby = standby;
    }

    public List<TemplateRow> all() {
        return rows.all();
    }

    public List<TemplateRow> versions(String code) {
        return rows.of(code);
    }

    public Optional<TemplateRow> find(String code, int version) {
        return rows.find(code, version);
    }

    /** A new template, as a draft of version 1 without stages. */
    public TemplateRow create(Administrator admin, String code, String titleJa, String titleEn) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_CREATE, code);
        String clean = code == null ? "" : code.strip();
        if (!clean.matches(CODE)) {
            throw new CatalogRefused(CatalogRefused.BAD_CODE, clean);
        }
        if (!rows.of(clean).isEmpty()) {
            throw new CatalogRefused(CatalogRefused.CODE_TAKEN, clean);
        }
        ObjectNode body = DraftEditor.empty(clean, "1", titleJa, titleEn);
        return insert(admin, clean, 1, body, AuditAction.PATHWAY_TEMPLATE_CREATE, "new template");
    }

    /** The newest published version copied into a draft with the next number; the draft there is, if any. */
    public TemplateRow newVersion(Administrator admin, String code) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_CREATE, code);
        List<TemplateRow> versions = rows.of(code);
        Optional<TemplateRow> draft = versions.stream().filter(r -> r.status() == TemplateStatus.DRAFT).findFirst();
        if (draft.isPresent()) {
            return draft.get();
        }
        TemplateRow from = versions.stream().filter(r -> r.status() == TemplateStatus.PUBLISHED).findFirst()
                .or(() -> versions.stream().findFirst())
                .orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, code));
        int next = versions.stream().mapToInt(TemplateRow::version).max().orElse(0) + 1;
        ObjectNode body = TemplateJson.parse(from.body());
        body.put("version", String.valueOf(next));
        return insert(admin, code, next, body, AuditAction.PATHWAY_TEMPLATE_CREATE, "new version from " + from.version());
    }

    /** One edit of a draft, stored and audited once; an edit that fails stores nothing. */
    public void edit(Administrator admin, String code, int version, String what, Consumer<DraftEditor> edit) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_UPDATE, code + "/" + version);
        TemplateRow row = draft(code, version);
        DraftEditor editor = row.editor();
        edit.accept(editor);
        save(row, editor.json(), what);
    }

    /** A Questionnaire's JSON imported as a draft's stage form: checked first, rejected whole with every fault. */
    public void importQuestionnaire(Administrator admin, String code, int version, String stage, String json) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_UPDATE, code + "/" + version);
        TemplateRow row = draft(code, version);
        PathwayTemplates.importQuestionnaire(json);
        DraftEditor editor = row.editor();
        editor.replaceForm(stage, TemplateJson.parse(json));
        save(row, editor.json(), "Questionnaire imported into " + stage);
    }

    /**
     * A whole template's JSON imported as a draft: checked first (rejected whole with every fault), then stored as
     * version 1 of a new code or as the next version of an existing one (refused while that one has a draft).
     */
    public TemplateRow importTemplate(Administrator admin, String json) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_CREATE, IMPORTED_ID);
        String code = PathwayTemplates.read(json).code();
        List<TemplateRow> versions = rows.of(code);
        if (versions.stream().anyMatch(r -> r.status() == TemplateStatus.DRAFT)) {
            throw new CatalogRefused(CatalogRefused.DRAFT_EXISTS, code);
        }
        int next = versions.stream().mapToInt(TemplateRow::version).max().orElse(0) + 1;
        ObjectNode body = TemplateJson.parse(json);
        body.put("version", String.valueOf(next));
        return insert(admin, code, next, body, AuditAction.PATHWAY_TEMPLATE_CREATE, IMPORTED_REASON);
    }

    /** Publishes a draft: the newest published version of its code from now on (new enrolments only). */
    public void publish(Administrator admin, String code, int version) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_PUBLISH, code + "/" + version);
        TemplateRow row = draft(code, version);
        PathwayTemplates.read(row.body());
        if (!rows.publish(code, version, admin.userId())) {
            throw new CatalogRefused(CatalogRefused.NOT_DRAFT, row.name());
        }
        audit.record(AuditEntry.of(AuditAction.PATHWAY_TEMPLATE_PUBLISH, Outcome.PERMIT).on(AUDIT_TYPE, row.name()));
    }

    /** Retires a published version: offered no more, still readable by its number. */
    public void retire(Administrator admin, String code, int version) {
        permitted(admin, AuditAction.PATHWAY_TEMPLATE_RETIRE, code + "/" + version);
        TemplateRow row = rows.find(code, version)
                .orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, code + "/" + version));
        if (!rows.retire(code, version, admin.userId())) {
            throw new CatalogRefused(CatalogRefused.NOT_PUBLISHED, row.name());
        }
        audit.record(AuditEntry.of(AuditAction.PATHWAY_TEMPLATE_RETIRE, Outcome.PERMIT).on(AUDIT_TYPE, row.name()));
    }

    private TemplateRow draft(String code, int version) {
        TemplateRow row = rows.find(code, version)
                .orElseThrow(() -> new CatalogRefused(CatalogRefused.NOT_FOUND, code + "/" + version));
        if (row.status() != TemplateStatus.DRAFT) {
            throw new CatalogRefused(CatalogRefused.NOT_DRAFT, row.name());
        }
        return row;
    }

    private TemplateRow insert(Administrator admin, String code, int version, ObjectNode body, AuditAction action,
                               String what) {
        if (!rows.insert(code, version, TemplateStatus.DRAFT, TemplateJson.write(body), admin.userId())) {
            throw new CatalogRefused(CatalogRefused.DRAFT_EXISTS, code);
        }
        audit.record(AuditEntry.of(action, Outcome.PERMIT).on(AUDIT_TYPE, code + "/" + version).reason(what));
        return rows.find(code, version).orElseThrow();
    }

    private void save(TemplateRow row, ObjectNode body, String what) {
        body.put("code", row.code()).put("version", String.valueOf(row.version()));
        if (!rows.updateDraft(row.code(), row.version(), TemplateJson.write(body))) {
            throw new CatalogRefused(CatalogRefused.NOT_DRAFT, row.name());
        }
        audit.record(AuditEntry.of(AuditAction.PATHWAY_TEMPLATE_UPDATE, Outcome.PERMIT).on(AUDIT_TYPE, row.name())
                .reason(what));
    }

    private void permitted(Administrator admin, AuditAction action, String what) {
        standby.refuseWrites();
        if (!admin.networkAdmin()) {
            audit.record(AuditEntry.of(action, Outcome.DENY).on(AUDIT_TYPE, what).reason("not a network admin"));
            throw new NotPermitted("pathway templates");
        }
    }
}
