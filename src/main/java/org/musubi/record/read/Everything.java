package org.musubi.record.read;

import java.util.List;
import org.musubi.policy.PersonView;
import org.musubi.record.Found;
import org.musubi.record.StoredResource;

/** What a search found, with the view it was judged by and the included resources it may show. */
public record Everything(Found found, PersonView view, List<StoredResource> included) {
}
