/**
 * PDQm {@code $match} (ITI-119): persons found by demographics and graded as 名寄せ would decide
 * ({@code certain} / {@code probable}), each shown only after the access policy allowed it.
 */
package org.musubi.fhirapi.match;
