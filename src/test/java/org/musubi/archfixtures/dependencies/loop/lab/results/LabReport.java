package org.musubi.archfixtures.dependencies.loop.lab.results;

/** A lab report kept by the lab adapter. */
public record LabReport(String text) {
}
