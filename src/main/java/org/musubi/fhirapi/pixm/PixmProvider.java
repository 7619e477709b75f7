package org.musubi.fhirapi.pixm;

import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.UriType;
import org.musubi.audit.Audit;
import org.musubi.fhirapi.access.Caller;
import org.musubi.fhirapi.access.ScopeTable;
import org.springframework.stereotype.Component;

/** PIXm query (ITI-83): {@code Patient/$ihe-pix}, answered by {@link PixQuery}. */
@Component
public class PixmProvider implements IResourceProvider {

    private final PixQuery pix;
    private final Audit audit;

    PixmProvider(PixQuery pix, Audit audit) {
        this.pix = pix;
        this.audit = audit;
    }

    @Override
    public Class<? extends IBaseResource> getResourceType() {
        return Patient.class;
    }

    @Operation(name = "$ihe-pix", type = Patient.class, idempotent = true)
    public Parameters pix(@OperationParam(name = "sourceIdentifier", min = 1) TokenParam sourceIdentifier,
                          @OperationParam(name = "targetSystem") List<UriType> targetSystems) {
        Caller caller = Caller.allowed(ScopeTable.PIX, audit, "Patient");
        List<String> targets = new ArrayList<>();
        if (targetSystems != null) {
            targetSystems.forEach(t -> targets.add(t.getValue()));
        }
        return pix.query(caller, sourceIdentifier.getSystem(), sourceIdentifier.getValue(), targets);
    }
}
