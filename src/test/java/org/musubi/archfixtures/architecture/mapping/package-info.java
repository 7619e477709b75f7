/**
 * A medication mapping ({@code medication}) that reaches the lab results ({@code lab}) only through shared values
 * ({@code values}): the indirect dependency the mapping rule forbids.
 */
package org.musubi.archfixtures.architecture.mapping;
