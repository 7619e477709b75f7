package org.musubi.fhirapi.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.musubi.record.fhir.ResourceKind;

/**
 * The one table of what SMART system scopes let a token do on {@code /fhir}: for every interaction and operation
 * Musubi serves, the resource types it needs (when the token's scopes do not allow one, the call is refused with
 * 403 and audited once) and the other types it may return (left out of the answer, and out of its audit row,
 * unless a scope allows them). Scopes only narrow: what they allow still passes the access policy.
 *
 * <p>A Bundle holds resources of other types and is served whole, so reading one needs a scope that reads every
 * type ({@code system/*.read}); writing one needs the write of each of its entries' types too.
 * {@code docs/fhir-api.md}, section "Scopes", is this table in words.
 */
public enum ScopeTable {

    READ("read", Marks.EACH_TYPE, false, Set.of(Marks.ITS_TYPE), Set.of()),
    VREAD("vread", Marks.EACH_TYPE, false, Set.of(Marks.ITS_TYPE), Set.of()),
    HISTORY("history-instance", Marks.EACH_TYPE, false, Set.of(Marks.ITS_TYPE), Set.of()),
    /** The matches' type; the resources {@code _include} adds, of whatever type, only where a scope allows them. */
    SEARCH("search-type", Marks.EACH_TYPE, false, Set.of(Marks.ITS_TYPE), Set.of(Marks.EVERY_TYPE)),
    CREATE("create", Marks.EACH_TYPE, true, Set.of(Marks.ITS_TYPE), Set.of()),
    UPDATE("update", Marks.EACH_TYPE, true, Set.of(Marks.ITS_TYPE), Set.of()),
    DELETE("delete", Marks.EACH_TYPE, true, Set.of(Marks.ITS_TYPE), Set.of()),
    /** PDQm (ITI-78). */
    PDQM_SEARCH("search-type", "Patient", false, Set.of("Patient"), Set.of()),
    /** PDQm {@code $match} (ITI-119). */
    MATCH("$match", "Patient", false, Set.of("Patient"), Set.of()),
    /** PIXm (ITI-83). */
    PIX("$ihe-pix", "Patient", false, Set.of("Patient"), Set.of()),
    /** The person, then every type of their record and the directory resources it refers to, where a scope allows. */
    EVERYTHING("$everything", "Patient", false, Set.of("Patient"), Set.of(Marks.EVERY_TYPE)),
    /** The file is headed by the patient and made of dispensings; OTC drugs, allergies and parties where allowed. */
    MEDICATION_NOTEBOOK("$medication-notebook", "Patient", false, Set.of("Patient", "MedicationDispense"),
            Set.of("MedicationStatement", "AllergyIntolerance", "Organization", "Practitioner", "PractitionerRole")),
    /**
     * {@code $summary}: the emergency minimum dataset as a document, a Bundle served whole, so a scope for every type
     * ({@code system/*.read}); the person heads it.
     */
    SUMMARY("$summary", "Patient", false, Set.of("Patient", "Bundle"), Set.of()),
    /**
     * {@code $clins-6}: the 6 items of a patient at the caller's facility as JP-CLINS collection Bundles, served whole
     * in one Bundle: a scope for Patient and for Bundle.
     */
    CLINS_SIX("$clins-6", "Patient", false, Set.of("Patient", "Bundle"), Set.of()),
    /**
     * Every entry's type, or nothing is written. Conditional creates and references resolve only among the Bundle's
     * entries and the writer's own resources and answer with a reference, never content: no read scope is needed.
     */
    TRANSACTION("transaction", Marks.SYSTEM, true, Set.of(Marks.EACH_ENTRY), Set.of()),
    /** Each entry on its own: an entry whose type no scope allows is answered 403, the others are written. */
    BATCH("batch", Marks.SYSTEM, true, Set.of(Marks.EACH_ENTRY), Set.of()),
    /** {@code GET /fhir/Binary/<id>}, served beside HAPI. */
    BINARY_READ("read", "Binary", false, Set.of("Binary"), Set.of()),
    /** {@code POST /fhir/Binary}, served beside HAPI. */
    BINARY_CREATE("create", "Binary", true, Set.of("Binary"), Set.of()),
    /** Network administrators only, whatever the scope (systems never read the audit trail). */
    AUDIT_EVENT_SEARCH("search-type", "AuditEvent", false, Set.of("AuditEvent"), Set.of()),
    /**
     * {@code MeasureReport/$surveillance-daily}: a day's syndromic-surveillance counts as MeasureReports, computed (not
     * the record's MeasureReports): a facility's own, or every facility's for a public-health office.
     */
    SURVEILLANCE_DAILY("$surveillance-daily", "MeasureReport", false, Set.of("MeasureReport"), Set.of()),
    /**
     * {@code [base]/$export} (FHIR Bulk Data, issue 48): the records of the facility's patients, as its searches would
     * return them, every type a scope allows; an export is about patients, so it needs Patient, and each type asked
     * with {@code _type}.
     */
    EXPORT("$export", Marks.SYSTEM, false, Set.of("Patient", Marks.EACH_ASKED), Set.of(Marks.EVERY_TYPE)),
    /** {@code Patient/$export}: as {@link #EXPORT} (every stored resource of Musubi is about a patient). */
    EXPORT_PATIENT("$export", "Patient", false, Set.of("Patient", Marks.EACH_ASKED), Set.of(Marks.EVERY_TYPE)),
    /** {@code Group/<id>/$export}: Musubi keeps no Group, so every id answers as unknown (404), after the scopes. */
    EXPORT_GROUP("$export", "Group", false, Set.of("Patient", Marks.EACH_ASKED), Set.of(Marks.EVERY_TYPE)),
    /** {@code GET /fhir/metadata}: public, no token. */
    CAPABILITIES("capabilities", Marks.SYSTEM, false, Set.of(), Set.of()),
    /** The definitions of the operations above, as HAPI serves them beside the CapabilityStatement: no data. */
    OPERATION_DEFINITION("read", "OperationDefinition", false, Set.of(), Set.of()),
    /**
     * A pathway stage's form, {@code GET /fhir/Questionnaire/<id>}: the network's templates, no patient's data, so
     * every token reads it whatever its scopes (writes are refused with 405 for every caller).
     */
    QUESTIONNAIRE_READ("read", "Questionnaire", false, Set.of(), Set.of()),
    /** The pathway stage forms searched by {@code url}, {@code version}, {@code status}, {@code name}: as the read. */
    QUESTIONNAIRE_SEARCH("search-type", "Questionnaire", false, Set.of(), Set.of());

