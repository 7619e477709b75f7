package org.musubi.ingest.jahis.records;

import java.util.ArrayList;
import java.util.List;
import org.musubi.ingest.jahis.records.JahisRecord.Otc;
import org.musubi.ingest.jahis.records.JahisRecord.OtcIngredient;

/** An OTC drug (3) and the ingredients (31) that name its sequence number; taken or rejected together. */
public final class OtcItem {

    final Otc otc;
    final Scope scope;
    final List<OtcIngredient> ingredients = new ArrayList<>();

    OtcItem(Otc otc, Scope scope) {
        this.otc = otc;
        this.scope = scope;
    }

    public Otc otc() {
        return otc;
    }

    public Scope scope() {
        return scope;
    }

    public List<OtcIngredient> ingredients() {
        return ingredients;
    }
}
