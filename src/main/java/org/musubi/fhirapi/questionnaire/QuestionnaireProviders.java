package org.musubi.fhirapi.questionnaire;

import org.springframework.stereotype.Component;

/** What {@code /fhir} serves of the pathway templates: the read-only provider and the interceptor refusing writes. */
@Component
public record QuestionnaireProviders(QuestionnaireProvider provider, QuestionnaireWrites writes) {
}
