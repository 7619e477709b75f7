package org.musubi.record.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Communication;
import org.hl7.fhir.r4.model.Composition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Media;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Task;
import org.musubi.policy.DataCategory;
import org.musubi.record.SearchIndex;

/**
 * Extracts a FHIR R4 resource's search index and data category, and for a container the categories of what it
 * holds ({@link ContentCategories}). Dates without a time zone are days in Japan (Asia/Tokyo); a date stands for
 * its whole day, month or year.
 */
public final class FhirIndexer {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private final FhirTerser terser;
    private final FhirContext context;
    private final ContentCategories contents;

    public FhirIndexer(FhirContext context) {
        this.context = context;
        this.terser = context.newTerser();
        this.contents = new ContentCategories(context);
    }

    /** What containers hold: the categories of their content besides their own. */
    public ContentCategories contents() {
        return contents;
    }

    /**
     * The search index: identifiers, the kind's codes, categories, statuses and dates, and each reference it is searched
     * by ({@link ResourceKind#references()}) as a token of the referenced type (its system) and id (its code), so that
     * {@code owner=Practitioner/1} and {@code owner=1} both find it; a reference that is no {@code Type/id} (a
     * contained one, an identifier alone) is not indexed.
     */
    public SearchIndex index(IBaseResource resource, ResourceKind kind) {
        List<SearchIndex.Token> tokens = new ArrayList<>();
        if (context.getResourceDefinition(resource).getChildByName("identifier") != null) {
            tokens(resource, "identifier", List.of("identifier"), tokens);
        }
        tokens(resource, "code", kind.codes(), tokens);
        tokens(resource, "category", kind.categories(), tokens);
        tokens(resource, "status", kind.statuses(), tokens);
        kind.references().forEach((param, path) -> {
            for (Reference reference : terser.getValues(resource, path, Reference.class)) {
                ContentCategories.literal(reference.getReference())
                        .ifPresent(l -> tokens.add(new SearchIndex.Token(param, l.type(), l.id())));
            }
        });
        List<SearchIndex.DateRange> dates = new ArrayList<>();
        for (String path : kind.dates()) {
            for (IBase value : terser.getValues(resource, path)) {
                range(value).ifPresent(dates::add);
            }
        }
        return new SearchIndex(tokens, dates);
    }

    /**
     * The policy's category: the kind's, except vital-sign Observations, which are VITALS, and the emergency sheet
     * (a QuestionnaireResponse answering {@link FhirSystems#EMERGENCY_SHEET_QUESTIONNAIRE}), EMERGENCY_SHEET, and a letter
     * between facilities — a Composition typed as a referral letter (LOINC {@link Loinc#REFERRAL_LETTER}, in LOINC's system or JP-CLINS's doc-typecodes) or with
     * {@link FhirSystems#LETTER_TYPE}, or a document Bundle whose Composition is one or that is tagged with {@link FhirSystems#LETTER_TYPE} (sent as a
     * letter: a discharge summary sent on its own) —, REFERRALS; a Task is a care task (its kind's CARE_RECORDS) unless
     * its {@code code} is a letter type (the Task that tracks a letter: REFERRALS); a Communication is a document
     * (DOCUMENTS) unless it is a care team's note — {@code category} {@link FhirSystems#CARE_TEAM_NOTE} of {@link
     * FhirSystems#COMMUNICATION_CATEGORY}, or a {@code recipient}, {@code about} or {@code partOf} that is a CareTeam —
     * which is CARE_RECORDS; a Media naming a CareTeam in {@link FhirSystems#CARE_TEAM_EXTENSION} (a team's wound photo)
     * is CARE_RECORDS, not IMAGING; the disaster-help Flag (code {@link FhirSystems#EVACUATION_SUPPORT}) is DEMOGRAPHICS.
     */
    public DataCategory category(IBaseResource resource, ResourceKind kind) {
        if (resource instanceof Composition composition && letter(composition)
                || resource instanceof Bundle bundle && bundle.getType() == Bundle.BundleType.DOCUMENT
                && (!bundle.getEntry().isEmpty() && bundle.getEntryFirstRep().getResource() instanceof Composition first
                && letter(first) || bundle.getMeta().getTag().stream()
                        .anyMatch(t -> FhirSystems.LETTER_TYPE.equals(t.getSystem())))) {
            return DataCategory.REFERRALS;
        }
        if (resource instanceof Observation observation && observation.getCategory().stream()
                .flatMap(c -> c.getCoding().stream()).anyMatch(c -> "vital-signs".equals(c.getCode()))) {
            return DataCategory.VITALS;
        }
        if (resource instanceof Task task && task.getCode().getCoding().stream()
                .anyMatch(c -> ContentCategories.letterType(c.getSystem(), c.getCode()))) {
            return DataCategory.REFERRALS;
        }
        if (resource instanceof Communication communication && (communication.getCategory().stream()
                .flatMap(c -> c.getCoding().stream()).anyMatch(c -> ContentCategories.careTeamNote(c.getSystem(), c.getCode()))
                || Stream.of(communication.getRecipient(), communication.getAbout(), communication.getPartOf())
                .flatMap(List::stream).anyMatch(r -> ContentCategories.careTeam(r.getReference())))) {
            return DataCategory.CARE_RECORDS;
        }
        if (resource instanceof Media media && media.getExtensionsByUrl(FhirSystems.CARE_TEAM_EXTENSION).stream()
                .anyMatch(e -> e.getValue() instanceof Reference r && ContentCategories.careTeam(r.getReference()))) {
            return DataCategory.CARE_RECORDS;
        }
        if (resource instanceof Flag flag && flag.getCode().getCoding().stream()
                .anyMatch(c -> ContentCategories.disasterSupport(c.getSystem(), c.getCode()))) {
            return DataCategory.DEMOGRAPHICS;
        }
        if (resource instanceof QuestionnaireResponse response
                && FhirSystems.EMERGENCY_SHEET_QUESTIONNAIRE.equals(response.getQuestionnaire())) {
            return DataCategory.EMERGENCY_SHEET;
        }
        return kind.category();
    }

