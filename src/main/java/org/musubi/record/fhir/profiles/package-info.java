/**
 * The implementation-guide packages (JP Core, JP-CLINS {@code .tgz}) that the {@code full} validation mode loads when
 * the operator names them ({@code musubi.fhir.validation-packages}): their profiles for HAPI's validator
 * ({@link org.musubi.record.fhir.profiles.ProfilePackages}), with terminology off for the Japanese bindings they cannot
 * check ({@link org.musubi.record.fhir.profiles.UncheckedBindings}). Read once per JVM.
 */
package org.musubi.record.fhir.profiles;
