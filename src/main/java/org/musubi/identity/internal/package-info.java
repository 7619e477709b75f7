/** What only the identity module's own packages share: drawing fresh regional IDs and card numbers. */
package org.musubi.identity.internal;
