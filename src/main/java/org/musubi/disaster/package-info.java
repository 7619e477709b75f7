/**
 * Disaster mode (災害モード, issue 26): the network operator switches it on for the whole network or for chosen
 * municipalities ({@link org.musubi.disaster.SwitchDisasterMode}), and designates responder facilities — DMAT teams and
 * the like, registered as facilities ({@link org.musubi.disaster.DesignateResponder}). What is on now, and whether it
 * covers a person's addresses, is answered from memory ({@link org.musubi.disaster.DisasterMode}) so that the access
 * policy, which decides on it, and the banner every page shows cost no query. The policy (not this module) decides what
 * a responder may do. {@code jdbc} stores periods and designations; {@code web} is the operator's page and the banner.
 */
package org.musubi.disaster;
