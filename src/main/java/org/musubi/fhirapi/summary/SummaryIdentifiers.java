package org.musubi.fhirapi.summary;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.hl7.fhir.r4.model.StringType;
import org.musubi.fhirapi.person.IdentifierLookup;
import org.musubi.fhirapi.person.IdentifierSystems;
import org.musubi.policy.DataCategory;
import org.musubi.policy.DataItem;
import org.musubi.policy.Decision;
import org.musubi.policy.PersonView;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The person the type-level {@code Patient/$summary?identifier=system|value} names (IPS: {@code identifier}, a string
 * searched as a token): a regional ID, or a facility's patient ID in one of its systems (built-in or declared), found
 * by the look-up the rest of the API uses ({@link IdentifierLookup}). No identifier, or one without its system or
 * value: 400 naming the parameter. A system Musubi does not know names nobody, like a value nobody has.
 */
@Component
class SummaryIdentifiers {

    /** The parameter's name, in the refusals and in the audit row of an identifier that names nobody. */
    static final String PARAMETER = "identifier";
    private final IdentifierSystems systems;
    private final IdentifierLookup lookup;
    private final MessageSource messages;

    SummaryIdentifiers(IdentifierSystems systems, IdentifierLookup lookup, MessageSource messages) {
        this.systems = systems;
        this.lookup = lookup;
        this.messages = messages;
    }

    /**
     * The person behind the identifier (and, for a facility's patient ID, that facility); empty when nobody.
     * {@code identifier}: {@code system|value}, a string searched as a token as IPS 2.0 has it ({@code \|} escapes a
     * bar in either part).
     */
    Optional<IdentifierLookup.Found> find(StringType identifier) {
        if (identifier == null || identifier.getValue() == null || identifier.getValue().isBlank()) {
            throw refusal("fhir.summary.identifier.required");
        }
        TokenParam token = new TokenParam();
        token.setValueAsQueryToken(null, PARAMETER, null, identifier.getValue());
        String system = token.getSystem();
        String value = token.getValue();
        if (system == null || system.isBlank() || value == null || value.isBlank()) {
            throw refusal("fhir.summary.identifier.systemAndValue");
        }
        return systems.known(system) ? lookup.find(system, value, PARAMETER) : Optional.empty();
    }

    /**
     * What the view must show besides the person: for a facility's patient ID, that facility's demographics (as PIXm
     * answers only identifiers the caller may see), so that no one learns through another facility's patient IDs
     * whom that facility treats; its refusal is the item's own reason. A regional ID asks nothing more.
     */
    static Function<PersonView, Decision> gate(IdentifierLookup.Found found) {
        if (found.facilityId() == null) {
            return PersonView::decision;
        }
        DataItem named = new DataItem(found.facilityId(), DataCategory.DEMOGRAPHICS);
        return view -> view.permitted() && !view.sees(named) ? view.decide(named) : view.decision();
    }

    private InvalidRequestException refusal(String key) {
        Object[] args = {PARAMETER};
        return new InvalidRequestException(messages.getMessage(key, args, key, Locale.JAPANESE) + " / "
                + messages.getMessage(key, args, key, Locale.ENGLISH));
    }
}
