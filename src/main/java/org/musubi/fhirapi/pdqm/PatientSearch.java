package org.musubi.fhirapi.pdqm;

import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Patient;
import org.musubi.audit.AuditAction;
import org.musubi.fhirapi.FhirApiProperties;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.person.IdentifierLookup;
import org.musubi.fhirapi.person.PersonOpener;
import org.musubi.fhirapi.person.PersonPatients;
import org.musubi.fhirapi.person.QueryDemographics;
import org.musubi.identity.Person;
import org.musubi.identity.PersonDirectory;
import org.musubi.identity.RegisteredPerson;
import org.musubi.identity.SourcePatient;
import org.musubi.identity.matching.Demographics;
import org.musubi.identity.matching.normalize.KanaNormalizer;
import org.musubi.paging.Page;
import org.musubi.paging.PageRequest;
import org.musubi.record.ReadRecords;
import org.springframework.stereotype.Component;

/**
 * PDQm search (ITI-78). A search needs {@code _id}, {@code identifier}, or a name ({@code family} or
 * {@code given}) with {@code birthdate}: a prefecture-wide name search would let one system browse
 * the population. Persons matching every parameter are opened through the policy one by one
 * (each decision audited); only permitted ones are returned.
 */
@Component
class PatientSearch {

    private final PersonDirectory directory;
    private final IdentifierLookup lookup;
    private final PersonOpener opener;
    private final ReadRecords reads;
    private final int maxMatches;

    PatientSearch(PersonDirectory directory, IdentifierLookup lookup, PersonOpener opener,
                  ReadRecords reads, FhirApiProperties properties) {
        this.directory = directory;
        this.lookup = lookup;
        this.opener = opener;
        this.reads = reads;
        this.maxMatches = properties.maxMatches();
    }

    record Criteria(String id, TokenParam identifier, String family, String given, DateParam birthDate, String gender,
                    String telecom, String postalCode) {
    }

    List<Patient> find(Caller caller, Criteria criteria) {
        LocalDate birthDate = day(criteria.birthDate());
        List<Long> personIds;
        Long identifiedFacility = null;
        SourcePatient ownPatient = null;
        if (criteria.id() != null) {
            personIds = criteria.id().matches("\\d{1,18}") ? List.of(Long.parseLong(criteria.id())) : List.of();
        } else if (criteria.identifier() != null) {
            var found = lookup.find(criteria.identifier().getSystem(), criteria.identifier().getValue(), "identifier");
            if (found.isEmpty()) {
                return held(caller, criteria, birthDate);
            }
            personIds = List.of(found.get().personId());
            identifiedFacility = found.get().facilityId();
            ownPatient = found.get().ownOf(caller.facilityId()) ? found.get().source() : null;
        } else if ((criteria.family() != null || criteria.given() != null) && birthDate != null) {
            personIds = byName(criteria, birthDate);
        } else {
            throw new InvalidRequestException("検索には _id、identifier、または氏名（family / given）と birthdate が必要です / "
                    + "A search needs _id, identifier, or a name (family or given) with birthdate");
        }
        if (personIds.isEmpty()) {
            return missed(caller);
        }
        List<Patient> result = new ArrayList<>();
        for (long personId : personIds) {
            Long facility = identifiedFacility;
            (ownPatient != null ? opener.openThrough(caller, personId, ownPatient) : opener.open(caller, personId))
                    .filter(o -> facility == null || o.seesFacility(facility))
                    .filter(o -> (criteria.id() != null || o.active()) && fits(o.demographics(), criteria, birthDate))
                    .ifPresent(o -> result.add(opener.patient(o)));
        }
        return result;
    }

    /**
     * A search by an identifier that names no person: the caller's own patient that 名寄せ holds, linked to no one yet,
     * which its facility reads as it sent it (audited once, {@link PersonOpener#openHeld}); anything else is a miss.
     */
    private List<Patient> held(Caller caller, Criteria criteria, LocalDate birthDate) {
        var held = lookup.heldOwn(caller.facilityId(), criteria.identifier().getSystem(),
                criteria.identifier().getValue());
        if (held.isEmpty()) {
            return missed(caller);
        }
        return opener.openHeld(caller, held.get()).filter(o -> fits(o.demographics(), criteria, birthDate))
                .map(o -> List.of(opener.patient(o))).orElse(List.of());
    }

    /** A search that found no one to decide on: audited once, like one that found only persons the caller may not see. */
    private List<Patient> missed(Caller caller) {
        reads.missed(caller.reader(), AuditAction.SEARCH, "Patient", "PDQm");
        return List.of();
    }

    private List<Long> byName(Criteria criteria, LocalDate birthDate) {
        String text = criteria.family() != null ? criteria.family() : criteria.given();
        Page<RegisteredPerson> page = directory.search(text, birthDate, PageRequest.of(1, maxMatches + 1));
        if (page.total() > maxMatches) {
            throw new InvalidRequestException("該当者が多すぎます（" + maxMatches + " 人超）。条件を追加してください / "
                    + "More than " + maxMatches + " persons match; add search parameters");
        }
        return page.items().stream().filter(p -> p.active()
                        && fits(Demographics.of(p.person()), criteria, birthDate))
                .map(RegisteredPerson::id).toList();
    }

    static boolean fits(Demographics person, Criteria criteria, LocalDate birthDate) {
        return (birthDate == null || birthDate.equals(person.birthDate()))
                && name(criteria.family(), person.familyKanji(), person.familyKana())
                && name(criteria.given(), person.givenKanji(), person.givenKana())
                && (criteria.gender() == null || (person.sex() != null
                        && PersonPatients.gender(person.sex()).toCode().equals(criteria.gender())))
                && digits(criteria.telecom(), person.phone(), false)
                && digits(criteria.postalCode(), person.postalCode(), true);
    }

    private static boolean name(String query, String kanji, String kana) {
        if (query == null || query.isBlank()) {
            return true;
        }
        if (QueryDemographics.hasKanji(query)) {
            return kanji != null && kanji.replace(" ", "").contains(query.strip().replace(" ", ""));
        }
        String wanted = KanaNormalizer.normalize(query);
        return kana != null && !wanted.isEmpty() && KanaNormalizer.normalize(kana).contains(wanted);
    }

    private static boolean digits(String query, String value, boolean prefix) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String wanted = query.replaceAll("\\D", "");
        String have = value == null ? "" : value.replaceAll("\\D", "");
        return !wanted.isEmpty() && (prefix ? have.startsWith(wanted) : have.equals(wanted));
    }

    private static LocalDate day(DateParam param) {
        if (param == null) {
            return null;
        }
        if ((param.getPrefix() != null && param.getPrefix() != ParamPrefixEnum.EQUAL) || param.getValueAsString() == null
                || param.getValueAsString().length() != 10) {
            throw new InvalidRequestException("birthdate は YYYY-MM-DD の完全一致で指定してください / "
                    + "birthdate must be one exact day (YYYY-MM-DD)");
        }
        return LocalDate.parse(param.getValueAsString());
    }
}
