package org.musubi.fhirapi.mhd;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.musubi.box.Box;
import org.musubi.registry.Profession;
import org.musubi.registry.Facilities;
import org.musubi.registry.Facility;
import org.musubi.record.fhir.FhirSystems;
import org.springframework.stereotype.Component;

/**
 * The facility a SubmissionSet is addressed to: its {@code ihe-intendedRecipient}, an Organization named by an
 * identifier — the 10-digit medical-institution code (JP Core {@code insurance-medical-institution-no}) or the
 * facility's id in Musubi's registry ({@code urn:musubi:registry:facility}) — given on the reference itself, on an
 * Organization contained in the List ({@code #id}) or on one of the transaction ({@code urn:uuid:…}), or as a
 * conditional reference {@code Organization?identifier=<system>|<value>}. Only an active facility of the network is a
 * recipient. A Box submission ({@link #box}) names its recipients the same ways: users as Practitioners by their id in
 * the registry ({@code urn:musubi:registry:user}), and at most one facility whose members receive, narrowed to
 * professions by the extension {@code urn:musubi:fhir:box-profession} on its reference.
 */
@Component
class Recipients {

    private static final String ELEMENT = "List.extension(ihe-intendedRecipient)";

    private final Facilities facilities;

    Recipients(Facilities facilities) {
        this.facilities = facilities;
    }

    long facility(ListResource list, List<Bundle.BundleEntryComponent> entries) {
        List<Extension> named = list.getExtensionsByUrl(MhdCodes.INTENDED_RECIPIENT);
        if (named.size() != 1 || !(named.getFirst().getValue() instanceof Reference reference)) {
            throw Submissions.unprocessable(ELEMENT, "宛先は Organization への参照一つにしてください（" + named.size() + " 件）",
                    "name one intended recipient, a reference to an Organization (" + named.size() + " given)");
        }
        List<Identifier> identifiers = identifiers(reference, list, entries);
        for (Identifier identifier : identifiers) {
            Optional<Facility> facility = find(identifier);
            if (facility.isPresent()) {
                return facility.get().id();
            }
        }
        String asked = identifiers.isEmpty() ? String.valueOf(reference.getReference())
                : identifiers.stream().map(i -> i.getSystem() + "|" + i.getValue()).toList().toString();
        throw Submissions.unprocessable(ELEMENT, "宛先がネットワークの施設ではありません（" + asked + "）。医療機関コード（"
                + FhirSystems.INSTITUTION_NO + "）で指定してください", "the intended recipient is no facility of the network ("
                + asked + "); name it by its medical-institution code (" + FhirSystems.INSTITUTION_NO + ")");
    }

    /**
     * The recipients of a Box submission: every {@code ihe-intendedRecipient} is a Practitioner (a user by registry
     * id) or an Organization (its members, of the professions its reference's {@code box-profession} extensions name,
     * all when none); one Organization at most. Whether a named user is active staff is Box's to decide.
     */
    Box.Recipients box(ListResource list, List<Bundle.BundleEntryComponent> entries) {
        List<Extension> named = list.getExtensionsByUrl(MhdCodes.INTENDED_RECIPIENT);
        if (named.isEmpty()) {
            throw Submissions.unprocessable(ELEMENT, "宛先がありません", "no intended recipient");
        }
        Set<Long> users = new LinkedHashSet<>();
        Long facility = null;
        Set<Profession> professions = EnumSet.noneOf(Profession.class);
        for (Extension extension : named) {
            if (!(extension.getValue() instanceof Reference reference)) {
                throw Submissions.unprocessable(ELEMENT, "宛先は Practitioner か Organization への参照にしてください",
                        "an intended recipient is a reference to a Practitioner or an Organization");
            }
            List<Identifier> identifiers = identifiers(reference, list, entries);
            Optional<Identifier> user = identifiers.stream()
                    .filter(i -> FhirSystems.REGISTRY_USER.equals(i.getSystem())).findFirst();
            List<Extension> narrowed = reference.getExtensionsByUrl(FhirSystems.BOX_PROFESSION);
            if (user.isPresent()) {
                String value = user.get().getValue();
                if (value == null || !value.matches("\\d{1,18}") || !narrowed.isEmpty()) {
                    throw Submissions.unprocessable(ELEMENT, "利用者は " + FhirSystems.REGISTRY_USER + " の数字の id で指定して"
                            + "ください（職種の指定は Organization にだけ付けられます）", "name a user by their numeric id in "
                            + FhirSystems.REGISTRY_USER + " (professions narrow an Organization only)");
                }
                users.add(Long.parseLong(value));
                continue;
            }
            long found = identifiers.stream().map(this::find).flatMap(Optional::stream).map(Facility::id).findFirst()
                    .orElseThrow(() -> notAFacility(reference, identifiers));
            if (facility != null && facility != found) {
                throw Submissions.unprocessable(ELEMENT, "宛先の施設（Organization）は一つにしてください",
                        "name one facility (Organization) at most");
            }
            facility = found;
            for (Extension profession : narrowed) {
                String code = profession.getValue() instanceof PrimitiveType<?> p ? p.getValueAsString() : null;
                professions.add(Arrays.stream(Profession.values()).filter(v -> v.name().equals(code))
                        .filter(v -> v != Profession.RESIDENT).findFirst()
                        .orElseThrow(() -> Submissions.unprocessable(ELEMENT + ".extension(box-profession)",
                                "職種のコードが違います（" + code + "）", "not a profession's code (" + code + ")")));
            }
        }
        return new Box.Recipients(users, facility, professions);
    }