    private static boolean letter(Composition composition) {
        return composition.getType().getCoding().stream()
                .anyMatch(c -> ContentCategories.letterType(c.getSystem(), c.getCode()));
    }

    private void tokens(IBaseResource resource, String param, List<String> paths, List<SearchIndex.Token> into) {
        for (String path : paths) {
            for (IBase value : terser.getValues(resource, path)) {
                switch (value) {
                    case CodeableConcept concept -> concept.getCoding().stream().filter(Coding::hasCode)
                            .forEach(c -> into.add(new SearchIndex.Token(param, c.getSystem(), c.getCode())));
                    case Coding c when c.hasCode() -> into.add(new SearchIndex.Token(param, c.getSystem(), c.getCode()));
                    case Identifier id when id.hasValue() && !FhirSystems.INSURANCE_MEMBER_ID.equals(id.getSystem()) ->
                            into.add(new SearchIndex.Token(param, id.getSystem(), id.getValue()));
                    case PrimitiveType<?> p when p.getValueAsString() != null ->
                            into.add(new SearchIndex.Token(param, null, p.getValueAsString()));
                    default -> { }
                }
            }
        }
    }

    private static Optional<SearchIndex.DateRange> range(IBase value) {
        return switch (value) {
            case Period p when p.hasStart() || p.hasEnd() -> Optional.of(new SearchIndex.DateRange("date",
                    p.hasStart() ? bounds(p.getStartElement())[0] : null, p.hasEnd() ? bounds(p.getEndElement())[1] : null));
            case BaseDateTimeType d when d.getValueAsString() != null -> {
                Instant[] b = bounds(d);
                yield Optional.of(new SearchIndex.DateRange("date", b[0], b[1]));
            }
            default -> Optional.empty();
        };
    }

    /** [start, end) of the instant, day, month or year the value stands for. */
    static Instant[] bounds(BaseDateTimeType value) {
        String text = value.getValueAsString();
        if (text.length() > 10) {
            Instant at = value.getValue().toInstant();
            return new Instant[] {at, at.plusMillis(1)};
        }
        LocalDate start = switch (text.length()) {
            case 4 -> LocalDate.of(Integer.parseInt(text), 1, 1);
            case 7 -> LocalDate.parse(text + "-01");
            default -> LocalDate.parse(text);
        };
        LocalDate end = switch (text.length()) {
            case 4 -> start.plusYears(1);
            case 7 -> start.plusMonths(1);
            default -> start.plusDays(1);
        };
        return new Instant[] {start.atStartOfDay(JAPAN).toInstant(), end.atStartOfDay(JAPAN).toInstant()};
    }
}
