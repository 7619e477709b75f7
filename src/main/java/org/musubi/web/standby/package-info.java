/**
 * A read-only standby on the web ({@link org.musubi.database.Standby}): every request that would write is answered
 * 503 with the standby's message before it reaches a controller or the FHIR server, except the few that only log in,
 * switch whose notebook a proxy views, read through a POST, or open an emergency access (kept in memory there)
 * ({@link ReadOnlyRoutes}); a write attempted all the same
 * (PostgreSQL refuses it) gets the same answer instead of an error page. A request that failed because the database
 * cannot be reached at all (a failover, a restart) is answered 503 with Retry-After too ({@link
 * org.musubi.database.DatabaseAway}).
 */
package org.musubi.web.standby;
