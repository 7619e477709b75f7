/**
 * A facility's own identifier systems: the URIs, besides its built-in patient-ID system, that name its patients
 * (the MRN system its EHR sends, for example). A network administrator, or the facility's own administrator,
 * declares them ({@link org.musubi.registry.systems.DeclareIdentifierSystem}); each system names one facility
 * network-wide ({@link org.musubi.registry.systems.DeclaredSystems}). Which systems are the network's own and
 * cannot be declared is told by the FHIR API, which owns them ({@link org.musubi.registry.systems.BuiltInSystems}).
 * A named interface: the FHIR API reads declarations, the admin pages change them.
 */
@NamedInterface("systems")
package org.musubi.registry.systems;

import org.springframework.modulith.NamedInterface;