    /**
     * The rows a resident's connected app may use (SMART {@code patient/…} scopes, reading its resident's own record):
     * reads, searches, {@code $everything} and {@code $summary} of the record. The identity and directory transactions (PDQm, PIXm,
     * {@code $match}), the audit trail and every write are refused to it (403, audited once), whatever its scopes.
     */
    public static final Set<ScopeTable> FOR_APPS = Collections.unmodifiableSet(EnumSet.of(READ,
            VREAD, HISTORY, SEARCH, EVERYTHING, MEDICATION_NOTEBOOK, SUMMARY, BINARY_READ, CAPABILITIES,
            OPERATION_DEFINITION));

    /** Words of the table that are not resource types. */
    static final class Marks {
        /** {@code on}: every type of the record store (the provider's type). */
        static final String EACH_TYPE = "*";
        /** {@code on}: the whole server, no type. */
        static final String SYSTEM = "";
        /** needs: the type the call is on (and, for a Bundle written, each entry's type). */
        static final String ITS_TYPE = "(its type)";
        /** needs: the type of each entry of the Bundle. */
        static final String EACH_ENTRY = "(each entry's type)";
        /** needs: each type a bulk export's {@code _type} asks (none asked: nothing more). */
        static final String EACH_ASKED = "(each type asked)";
        /** returns: any type. */
        static final String EVERY_TYPE = "*";

        private Marks() {
        }
    }

    private final String interaction;
    private final String on;
    private final boolean write;
    private final Set<String> needs;
    private final Set<String> alsoReturns;

    ScopeTable(String interaction, String on, boolean write, Set<String> needs, Set<String> alsoReturns) {
        this.interaction = interaction;
        this.on = on;
        this.write = write;
        this.needs = needs;
        this.alsoReturns = alsoReturns;
    }

    /**
     * The row of an interaction as the CapabilityStatement names it ({@code read}, {@code search-type} …, or an
     * operation's name with its {@code $}) on a resource type ({@code null} for the whole server): the type's own row,
     * else the row every type of the record store shares.
     */
    static Optional<ScopeTable> of(String type, String interaction) {
        String on = type == null ? Marks.SYSTEM : type;
        Optional<ScopeTable> own = Arrays.stream(values())
                .filter(r -> r.on.equals(on) && r.interaction.equals(interaction)).findFirst();
        if (own.isPresent() || type == null || ResourceKind.of(type).isEmpty()) {
            return own;
        }
        return Arrays.stream(values()).filter(r -> r.on.equals(Marks.EACH_TYPE) && r.interaction.equals(interaction))
                .findFirst();
    }

    /**
     * The types a call needs: the row's own, and {@code named} (the type the call is on, or its entries' types)
     * where the row takes them (a Bundle without entries needs nothing); a row that takes none ignores {@code named}.
     */
    Set<String> needed(Collection<String> named) {
        Set<String> needed = new LinkedHashSet<>();
        for (String type : needs) {
            if (type.equals(Marks.ITS_TYPE) && named.isEmpty()) {
                throw new IllegalArgumentException(this + " needs the type the call is on");
            }
            if (type.equals(Marks.ITS_TYPE) || type.equals(Marks.EACH_ENTRY) || type.equals(Marks.EACH_ASKED)) {
                needed.addAll(named);
            } else {
                needed.add(type);
            }
        }
        return needed;
    }

    /** Whether the call may return a resource of {@code type} besides those it needs, where a scope allows it. */
    boolean mayReturn(String type) {
        return alsoReturns.contains(Marks.EVERY_TYPE) || alsoReturns.contains(type);
    }

    boolean write() {
        return write;
    }

    String interaction() {
        return interaction;
    }

    /** The resource type the row is about: a type, {@link Marks#EACH_TYPE} or {@link Marks#SYSTEM}. */
    String on() {
        return on;
    }

    Set<String> needs() {
        return needs;
    }

    /** Types that hold resources of other types, served whole. */
    static boolean container(String type) {
        return type.equals("Bundle");
    }

    /** The types a write of {@code resource} writes: its own, and for a Bundle each entry's. */
    public static Set<String> written(IBaseResource resource) {
        Set<String> types = new LinkedHashSet<>();
        types.add(resource.fhirType());
        if (resource instanceof Bundle bundle) {
            types.addAll(entryTypes(bundle));
        }
        return types;
    }

    /** The types of a Bundle's entries (an entry without a resource is refused later, where it is read). */
    public static Set<String> entryTypes(Bundle bundle) {
        Set<String> types = new LinkedHashSet<>();
        bundle.getEntry().stream().filter(e -> e.getResource() != null)
                .forEach(e -> types.add(e.getResource().fhirType()));
        return types;
    }
}
