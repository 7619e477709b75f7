/**
 * Connections Musubi opens to hosts that a user configured (issue 66): an ORCA connector's address, saved by a
 * facility's administrator. Such a host may be anywhere on the internet, but not the server's own machine nor its
 * private networks — loopback, link-local, private and unique-local ranges, the unspecified address, multicast, and the
 * IPv6 forms that carry one of those IPv4 addresses — unless the operator allows it ({@code musubi.outbound.allow}).
 * The address is checked when the connection is made, on every address the host name resolves to (a name that
 * resolved to a public address when it was saved and to an internal one now is refused), redirects are never
 * followed, and the form that saves the address refuses what it can tell already.
 */
package org.musubi.outbound;
