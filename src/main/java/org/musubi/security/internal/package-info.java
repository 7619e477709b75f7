/**
 * The browser's security chain: who may reach what, what an anonymous request is told (the login form or
 * 401), and what a signed-in request that is not allowed gets (the pending login step or an audited 403). The
 * roles it wires live in the sub-packages: login, session, lockout, password, account and the machine side, api.
 */
package org.musubi.security.internal;
