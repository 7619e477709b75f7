package org.musubi.secretariat.application.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.musubi.registry.FacilityKind;
import org.musubi.registry.Profession;
import org.musubi.registry.profile.AcceptedCard;
import org.musubi.secretariat.application.ApplicantUser;
import org.musubi.secretariat.application.ApplicationDraft;

/**
 * The application form's fields as bound from the request, all as text (a wrong value becomes a field's fault, never
 * a 400). The users to create come as parallel lists, one entry per row ({@code userAdmin} lists the row numbers
 * ticked); rows left wholly blank are dropped.
 */
record ApplicationForm(String kind, String nameKanji, String nameKana, String code, String prefecture,
                       String municipality, String address, String phone, String beds, Boolean disclosing,
                       Boolean viewing, List<String> acceptedCards, String contactName, String contactPhone,
                       String contactEmail, List<String> userNameKanji, List<String> userNameKana,
                       List<String> userProfession, List<String> userAdmin) {

    /** Empty rows offered after the ones filled in. */
    static final int SPARE_ROWS = 3;

    ApplicationForm {
        disclosing = Boolean.TRUE.equals(disclosing);
        viewing = Boolean.TRUE.equals(viewing);
        acceptedCards = acceptedCards == null ? List.of() : acceptedCards;
        userNameKanji = userNameKanji == null ? List.of() : userNameKanji;
        userNameKana = userNameKana == null ? List.of() : userNameKana;
        userProfession = userProfession == null ? List.of() : userProfession;
        userAdmin = userAdmin == null ? List.of() : userAdmin;
    }

    static ApplicationForm empty() {
        return new ApplicationForm("CLINIC", "", "", "", "34", "", "", "", "", false, true, List.of("REGIONAL"), "",
                "", "", List.of(), List.of(), List.of(), List.of());
    }

    static ApplicationForm of(ApplicationDraft d) {
        List<String> admins = new ArrayList<>();
        for (int i = 0; i < d.users().size(); i++) {
            if (d.users().get(i).facilityAdmin()) {
                admins.add(String.valueOf(i));
            }
        }
        return new ApplicationForm(d.kind().name(), d.nameKanji(), d.nameKana(), d.code(),
                d.prefecture() == null ? "" : String.valueOf(d.prefecture()), d.municipality(), d.address(), d.phone(),
                d.beds() == null ? "" : String.valueOf(d.beds()), d.disclosing(), d.viewing(),
                d.acceptedCards().stream().map(Enum::name).toList(), d.contactName(), d.contactPhone(),
                d.contactEmail(), d.users().stream().map(ApplicantUser::nameKanji).toList(),
                d.users().stream().map(ApplicantUser::nameKana).toList(),
                d.users().stream().map(u -> u.profession().name()).toList(), admins);
    }

    /** How many user rows the page shows: the filled ones and some spare, at most the limit. */
    public int rows() {
        int filled = Math.max(userNameKanji.size(), Math.max(userNameKana.size(), userProfession.size()));
        return Math.min(ApplicationDraft.MAX_USERS, Math.max(filled, 1) + SPARE_ROWS);
    }

    public String cell(List<String> column, int row) {
        return row < column.size() && column.get(row) != null ? column.get(row) : "";
    }

    public boolean admin(int row) {
        return userAdmin.contains(String.valueOf(row));
    }

    public boolean card(String name) {
        return acceptedCards.contains(name);
    }

    ApplicationDraft draft() {
        List<ApplicantUser> users = new ArrayList<>();
        int rows = Math.max(userNameKanji.size(), Math.max(userNameKana.size(), userProfession.size()));
        for (int i = 0; i < rows; i++) {
            String kanji = cell(userNameKanji, i).strip();
            String kana = cell(userNameKana, i).strip();
            String profession = cell(userProfession, i).strip();
            if (kanji.isEmpty() && kana.isEmpty() && profession.isEmpty()) {
                continue;
            }
            users.add(new ApplicantUser(kanji, kana, parse(Profession.class, profession), admin(i)));
        }
        Set<AcceptedCard> cards = EnumSet.noneOf(AcceptedCard.class);
        acceptedCards.stream().map(c -> parse(AcceptedCard.class, c)).filter(c -> c != null).forEach(cards::add);
        return new ApplicationDraft(parse(FacilityKind.class, kind), nameKanji, nameKana, code, number(prefecture),
                municipality, address, phone, number(beds), disclosing, viewing, cards, contactName, contactPhone,
                contactEmail, users);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null || name.isBlank() ? null : Enum.valueOf(type, name.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A whole number as typed (full-width digits too); null when blank; -1 when not a number (a range fault). */
    private static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String digits = java.text.Normalizer.normalize(text.strip(), java.text.Normalizer.Form.NFKC);
        try {
            return digits.length() > 6 ? -1 : Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
