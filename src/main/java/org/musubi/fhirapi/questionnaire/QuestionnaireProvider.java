package org.musubi.fhirapi.questionnaire;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.musubi.audit.Audit;
import org.musubi.carenet.catalog.TemplateStore;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.musubi.pathway.PathwayCatalog;
import org.springframework.stereotype.Component;

/**
 * Every stage form of every published or retired template version as a Questionnaire (drafts are never served): id
 * {@code <template>.<stage>.<version>}, canonical URL {@code urn:musubi:pathway:<template>/<stage>}, the template's
 * version, status {@code active} (published) or {@code retired}, name the template and stage in UpperCamelCase
 * ({@code StrokeAcute}). Templates are the network's data, not a patient's: read by any authenticated caller without
 * an audit row (a resident's app is refused, as for every row outside {@link ScopeTable#FOR_APPS}).
 */
@Component
public class QuestionnaireProvider implements IResourceProvider {

    private final TemplateStore store;
    private final PathwayCatalog catalog;
    private final Audit audit;

    QuestionnaireProvider(TemplateStore store, PathwayCatalog catalog, Audit audit) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Questionnaire.class;
    }

    @Read
    public Questionnaire read(@IdParam IdType id) {
        Caller.allowed(ScopeTable.QUESTIONNAIRE_READ, audit);
        return StageForms.all(store, catalog).stream().filter(q -> q.getIdPart().equals(id.getIdPart())).findFirst()
                .orElseThrow(() -> new ResourceNotFoundException("Questionnaire/" + id.getIdPart()
                        + " はありません / is not known"));
    }

    @Search
    public List<Questionnaire> search(@OptionalParam(name = Questionnaire.SP_URL) UriParam url,
                                      @OptionalParam(name = Questionnaire.SP_VERSION) TokenParam version,
                                      @OptionalParam(name = Questionnaire.SP_STATUS) TokenParam status,
                                      @OptionalParam(name = Questionnaire.SP_NAME) StringParam name) {
        Caller.allowed(ScopeTable.QUESTIONNAIRE_SEARCH, audit);
        List<Questionnaire> found = new ArrayList<>();
        for (Questionnaire q : StageForms.all(store, catalog)) {
            if ((url == null || url.getValue().equals(q.getUrl()))
                    && (version == null || version.getValue().equals(q.getVersion()))
                    && (status == null || status.getValue().equals(q.getStatus().toCode()))
                    && (name == null || named(q, name))) {
                found.add(q);
            }
        }
        return found;
    }

    private static boolean named(Questionnaire q, StringParam name) {
        String wanted = name.getValue().toLowerCase(Locale.ROOT);
        String has = q.getName().toLowerCase(Locale.ROOT);
        return name.isExact() ? q.getName().equals(name.getValue()) : name.isContains() ? has.contains(wanted)
                : has.startsWith(wanted);
    }
}
