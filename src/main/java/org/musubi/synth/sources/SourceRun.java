package org.musubi.synth.sources;

import java.nio.file.Path;
import org.musubi.synth.FacilityRegistrations;
import org.musubi.synth.sources.sites.Sites;

/**
 * What one writing of source files shares between persons: the options, the facilities that write,
 * how they registered each person, where files go ({@code <out>/<institution code>/…}) and the
 * counts of files written. Safe to share between threads.
 */
public record SourceRun(SourceOptions options, Sites sites, FacilityRegistrations registrations, Path out, FileCounts counts) {
}
