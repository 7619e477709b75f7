/** The signing keys' table ({@code signing_key}, V43). */
package org.musubi.signature.jdbc;