    private static RuntimeException notAFacility(Reference reference, List<Identifier> identifiers) {
        String asked = identifiers.isEmpty() ? String.valueOf(reference.getReference())
                : identifiers.stream().map(i -> i.getSystem() + "|" + i.getValue()).toList().toString();
        return Submissions.unprocessable(ELEMENT, "宛先がネットワークの施設でも利用者でもありません（" + asked + "）",
                "the intended recipient is neither a facility nor a user of the network (" + asked + ")");
    }

    private Optional<Facility> find(Identifier identifier) {
        String value = identifier.getValue();
        if (value == null) {
            return Optional.empty();
        }
        Optional<Facility> found = Optional.empty();
        if (FhirSystems.INSTITUTION_NO.equals(identifier.getSystem()) && value.matches("\\d{10}")) {
            found = facilities.findByCode(value);
        } else if (MhdCodes.REGISTRY_FACILITY.equals(identifier.getSystem()) && value.matches("\\d{1,18}")) {
            found = facilities.find(Long.parseLong(value));
        }
        return found.filter(Facility::active);
    }

    private static List<Identifier> identifiers(Reference reference, ListResource list,
                                                List<Bundle.BundleEntryComponent> entries) {
        List<Identifier> identifiers = new ArrayList<>();
        if (reference.hasIdentifier()) {
            identifiers.add(reference.getIdentifier());
        }
        String ref = reference.getReference();
        if (ref == null) {
            return identifiers;
        }
        String type = ref.startsWith("Practitioner?identifier=") ? "Practitioner" : "Organization";
        if (ref.startsWith(type + "?identifier=") && ref.indexOf('|') > 0) {
            String token = ref.substring((type + "?identifier=").length());
            int bar = token.indexOf('|');
            identifiers.add(new Identifier().setSystem(URLDecoder.decode(token.substring(0, bar), StandardCharsets.UTF_8))
                    .setValue(URLDecoder.decode(token.substring(bar + 1), StandardCharsets.UTF_8)));
        }
        if (ref.startsWith("#")) {
            for (Resource contained : list.getContained()) {
                String id = contained.getIdElement().getIdPart();
                if (id != null && ref.substring(1).equals(id.startsWith("#") ? id.substring(1) : id)) {
                    identifiers.addAll(identifiers(contained));
                }
            }
        }
        for (Bundle.BundleEntryComponent entry : entries) {
            if (ref.equals(entry.getFullUrl())) {
                identifiers.addAll(identifiers(entry.getResource()));
            }
        }
        return identifiers;
    }

    /** An Organization's or a Practitioner's identifiers (a recipient resource); none of anything else. */
    private static List<Identifier> identifiers(Resource resource) {
        return switch (resource) {
            case Organization organization -> organization.getIdentifier();
            case Practitioner practitioner -> practitioner.getIdentifier();
            case null, default -> List.of();
        };
    }
}
