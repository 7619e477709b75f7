package org.musubi.record;

import java.util.List;

/** One page of a search: the resources the reader may see and how many there are in all. */
public record Found(List<StoredResource> resources, long total) {
}
