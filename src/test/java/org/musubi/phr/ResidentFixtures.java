package org.musubi.phr;

import org.musubi.identity.IdentityStore;
import org.musubi.identity.cards.IssueCard;
import org.musubi.testing.NetworkFixtures;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * {@link NetworkFixtures} and what the health notebook's integration tests add to them: facilities' patients and
 * registered residents ({@link Residents}), the regional persons behind them and their regional cards.
 */
public abstract class ResidentFixtures extends NetworkFixtures {

    @Autowired
    protected IdentityStore identities;
    @Autowired
    protected IssueCard cards;
    @Autowired
    protected Residents residents;
}
