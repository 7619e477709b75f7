/**
 * PDQm, Mobile Patient Demographics Query (ITI-78): Patient read and search over the network's regional persons,
 * each person shown only after the access policy allowed it.
 */
package org.musubi.fhirapi.pdqm;
