package org.musubi.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.musubi.policy.DataCategory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The data categories a container holds: a Bundle, a Composition, a DocumentReference or a Binary is shown
 * only to readers allowed every one of them (ARCHITECTURE.md, principle 5). Read from the stored JSON:
 * <ul>
 *   <li>every resource found anywhere inside it (a Bundle's entries, nested Bundles' entries, contained
 *       resources): its type's category ({@link ResourceKind}; a type Musubi does not store counts as
 *       DOCUMENTS), a vital-sign Observation as VITALS;</li>
 *   <li>each resource a Composition's sections refer to ({@code section.entry}, nested sections too), and each
 *       resource a Provenance is about ({@code target}): the category of the reference's type ({@code Type/id},
 *       else {@code Reference.type}; an Observation as LAB_RESULTS), DOCUMENTS when the type is not known
 *       ({@code urn:uuid:}, {@code #contained}) — a Provenance tells who made what, and is shown only to readers
 *       who may see what it is about;</li>
 *   <li>the FHIR content of a DocumentReference's attachment or a Binary ({@code data} with a FHIR content
 *       type): every category of that document; an attachment {@code url} naming a stored resource
 *       ({@code [base/]Type/id}): every category of that resource.</li>
 * </ul>
 * Migrations V21 and V24 compute the same for the rows stored before them. Other resource types hold nothing but
 * themselves and are not read at all.
 */
public final class ContentCategories {

    /** JP-CLINS's code system of the flags 長期保存 (LTS), 未告知 (UNINFORMED) and 未提供 (UNDELIVERED) in {@code meta.tag}. */
    public static final String INDICATION = "http://jpfhir.jp/fhir/clins/CodeSystem/JP_ehrshrs_indication";
    private static final Map<String, DataCategory> FLAG_CODES = Map.of("UNINFORMED", DataCategory.UNINFORMED,
            "UNDELIVERED", DataCategory.UNDELIVERED);
    /** The types whose content may hold other categories than their own. */
    public static final Set<String> CONTAINERS = Set.of("Bundle", "Composition", "DocumentReference", "Binary",
            "Provenance");
    /** FHIR content nested deeper than this (a document in a document …) is refused. */
    static final int MAX_DEPTH = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern LITERAL = Pattern.compile(
            "(?:^|/)([A-Z][A-Za-z]+)/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?$");
    private static final Map<String, String> FHIR_MEDIA = Map.of("application/fhir+json", "json",
            "application/json+fhir", "json", "application/fhir+xml", "xml", "application/xml+fhir", "xml");
    private final FhirContext context;

    public ContentCategories(FhirContext context) {
        this.context = context;
    }

    /** Every category of a stored resource ({@code Type/id}): its own and its content's; none when there is none. */
    @FunctionalInterface
    public interface Stored {
        Set<DataCategory> categoriesOf(String type, String id);
    }

    /** FHIR content that cannot be read, or nested too deeply: refused, since what it holds cannot be told. */
    public static final class Unreadable extends RuntimeException {
        private final String japanese;
        private final String english;

        public Unreadable(String japanese, String english) {
            super(japanese + " / " + english);
            this.japanese = japanese;
            this.english = english;
        }

        /** The message about {@code subject} (e.g. {@code Binary}), Japanese then English. */
        public String about(String subject) {
            return subject + ": " + japanese + " / " + subject + ": " + english;
        }
    }

    /**
     * The categories the resource holds besides {@code own}, its own category: empty for any type but a
     * container's, which alone is read.
     *
     * @throws Unreadable when the resource carries FHIR content that cannot be read
     */
    public Set<DataCategory> held(String type, String json, DataCategory own, Stored stored) {
        if (!CONTAINERS.contains(type)) {
            return flagsOf(json);
        }
        Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
        collect(read(json.getBytes(StandardCharsets.UTF_8), "json"), 0, found, stored);
        found.remove(own);
        return Set.copyOf(found);
    }

    /**
     * Every category of FHIR content given as bytes (a Binary's upload): the resource's own and what it holds.
     *
     * @throws Unreadable when the content is not a FHIR resource in the format its content type names
     */
    public Set<DataCategory> ofContent(byte[] content, String contentType, Stored stored) {
        Set<DataCategory> found = EnumSet.noneOf(DataCategory.class);
        collect(read(content, format(contentType)), 0, found, stored);
        return Set.copyOf(found);
    }

    /** Whether the content type names FHIR content (JSON or XML, any parameters). */
    public static boolean fhir(String contentType) {
        return format(contentType) != null;
    }

    private static String format(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return FHIR_MEDIA.get((semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip()
                .toLowerCase(Locale.ROOT));
    }

    /** Every resource in the tree: its category and, for those that point at more content, that content's. */
    private void collect(JsonNode node, int depth, Set<DataCategory> into, Stored stored) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, depth, into, stored);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        JsonNode resourceType = node.get("resourceType");
        if (resourceType != null && resourceType.isString()) {
            String type = resourceType.asString();
            into.add(category(type, node));
            into.addAll(flags(node.path("meta").path("tag")));
            switch (type) {
                case "Composition" -> sectionEntries(node.path("section"), into);
                case "Provenance" -> node.path("target").forEach(target -> into.add(referenced(target)));
                case "DocumentReference" -> {
                    for (JsonNode content : node.path("content")) {
                        attachment(content.path("attachment"), depth, into, stored);
                    }
                }
                case "Binary" -> attachment(node, depth, into, stored);
                default -> { }
            }
        }
        for (JsonNode child : node) {
            collect(child, depth, into, stored);
        }
    }

    /**
     * The JP-CLINS flags among {@code meta.tag} codings ({@link DataCategory#FLAGS}): a coding of {@link #INDICATION},
     * or without a system, with the code UNINFORMED or UNDELIVERED. A tag without a system is taken at its word, since
     * the safe reading of a flag that cannot be told apart is the one that shows less. LTS changes nobody's view.
     */
    static Set<DataCategory> flags(JsonNode tags) {
        Set<DataCategory> flags = EnumSet.noneOf(DataCategory.class);
        for (JsonNode tag : tags) {
            String system = tag.path("system").asString(null);
            DataCategory flag = FLAG_CODES.get(tag.path("code").asString(""));
            if (flag != null && (system == null || system.equals(INDICATION))) {
                flags.add(flag);
            }
        }
        return flags;
    }

    /**
     * The JP-CLINS flags on a resource's own {@code meta.tag} ({@link #flags}), from its JSON: what a resource that is
     * no container holds besides its category.
     */
    public Set<DataCategory> flagsOf(String json) {
        return flagsIn(json) ? Set.copyOf(flags(JSON.readTree(json).path("meta").path("tag"))) : Set.of();
    }

    /** Whether the JSON may carry a flag at all: read as a tree only then (most resources carry none). */
    private static boolean flagsIn(String json) {
        return json.contains("UNINFORMED") || json.contains("UNDELIVERED");
    }

    /** A resource's category as the indexer gives it ({@link FhirIndexer#category}), read from its JSON. */
    static DataCategory category(String type, JsonNode resource) {
        if (type.equals("Composition") && letter(resource) || type.equals("Bundle")
                && "document".equals(resource.path("type").asString(null))
                && (letter(resource.path("entry").path(0).path("resource")) || letterTagged(resource))) {
            return DataCategory.REFERRALS;
        }
        if (type.equals("Task") && anyCoding(resource.path("code").path("coding"), ContentCategories::letterType)) {
            return DataCategory.REFERRALS;
        }
        if (type.equals("Communication") && careTeamNote(resource)) {
            return DataCategory.CARE_RECORDS;
        }
        if (type.equals("Media") && teamPhoto(resource)) {
            return DataCategory.CARE_RECORDS;
        }
        if (type.equals("Flag") && anyCoding(resource.path("code").path("coding"), ContentCategories::disasterSupport)) {
            return DataCategory.DEMOGRAPHICS;
        }
        if (type.equals("Observation")) {
            for (JsonNode category : resource.path("category")) {
                for (JsonNode coding : category.path("coding")) {
                    if ("vital-signs".equals(coding.path("code").asString(null))) {
                        return DataCategory.VITALS;
                    }
                }
            }
        }
        return ResourceKind.of(type).map(ResourceKind::category).orElse(DataCategory.DOCUMENTS);
    }

    /** Whether a Communication's JSON is a care team's note ({@link FhirIndexer#category}). */
    private static boolean careTeamNote(JsonNode communication) {
        for (JsonNode category : communication.path("category")) {
            if (anyCoding(category.path("coding"), ContentCategories::careTeamNote)) {
                return true;
            }
        }
        for (String element : List.of("recipient", "about", "partOf")) {
            for (JsonNode reference : communication.path(element)) {
                if (careTeam(reference.path("reference").asString(null))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether a Media's JSON names a CareTeam in the team's extension: a team's photo ({@link FhirIndexer#category}). */
    private static boolean teamPhoto(JsonNode media) {
        for (JsonNode extension : media.path("extension")) {
            if (FhirSystems.CARE_TEAM_EXTENSION.equals(extension.path("url").asString(null))
                    && careTeam(extension.path("valueReference").path("reference").asString(null))) {
                return true;
            }
        }
        return false;
    }

    private static boolean anyCoding(JsonNode codings, BiPredicate<String, String> test) {
        for (JsonNode coding : codings) {
            if (test.test(coding.path("system").asString(null), coding.path("code").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Communication.category coding makes it a care team's note (category CARE_RECORDS). */
    static boolean careTeamNote(String system, String code) {
        return FhirSystems.COMMUNICATION_CATEGORY.equals(system) && FhirSystems.CARE_TEAM_NOTE.equals(code);
    }

    /**
     * Whether a Flag's code makes it the disaster-help flag (避難行動要支援者, issue 44): category DEMOGRAPHICS, like the
     * entries of the municipality's register of residents who need help to evacuate (name, address, why help is
     * needed), which responders see in a disaster.
     */
    static boolean disasterSupport(String system, String code) {
        return FhirSystems.DISASTER_SUPPORT.equals(system) && FhirSystems.EVACUATION_SUPPORT.equals(code);
    }

    /** Whether a literal reference names a CareTeam ({@code [base/]CareTeam/id[/_history/v]}). */
    static boolean careTeam(String reference) {
        return literal(reference).filter(l -> l.type().equals("CareTeam")).isPresent();
    }

    /** A literal reference's type and id. */
    record Literal(String type, String id) {
    }

    /** The type and id a literal reference names ({@code [base/]Type/id[/_history/v]}); empty for any other. */
    static Optional<Literal> literal(String reference) {
        Matcher matcher = reference == null ? null : LITERAL.matcher(reference);
        return matcher != null && matcher.find() ? Optional.of(new Literal(matcher.group(1), matcher.group(2)))
                : Optional.empty();
    }

    /** Whether the JSON is a Composition typed as a letter between facilities ({@link FhirIndexer#category}). */
    private static boolean letter(JsonNode composition) {
        if (!"Composition".equals(composition.path("resourceType").asString(null))) {
            return false;
        }
        for (JsonNode coding : composition.path("type").path("coding")) {
            if (letterType(coding.path("system").asString(null), coding.path("code").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /** Whether a Bundle is tagged as sent as a letter ({@link FhirSystems#LETTER_TYPE} in {@code meta.tag}). */
    private static boolean letterTagged(JsonNode bundle) {
        for (JsonNode tag : bundle.path("meta").path("tag")) {
            if (FhirSystems.LETTER_TYPE.equals(tag.path("system").asString(null))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a Composition.type coding makes a letter between facilities (category REFERRALS): Musubi's letter types,
     * or the referral letter 57133-1 in LOINC's system or JP-CLINS's doc-typecodes. The one rule, for the JSON here and
     * for {@link FhirIndexer#category}.
     */
    static boolean letterType(String system, String code) {
        return FhirSystems.LETTER_TYPE.equals(system)
                || (FhirSystems.LOINC.equals(system) || FhirSystems.CLINS_DOC_TYPE.equals(system))
                && Loinc.REFERRAL_LETTER.equals(code);
    }

    private static void sectionEntries(JsonNode sections, Set<DataCategory> into) {
        for (JsonNode section : sections) {
            for (JsonNode entry : section.path("entry")) {
                into.add(referenced(entry));
            }
            sectionEntries(section.path("section"), into);
        }
    }

    /**
     * The category of what a reference points at, from its type alone; a Task as REFERRALS (a letter's Task, as a
     * letter's Provenance names it: a care task's is CARE_RECORDS, which the reference cannot tell).
     */
    static DataCategory referenced(JsonNode reference) {
        String literal = reference.path("reference").asString(null);
        Matcher matcher = literal == null ? null : LITERAL.matcher(literal);
        String type = matcher != null && matcher.find() ? matcher.group(1) : reference.path("type").asString(null);
        if ("Task".equals(type)) {
            return DataCategory.REFERRALS; // from its type alone a Task may be a letter's: read as one, which shows less
        }
        return type == null ? DataCategory.DOCUMENTS
                : ResourceKind.of(type).map(ResourceKind::category).orElse(DataCategory.DOCUMENTS);
    }

    /** An attachment (or a Binary): its inline FHIR content, and the stored resource its url names. */
    private void attachment(JsonNode attachment, int depth, Set<DataCategory> into, Stored stored) {
        String format = format(attachment.path("contentType").asString(null));
        String data = attachment.path("data").asString(null);
        if (format != null && data != null) {
            if (depth >= MAX_DEPTH) {
                throw new Unreadable("FHIR の内容の入れ子が深すぎます", "FHIR content is nested too deeply");
            }
            collect(read(decoded(data), format), depth + 1, into, stored);
        }
        String url = attachment.path("url").asString(null);
        Matcher matcher = url == null ? null : LITERAL.matcher(url);
        if (matcher != null && matcher.find()) {
            into.addAll(stored.categoriesOf(matcher.group(1), matcher.group(2)));
        }
    }

    private static byte[] decoded(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("FHIR の内容の base64 を読めません", "the FHIR content is not valid base64");
        }
    }

    /** A FHIR resource as a JSON tree; XML is read by HAPI and written as JSON. */
    private JsonNode read(byte[] content, String format) {
        try {
            JsonNode root;
            if ("xml".equals(format)) {
                var parsed = context.newXmlParser().parseResource(new ByteArrayInputStream(content));
                root = JSON.readTree(context.newJsonParser().encodeResourceToString(parsed));
            } else {
                root = JSON.readTree(content);
            }
            if (root == null || !root.path("resourceType").isString()) {
                throw new Unreadable("FHIR の内容に resourceType がありません", "the FHIR content has no resourceType");
            }
            return root;
        } catch (JacksonException | DataFormatException e) {
            throw new Unreadable("FHIR の内容を読めません（content type と形式を確かめてください）",
                    "the FHIR content cannot be read (check its content type and format)");
        }
    }
}
