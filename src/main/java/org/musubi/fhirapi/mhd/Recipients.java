package org.musubi.fhirapi.mhd;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.ListResource;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
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
 * recipient.
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
        if (ref.startsWith("Organization?identifier=") && ref.indexOf('|') > 0) {
            String token = ref.substring("Organization?identifier=".length());
            int bar = token.indexOf('|');
            identifiers.add(new Identifier().setSystem(URLDecoder.decode(token.substring(0, bar), StandardCharsets.UTF_8))
                    .setValue(URLDecoder.decode(token.substring(bar + 1), StandardCharsets.UTF_8)));
        }
        if (ref.startsWith("#")) {
            for (Resource contained : list.getContained()) {
                String id = contained.getIdElement().getIdPart();
                if (contained instanceof Organization organization && id != null
                        && ref.substring(1).equals(id.startsWith("#") ? id.substring(1) : id)) {
                    identifiers.addAll(organization.getIdentifier());
                }
            }
        }
        for (Bundle.BundleEntryComponent entry : entries) {
            if (ref.equals(entry.getFullUrl()) && entry.getResource() instanceof Organization organization) {
                identifiers.addAll(organization.getIdentifier());
            }
        }
        return identifiers;
    }
}
