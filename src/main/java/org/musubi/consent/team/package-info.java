/** Care-team memberships as access grants (issue 44): the team and its members, as the consent module keeps them. */
@org.springframework.modulith.NamedInterface("team")
package org.musubi.consent.team;
