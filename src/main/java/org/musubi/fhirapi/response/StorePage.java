package org.musubi.fhirapi.response;

import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.server.method.ResponsePage;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * One page as the store cut it (its matches, then their included resources, or a person on top),
 * with the total of matches. HAPI's {@code SimpleBundleProvider} would cut the page to
 * {@code _count} again from the offset, dropping included resources and later pages.
 */
public record StorePage(List<IBaseResource> resources, int total) implements IBundleProvider {

    @Override
    public List<IBaseResource> getResources(int from, int to) {
        return resources;
    }

    @Override
    public List<IBaseResource> getResources(int from, int to,
                                            ResponsePage.ResponsePageBuilder builder) {
        builder.setTotalRequestedResourcesFetched(resources.size());
        return resources;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return new InstantType(new Date());
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return null;
    }

    @Override
    public Integer size() {
        return total;
    }
}
