package org.musubi.archfixtures.frameworkfree.plain;

import org.springframework.dao.DataAccessException;

/**
 * A plain room's class that catches Spring's database exception instead of the adapter translating it; it names the
 * type in nothing but its catch clause, which the dependency rule does not see.
 */
final class CatchesADatabaseException {

    boolean tryTo(Runnable work) {
        try {
            work.run();
            return true;
        } catch (DataAccessException e) {
            return false;
        }
    }
}
