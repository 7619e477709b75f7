/**
 * {@code Patient/<id>/$clins-6}: the 6 items of a patient at the caller's facility as JP-CLINS collection Bundles
 * ({@link org.musubi.letters.clins.ClinsCollection}), read through the access policy and audited once
 * (docs/letters.md).
 */
package org.musubi.fhirapi.clins;
