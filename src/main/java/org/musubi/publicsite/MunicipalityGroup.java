package org.musubi.publicsite;

import java.util.List;

/** One municipality's disclosing facilities on the 開示病院一覧: hospitals first, then by kana. */
public record MunicipalityGroup(String municipality, List<PublicListing> facilities) {

    public MunicipalityGroup {
        facilities = List.copyOf(facilities);
    }
}
